# Heat stacks against the local cloud: one stack through its whole life, removal that waits until the stack is gone,
# one not-found error for every stack cmdlet, -TimeoutSec everywhere, and Update-OSStack's help.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
    $MissingStackLines = @(
        'Get-OSStack <missing>'
        'Get-OSStack -Id <missing>'
        'Remove-OSStack <missing> -Confirm:$false'
        'Update-OSStack <missing> -Parameter @{ length = 1 }'
        'Suspend-OSStack <missing>'
        'Resume-OSStack <missing>'
        'Get-OSStackOutput <missing>'
        'Get-OSStackResource <missing>'
        'Get-OSStackEvent <missing>'
        'Get-OSStackTemplate <missing>'
    ).ForEach({ @{ Line = $_ } })
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $script:Templates = Join-Path $PSScriptRoot 'Templates'
    $script:Prefix = New-OsoName 'oso-stk'
    $script:Quick = "heat_template_version: 2018-08-31`nresources:`n  r: {type: OS::Heat::RandomString}"

    function Get-Output([string] $Stack, [string] $Name) { Get-OSStackOutput $Stack -Name $Name -ErrorAction Stop }
}

AfterAll {
    if ($DefaultOSCloud) {
        @(Get-OSTask | Where-Object State -eq Running).ForEach({ $_.Cancel() })
        Get-OSStack -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSStack -Confirm:$false -ErrorAction SilentlyContinue
    }
}

Describe 'Stack cmdlet parameters and help' {
    It 'no exported cmdlet has a parameter named Timeout, and every *Timeout* parameter is TimeoutSec (seconds)' {
        $odd = foreach ($command in Get-Command -Module OpenStackOrchestrator -CommandType Cmdlet) {
            foreach ($parameter in $command.Parameters.Keys) {
                if ($parameter -like '*Timeout*' -and $parameter -cne 'TimeoutSec') { "$($command.Name) -$parameter" }
            }
        }
        $odd | Should -BeNullOrEmpty
        foreach ($name in 'New-OSStack', 'Update-OSStack', 'Get-OSStackEvent', 'Wait-OSTask') {
            (Get-Command $name).Parameters.Keys | Should -Contain 'TimeoutSec' -Because "$name has a wait timeout"
        }
    }

    It 'Get-Help Update-OSStack shows every parameter set Get-Command shows, the template-less one first' {
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters
        $commandSets = @((Get-Command Update-OSStack).ParameterSets | ForEach-Object {
                ($_.Parameters.Name | Where-Object { $_ -notin $common } | Sort-Object) -join ',' })
        $help = Get-Help Update-OSStack -Full
        $helpSets = @($help.syntax.syntaxItem | ForEach-Object { ($_.parameter.name | Sort-Object) -join ',' })

        $helpSets | Should -HaveCount $commandSets.Count
        foreach ($set in $commandSets) { $helpSets | Should -Contain $set }
        $helpSets[0] | Should -Not -Match 'Template' -Because 'the default set (no template: the stack keeps its own) leads'
        ($help.syntax | Out-String -Width 300) | Should -Match '(?m)^Update-OSStack \[-Stack\] <ResourceReference\[\]> (?!.*Template).*\[-TimeoutSec <Int32>\]'
    }
}

