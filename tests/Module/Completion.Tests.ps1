# Tab completion through TabExpansion2, the function every host calls on Tab (in-process), and once through a real
# interactive console (PSReadLine in tmux). Completion runs in a folder of decoy files named like the typed words: a
# parameter without a completer falls back to file names, and the exact assertions below would then see them.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud

    function Get-Completion([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText)
    }

    $script:Prefix = New-OsoName 'oso-cmp'
    $script:Decoys = Join-Path ([System.IO.Path]::GetTempPath()) $Prefix
    New-Item -ItemType Directory -Path $Decoys | Out-Null
    foreach ($name in "$Prefix-file.txt", 'web-file.txt', 'pub-file.txt', 'Task-file.txt', 'm1.file.txt', 'los-file.txt', '192.0.2.file.txt') {
        New-Item -ItemType File -Path (Join-Path $Decoys $name) | Out-Null
    }
    Push-Location $Decoys
}

AfterAll {
    Pop-Location
    Remove-Item $Decoys -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Completion conventions' {
    It 'every parameter that takes a resource by name, id or object has an argument completer' {
        $missing = foreach ($command in Get-Command -Module OpenStackOrchestrator -CommandType Cmdlet) {
            foreach ($parameter in $command.Parameters.Values) {
                # Reference parameters: ResourceReference (names, ids or objects) and anything the module transforms
                # from a name (-Cloud, -Task).
                $type = $parameter.ParameterType
                $isReference = $type -eq [OpenStackOrchestrator.Infrastructure.ResourceReference] -or
                    $type -eq [OpenStackOrchestrator.Infrastructure.ResourceReference[]] -or
                    @($parameter.Attributes | Where-Object {
                        $_ -is [System.Management.Automation.ArgumentTransformationAttribute] -and $_.GetType().Namespace -like 'OpenStackOrchestrator*' -and $_ -isnot [OpenStackOrchestrator.Infrastructure.WholeNumberAttribute] }).Count -gt 0
                $hasCompleter = @($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] }).Count -gt 0
                if ($isReference -and -not $hasCompleter) { "$($command.Name) -$($parameter.Name)" }
            }
        }
        $missing | Should -BeNullOrEmpty -Because 'a reference parameter without a completer completes file names'
    }

    It 'finds reference parameters (the convention test is not vacuous)' {
        (Get-Command New-OSServer).Parameters['Image'].ParameterType | Should -Be ([OpenStackOrchestrator.Infrastructure.ResourceReference])
        @((Get-Command Wait-OSTask).Parameters['Task'].Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentTransformationAttribute] }) | Should -Not -BeNullOrEmpty
    }

    It 'a parameter without a completer completes the decoy files here (so the tests below would see a missing completer)' {
        Get-Completion "New-OSServer x -UserData $Prefix-" | Should -Be @("./$Prefix-file.txt")
    }

    It 'without a connection live completion offers nothing (no file names) and raises no error' {
        $Error.Clear()
        Get-Completion 'Get-OSServer -Name web' | Should -BeNullOrEmpty
        Get-Completion 'Wait-OSTask -Task Task' | Should -BeNullOrEmpty
        $Error | Should -BeNullOrEmpty
    }
}

