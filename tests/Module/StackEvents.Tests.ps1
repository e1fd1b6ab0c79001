# Stack events against the local cloud: -RunAsync, Get-OSStackEvent -Follow (to the end, bounded by -TimeoutSec,
# stopped by Ctrl+C) and stack name completion, on a JSON template whose one slow resource takes as long as it is told.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $script:Prefix = New-OsoName 'oso-ste'
    $script:QuickJson = Join-Path $PSScriptRoot 'Templates/quick.json'

    function Wait-Listed([string] $Name) {
        $null = Wait-OsoCondition -TimeoutSec 30 -IntervalMs 200 -Because "stack $Name to be listed" { Get-OSStack -Name "$Name*" }
    }

    function Get-Completion([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText
    }
}

AfterAll {
    if ($DefaultOSCloud) {
        # A create still running in the background is cancelled first, so that no stack appears after the clean-up.
        $running = @(Get-OSTask | Where-Object State -eq Running)
        $running.ForEach({ $_.Cancel() })
        if ($running) { $running | Wait-OSTask -TimeoutSec 30 -ErrorAction SilentlyContinue | Out-Null }
        Get-OSStack -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSStack -Confirm:$false -ErrorAction SilentlyContinue
    }
}

Describe 'Stack events' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        Connect-OSCloud -Cloud los-demo -ErrorAction Stop | Out-Null
    }

    It '-RunAsync returns a task and -Follow streams the events until the stack settles' {
        $name = "$Prefix-quick"

        $task = New-OSStack $name -TemplateFile $QuickJson -Parameter @{ seconds = 4 } -RunAsync -ErrorAction Stop
        Wait-Listed $name
        $events = @(Get-OSStackEvent $name -Follow -ErrorAction Stop)
        $statusAfterFollow = (Get-OSStack $name -ErrorAction Stop).Status
        $stack = $task | Wait-OSTask -ErrorAction Stop

        $task.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Task'
        $statusAfterFollow | Should -Be 'CREATE_COMPLETE'
        $events.ForEach({ $_.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.StackEvent' })
        $events.Where({ $_.ResourceName -eq 'slow' -and $_.Status -eq 'CREATE_COMPLETE' }) | Should -Not -BeNullOrEmpty
        $events[-1].ResourceName | Should -Be $name
        $events[-1].Status | Should -Be 'CREATE_COMPLETE'
        $stack.Status | Should -Be 'CREATE_COMPLETE'
        Get-OSStackOutput $name slow_value -ErrorAction Stop | Should -Be 'done'
        Get-Completion "Get-OSStackOutput -Stack $Prefix" | Should -Be @($name)
        Get-Completion "Get-OSStack $Prefix" | Should -Be @($name)
    }

    It '-Follow stops after -TimeoutSec with a RequestTimeout error, and at once on Ctrl+C' {
        $name = "$Prefix-slow"
        New-OSStack $name -TemplateFile $QuickJson -Parameter @{ seconds = 120 } -RunAsync -ErrorAction Stop | Out-Null
        Wait-Listed $name

        $watch = [Diagnostics.Stopwatch]::StartNew()
        $bounded = @(Get-OSStackEvent $name -Follow -TimeoutSec 3 -ErrorVariable failures -ErrorAction SilentlyContinue)
        $watch.Stop()
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'RequestTimeout,OpenStackOrchestrator.Cmdlets.Orchestration.GetOSStackEventCommand'
        $bounded.Where({ $_.Status -eq 'CREATE_IN_PROGRESS' }) | Should -Not -BeNullOrEmpty
        $watch.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 2
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 15

        # Ctrl+C is PowerShell's Stop() of the running pipeline: a pipeline of its own, in a runspace of its own.
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$(Get-OsoModulePath)'; Connect-OSCloud -Cloud los-demo | Out-Null").Invoke()
            $ps.Commands.Clear()
            $following = $ps.AddScript("Get-OSStackEvent '$name' -Follow").BeginInvoke()
            Start-Sleep -Milliseconds 1500
            $following.IsCompleted | Should -BeFalse -Because '-Follow should still be waiting for the stack to settle'
            $watch.Restart()
            $ps.Stop()
            $watch.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally {
            $ps.Runspace.Dispose()
            $ps.Dispose()
        }
    }
}
