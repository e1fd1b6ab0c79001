# Every cmdlet that waits for a cloud operation can be told not to (PowerCLI's -RunAsync): a script starts many
# operations and collects them with Wait-OSTask. The rule is read from the help a user reads: a cmdlet whose synopsis or
# description says it waits has -RunAsync, and runs its work as tasks (OSTaskCmdlet), so that -RunAsync returns tasks.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    # Waiting is what Wait-OSTask is for, and Stop-OSTask waits for the task it stops: neither has an operation of its own to run in the background.
    $waitingIsTheJob = @('Wait-OSTask', 'Stop-OSTask')
    $Waiting = @(foreach ($command in Get-Command -Module OpenStackOrchestrator -CommandType Cmdlet | Sort-Object Name) {
            if ($command.Name -in $waitingIsTheJob) { continue }
            $help = Get-Help $command.Name -Full
            $text = (@($help.Synopsis) + @($help.description.Text)) -join ' '
            if ($text -match '\bwait(s|ing)?\b') { @{ Name = $command.Name } }
        })
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
}

Describe '-RunAsync wherever a cmdlet waits' {
    It '<Name> waits (its help says so) and takes -RunAsync' -ForEach $Waiting {
        (Get-Command $Name).Parameters.Keys | Should -Contain 'RunAsync'
        (Get-Command $Name).ImplementingType.IsSubclassOf([OpenStackOrchestrator.Infrastructure.OSTaskCmdlet]) | Should -BeTrue -Because '-RunAsync returns the tasks OSTaskCmdlet starts'
    }

    It 'finds the waiting cmdlets to check' -ForEach @{ Found = $Waiting.Count } {
        $Found | Should -BeGreaterThan 20
    }
}