Describe 'Completion of live names on the local cloud' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        # The cloud is shared with other test runs; a slow first page must not come back empty (and be cached so).
        [OpenStackOrchestrator.Completion.CompletionCache]::TimeBox = [timespan]::FromSeconds(30)
        Connect-OSCloud -Cloud los-demo -ErrorAction Stop | Out-Null
        # Everything is created before the first completion: names are cached per connection and kind for a minute.
        $script:net = New-OSNetwork "$Prefix-n" -ErrorAction Stop
        $script:subnet = New-OSSubnet "$Prefix-n-sub" -Network $net -Cidr 10.121.0.0/24 -ErrorAction Stop
        $script:router = New-OSRouter "$Prefix-r" -ErrorAction Stop
        $script:group = New-OSSecurityGroup "$Prefix-sg" -ErrorAction Stop
        $script:rule = New-OSSecurityGroupRule -SecurityGroup $group -Direction ingress -Protocol tcp -Port 22 -ErrorAction Stop
        $script:port = New-OSPort "$Prefix-p" -Network $net -ErrorAction Stop
        $script:floating = New-OSFloatingIP -Network public -ErrorAction Stop
        $script:container = New-OSContainer "$Prefix-c" -ErrorAction Stop
        $script:task = Remove-OSContainer $container -RunAsync -Confirm:$false -ErrorAction Stop
    }

    AfterAll {
        if ($floating) { Remove-OSFloatingIP $floating -Release -Confirm:$false -ErrorAction SilentlyContinue }
        if ($port) { Remove-OSPort $port -Confirm:$false -ErrorAction SilentlyContinue }
        if ($group) { Remove-OSSecurityGroup $group -Confirm:$false -ErrorAction SilentlyContinue }
        if ($router) { Remove-OSRouter $router -Confirm:$false -ErrorAction SilentlyContinue }
        if ($net) { Remove-OSNetwork $net -Confirm:$false -ErrorAction SilentlyContinue }
        if ($task) { $null = Wait-OSTask $task -ErrorAction SilentlyContinue }
        Remove-OSContainer "$Prefix-c" -Confirm:$false -ErrorAction SilentlyContinue
        Use-OsoLocalCloud
    }

    It 'Connect-OSCloud -Cloud completes cloud names from clouds.yaml' {
        Get-Completion 'Connect-OSCloud -Cloud los-' | Should -Be @('los-admin', 'los-demo')
        Get-Completion 'Connect-OSCloud los-d' | Should -Be @('los-demo')
    }

    It 'flavor and image names complete live, and a second completion is answered from the cache' {
        Get-Completion 'Get-OSFlavor -Name m1.' | Should -Be @('m1.small', 'm1.tiny')
        Get-Completion 'Get-OSImage -Name los-' | Should -Contain 'los-fake-image'
        $fetches = [OpenStackOrchestrator.Completion.CompletionCache]::FetchCount
        Get-Completion 'Get-OSFlavor m1.t' | Should -Be @('m1.tiny')
        [OpenStackOrchestrator.Completion.CompletionCache]::FetchCount | Should -Be $fetches
    }

    It 'network, subnet, router and security group names complete' {
        Get-Completion "Get-OSNetwork $Prefix-" | Should -Be @("$Prefix-n")
        Get-Completion 'New-OSRouter x -ExternalNetwork pub' | Should -Be @('public')
        Get-Completion "Remove-OSSubnet $Prefix-n-" | Should -Be @("$Prefix-n-sub")
        Get-Completion "Add-OSRouterInterface -Router $Prefix-" | Should -Be @("$Prefix-r")
        Get-Completion "Get-OSSecurityGroup $Prefix-" | Should -Be @("$Prefix-sg")
        Get-Completion "New-OSPort -Network $($net.Name) -SecurityGroup $Prefix-" | Should -Be @("$Prefix-sg")
    }

    It 'New-OSServer -Network completes network names, not file names' {
        Get-Completion "New-OSServer x -Image los-fake-image -Network $Prefix-" | Should -Be @("$Prefix-n")
        Get-Completion 'New-OSServer x -Network pub' | Should -Be @('public')
    }

    It 'New-OSServer -SecurityGroup completes security group names, not file names' {
        Get-Completion "New-OSServer x -Image los-fake-image -SecurityGroup $Prefix-" | Should -Be @("$Prefix-sg")
    }

    It 'ports complete by name, floating IPs by address, rules by id' {
        Get-Completion "Remove-OSPort $Prefix-" | Should -Be @("$Prefix-p")
        Get-Completion "Get-OSPort -Name $Prefix-" | Should -Be @("$Prefix-p")
        Get-Completion "Remove-OSFloatingIP -FloatingIP $($floating.Address)" | Should -Be @($floating.Address)
        Get-Completion "Remove-OSSecurityGroupRule -SecurityGroupRule $($rule.Id.Substring(0, 8))" | Should -Be @($rule.Id)
    }

    It 'Wait-OSTask -Task completes the ids of this session''s tasks, and takes the id it completed' {
        Get-Completion 'Wait-OSTask -Task ' | Should -Be @($task.Id)
        Get-Completion 'Wait-OSTask -Task Task' | Should -Be @($task.Id)
        Get-Completion 'Get-OSTask -Id Task' | Should -Be @($task.Id)
        Wait-OSTask -Task $task.Id -ErrorAction Stop
        (Get-OSTask -Id $task.Id).State | Should -Be 'Success'
    }

    It 'Wait-OSTask -Task says which id is unknown' {
        { Wait-OSTask -Task Task-999999 -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage '*Task-999999*Get-OSTask*'
    }

    It '-Cloud completes the names of open connections' {
        Connect-OSCloud -Cloud los-admin -NotDefault -ErrorAction Stop | Out-Null
        Get-Completion 'Get-OSServer -Cloud los' | Sort-Object | Should -Be @('los-admin', 'los-demo')
    }
}

Describe 'Completion in a real interactive console' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $script:session = Start-OsoTmux
    }

    AfterAll {
        if ($session) { Stop-OsoTmux $session }
    }

    It 'Get-OSFlavor -Name m1<Tab> completes the flavor names in pwsh with PSReadLine' {
        Send-OsoTmuxKeys $session "Set-Location '$Decoys'; Connect-OSCloud -Cloud los-demo | Out-Null; 'connected-' + `$DefaultOSCloud.Name" -Literal
        Send-OsoTmuxKeys $session Enter
        $null = Wait-OsoCondition -TimeoutSec 60 -Because 'the connection in tmux' { (Get-OsoTmuxScreen $session) -match 'connected-los-demo' }
        Send-OsoTmuxKeys $session 'Get-OSFlavor -Name m1' -Literal
        Send-OsoTmuxKeys $session Tab
        # The first Tab completes what all matches share; the second lists them under the line.
        $null = Wait-OsoCondition -TimeoutSec 30 -Because 'Tab to complete m1 to m1.' { (Get-OsoTmuxScreen $session) -match 'PS> Get-OSFlavor -Name m1\.' }
        Send-OsoTmuxKeys $session Tab
        $screen = Wait-OsoCondition -TimeoutSec 30 -Because 'the list of matches' {
            $s = Get-OsoTmuxScreen $session
            if ($s -match 'm1\.small' -and $s -match 'm1\.tiny') { $s }
        }
        $screen | Should -Match 'm1\.small\s+m1\.tiny'
        $screen | Should -Not -Match 'm1\.file'
    }
}