Describe 'Stacks' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        Connect-OSCloud -Cloud los-demo -ErrorAction Stop | Out-Null
    }

    It 'a stack is created, read, updated, previewed, suspended, resumed and removed' {
        $name = "$Prefix-app"
        $app = Join-Path $Templates 'app.yaml'
        $environment = Join-Path $Templates 'env/app-env.yaml'

        # In a runspace of its own, to see the progress records New-OSStack writes.
        $run = Invoke-OsoRunspace -Variables @{ Name = $name; App = $app; Environment = $environment } -Script {
            New-OSStack $Name -TemplateFile $App -EnvironmentFile $Environment -Parameter @{ length = 6 } -Tag oso, test
        }
        $run.Errors | Should -BeNullOrEmpty
        $created = $run.Output | Should -HaveCount 1 -PassThru
        $created.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Stack'
        $created.Status | Should -Be 'CREATE_COMPLETE'
        $created.Tags | Should -Be @('oso', 'test')
        # The progress bar showed the resources' events as they came.
        $run.Progress.Where({ $_.StatusDescription -like "${name}: *" -and $_.StatusDescription -like '* CREATE_*' -and $_.StatusDescription -like '*resources)*' }) |
            Should -Not -BeNullOrEmpty

        # Outputs as objects, and one value with -Name.
        $outputs = @(Get-OSStackOutput $name -ErrorAction Stop)
        $outputs.ForEach({ $_.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.StackOutput' })
        $outputs.Name | Sort-Object | Should -Be @('extra_greeting', 'member_greetings', 'random_value', 'server_id', 'volume_id')
        (Get-Output $name random_value).Length | Should -Be 6
        # A nested template mapped by the environment's registry, reading a file with get_file, with a parameter from the environment.
        Get-Output $name extra_greeting | Should -Be 'member 99 says hi: stacks all the way down'
        # A list output is written item by item: one per member of the resource group (type: lib/member.yaml).
        Get-OSStackOutput $name member_greetings -ErrorAction Stop |
            Should -Be @('member 0 says hi: stacks all the way down', 'member 1 says hi: stacks all the way down')
        $serverId = Get-Output $name server_id
        (Get-OSServer -Id $serverId -ErrorAction Stop).Status | Should -Be 'ACTIVE'

        # Resources, with what they created, and those of the nested stacks.
        $resources = @(Get-OSStackResource $name -ErrorAction Stop)
        $resources.Name | Sort-Object | Should -Be @('extra', 'members', 'net', 'port', 'random', 'server', 'subnet', 'volume')
        $resources.ForEach({ $_.Status | Should -Be 'CREATE_COMPLETE' })
        $resources.Where({ $_.Name -eq 'server' }).PhysicalId | Should -Be $serverId
        (Get-OSStackResource $name volume -ErrorAction Stop).PhysicalId | Should -Be (Get-Output $name volume_id)
        $nested = @(Get-OSStack $name | Get-OSStackResource -Name motto -NestedDepth 2 -ErrorAction Stop)
        $nested | Should -HaveCount 3
        $nested.ForEach({ $_.StackName | Should -Not -Be $name })

        # Get-OSStack: a name reads it in full; wildcards and statuses list; -Nested adds the nested stacks.
        $read = Get-OSStack $name -ErrorAction Stop
        $read.Parameters['length'] | Should -Be '6'
        $read.Parameters['greeting'] | Should -Be 'hi'
        @($read.Outputs) | Should -HaveCount 5
        @(Get-OSStack -Name "$Prefix-app*" -Status CREATE_* -ErrorAction Stop) | Should -HaveCount 1
        Get-OSStack -Name "$Prefix-app*" -Status *_FAILED -ErrorAction Stop | Should -BeNullOrEmpty
        @(Get-OSStack -Name "$Prefix-app*" -Nested -ErrorAction Stop) | Should -HaveCount 5

        # The preview shows the changes and makes none.
        $random = Get-Output $name random_value
        $changes = @(Update-OSStack $name -ExistingParameters -Parameter @{ length = 12 } -PreviewOnly -ErrorAction Stop)
        $changes.ForEach({ $_.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.StackChange' })
        $changes.Where({ $_.Change -eq 'Replaced' -and $_.ResourceName -eq 'random' }) | Should -HaveCount 1
        Get-Output $name random_value | Should -Be $random

        # -ExistingParameters keeps what is not given; a new template without it takes the defaults again.
        (Update-OSStack $name -ExistingParameters -Parameter @{ length = 12 } -ErrorAction Stop).Status | Should -Be 'UPDATE_COMPLETE'
        (Get-Output $name random_value).Length | Should -Be 12
        Get-Output $name extra_greeting | Should -Be 'member 99 says hi: stacks all the way down'
        (Get-OSStack $name | Update-OSStack -TemplateFile $app -EnvironmentFile $environment -ErrorAction Stop).Status | Should -Be 'UPDATE_COMPLETE'
        (Get-Output $name random_value).Length | Should -Be 8

        (Suspend-OSStack $name -ErrorAction Stop).Status | Should -Be 'SUSPEND_COMPLETE'
        (Get-OSServer -Id $serverId -ErrorAction Stop).Status | Should -Be 'SUSPENDED'
        (Resume-OSStack $name -ErrorAction Stop).Status | Should -Be 'RESUME_COMPLETE'
        (Get-OSServer -Id $serverId -ErrorAction Stop).Status | Should -Be 'ACTIVE'

        # Events, oldest first, of the resources and of the stack itself.
        $events = @(Get-OSStackEvent $name -ErrorAction Stop)
        $events.ForEach({ $_.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.StackEvent' })
        $events.Where({ $_.ResourceName -eq 'server' -and $_.Status -eq 'CREATE_COMPLETE' }) | Should -Not -BeNullOrEmpty
        $events.Where({ $_.IsStackEvent -and $_.Status -like '*_COMPLETE' }).Status |
            Should -Be @('CREATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_COMPLETE', 'SUSPEND_COMPLETE', 'RESUME_COMPLETE')
        $times = $events.Time
        $times | Should -Be ($times | Sort-Object)

        (Get-OSStackTemplate $name -ErrorAction Stop).resources.Keys | Should -Contain 'server'
        $json = Get-OSStackTemplate $name -AsJson -ErrorAction Stop
        [System.Text.Json.JsonDocument]::Parse($json).RootElement.GetProperty('heat_template_version').GetString() | Should -Be '2018-08-31'

        Get-OSStack $name | Remove-OSStack -Confirm:$false -ErrorAction Stop
        Get-OSStack $name -ErrorVariable gone -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $gone[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-OSServer -Id $serverId -ErrorVariable server -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $server[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    Context 'Remove-OSStack waits until the stack is gone' {
        It 'Get-OSStack no longer finds a stack once Remove-OSStack has returned' {
            $name = "$Prefix-gone"
            New-OSStack $name -Template $Quick -ErrorAction Stop | Out-Null

            Remove-OSStack $name -Confirm:$false -ErrorAction Stop

            Get-OSStack -Name "$name*" -ErrorAction Stop | Should -BeNullOrEmpty -Because 'the listing has no DELETE_COMPLETE stack left'
            { Get-OSStack $name -ErrorAction Stop } | Should -Throw -ErrorId 'NameNotFound,*'
        }

        It 'Get-OSStack x* | Remove-OSStack removes several stacks, right after another removal, without an error' {
            $names = 1..3 | ForEach-Object { "$Prefix-many-$_" }
            $names | ForEach-Object { New-OSStack $_ -Template $Quick -RunAsync } | Wait-OSTask -ErrorAction Stop | Out-Null

            Remove-OSStack $names[0] -Confirm:$false -ErrorAction Stop
            Get-OSStack -Name "$Prefix-many-*" | Remove-OSStack -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue

            $failures | Should -BeNullOrEmpty
            Get-OSStack -Name "$Prefix-many-*" -ErrorAction Stop | Should -BeNullOrEmpty
        }

        It 'Remove-OSStack -RunAsync returns a task, and once Wait-OSTask returns the stack is gone' {
            $name = "$Prefix-async"
            New-OSStack $name -Template $Quick -ErrorAction Stop | Out-Null

            $task = Remove-OSStack $name -RunAsync -Confirm:$false -ErrorAction Stop
            $task.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Task'
            $task | Wait-OSTask -TimeoutSec 120 -ErrorAction Stop | Should -BeNullOrEmpty

            Get-OSStack -Name "$name*" -ErrorAction Stop | Should -BeNullOrEmpty
        }
    }

    Context 'A stack that does not exist' {
        It '<Line> is NameNotFound, ObjectNotFound, with the name as target and one wording' -TestCases $MissingStackLines {
            $missing = if ($Line -like '*-Id*') { [guid]::NewGuid().ToString() } else { "$Prefix-none" }
            $script = [scriptblock]::Create($Line.Replace('<missing>', "'$missing'") + ' -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null; $failures')

            $failures = @(& $script)

            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'NameNotFound,OpenStackOrchestrator.Cmdlets.*'
            $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            "$($failures[0].TargetObject)" | Should -Be $missing
            $failures[0].Exception.Message | Should -BeExactly "No stack named '$missing' was found."
        }
    }

    Context '-TimeoutSec is seconds' {
        It 'New-OSStack -TimeoutSec sends Heat whole minutes, rounded up, and Update-OSStack -TimeoutSec too' {
            $name = "$Prefix-mins"
            (New-OSStack $name -Template $Quick -TimeoutSec 61 -ErrorAction Stop).TimeoutMinutes | Should -Be 2
            Update-OSStack $name -Parameter @{} -TimeoutSec 600 -ErrorAction Stop | Out-Null
            (Get-OSStack $name -ErrorAction Stop).TimeoutMinutes | Should -Be 10
        }

        It 'New-OSStack -TimeoutSec 3 stops waiting after about 3 s with a RequestTimeout error' {
            $watch = [Diagnostics.Stopwatch]::StartNew()
            New-OSStack "$Prefix-wait" -TemplateFile (Join-Path $Templates 'quick.json') -Parameter @{ seconds = 60 } -TimeoutSec 3 -ErrorVariable failures -ErrorAction SilentlyContinue |
                Should -BeNullOrEmpty
            $watch.Stop()

            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'RequestTimeout,*'
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 20
        }

        It 'Wait-OSTask -TimeoutSec 2 reports a task still running as RequestTimeout after about 2 s' {
            $task = New-OSStack "$Prefix-task" -TemplateFile (Join-Path $Templates 'quick.json') -Parameter @{ seconds = 60 } -RunAsync -ErrorAction Stop
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $task | Wait-OSTask -TimeoutSec 2 -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $watch.Stop()

            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'RequestTimeout,*'
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
            $task.Cancel()
        }
    }
}
