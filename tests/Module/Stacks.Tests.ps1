# Heat stacks against the local cloud: removal that waits until the stack is gone, one not-found error for every stack
# cmdlet, -TimeoutSec everywhere, and Update-OSStack's help. (One stack's whole life: StackLifecycle.Tests.ps1.)

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
}

AfterAll {
    if ($DefaultOSCloud) {
        @(Get-OSTask | Where-Object State -eq Running).ForEach({ $_.Cancel() })
        Get-OSStack -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSStack -Confirm:$false -ErrorAction SilentlyContinue
    }
}

Describe 'Stack cmdlet parameters and help' {
    It 'no exported cmdlet has a parameter named Timeout, and every *Timeout* parameter is TimeoutSec (seconds)' {
        # Settings keep PowerCLI's names (Set-PowerCLIConfiguration -WebOperationTimeoutSeconds): they say seconds too.
        $settings = 'WebOperationTimeoutSeconds', 'CompletionTimeoutSeconds'
        $odd = foreach ($command in Get-Command -Module OpenStackOrchestrator -CommandType Cmdlet) {
            foreach ($parameter in $command.Parameters.Keys) {
                if ($command.Name -eq 'Set-OSConfiguration' -and $parameter -in $settings) { continue }
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

    Context '-Property' {
        It 'Get-OSStack -Property gives stacks with just those properties, read by name and listed, that still pipe on' {
            $name = "$Prefix-prop"
            New-OSStack $name -Template $Quick -TimeoutSec 120 -ErrorAction Stop | Out-Null

            $read = @(Get-OSStack $name -Property Name, Status, TimeoutMinutes -ErrorAction Stop)
            $listed = @(Get-OSStack "$name*" -Property Name, Status -ErrorAction Stop)

            $read | Should -HaveCount 1
            $read[0].PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Stack#Selected'
            @($read[0].PSObject.Properties.Name | Where-Object { $_ -notin 'Id', 'Cloud' }) | Should -Be @('Name', 'Status', 'TimeoutMinutes')
            $read[0].Status | Should -Be 'CREATE_COMPLETE'
            $read[0].TimeoutMinutes | Should -Be 2
            $listed | Should -HaveCount 1
            @($listed[0].PSObject.Properties.Name | Where-Object { $_ -notin 'Id', 'Cloud' }) | Should -Be @('Name', 'Status')
            $read[0] | Remove-OSStack -Confirm:$false -ErrorAction Stop
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
