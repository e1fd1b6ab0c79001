# Tasks of the cmdlets that wait: a task stopped with Ctrl+C is Cancelled and reads in one line, and the progress bar's
# label says what its fill shows. Each case runs the cmdlet in a runspace of its own, as a second shell would, so that
# it can be stopped (PowerShell.Stop() is what Ctrl+C does) and its progress records read.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $script:admin = Connect-OSCloud -Cloud los-admin -NotDefault -ErrorAction Stop
    # A project of its own: the servers made here never meet the instance quota other runs share in the demo project.
    $script:project = New-OsoProject -AdminCloud $admin -Name (New-OsoName 'oso-task') -ComputeQuota @{ instances = 30; cores = 30 } -Default
    $script:prefix = $project.Name
    $script:connect = "`$null = Connect-OSCloud -Cloud los-admin -ProjectName $prefix -ErrorAction Stop"

    <# A runspace with the module imported and connected to the project. #>
    function New-ConnectedRunspace {
        $runspace = [runspacefactory]::CreateRunspace()
        $runspace.Open()
        $setup = [powershell]::Create()
        $setup.Runspace = $runspace
        $null = $setup.AddScript("Import-Module '$(Get-OsoModulePath)' -ErrorAction Stop; $connect").Invoke()
        if ($setup.HadErrors) { throw "Setting up the runspace failed: $($setup.Streams.Error)" }
        $setup.Dispose()
        $runspace
    }

    function Invoke-InRunspace($Runspace, [string] $Script) {
        $ps = [powershell]::Create()
        $ps.Runspace = $Runspace
        try { $ps.AddScript($Script).Invoke() } finally { $ps.Dispose() }
    }
}

AfterAll {
    Remove-OsoProject -AdminCloud $admin -Project $project
}

Describe 'Ctrl+C while a cmdlet waits' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $script:runspace = New-ConnectedRunspace
        $ps = [powershell]::Create()
        $ps.Runspace = $runspace
        $null = $ps.AddScript("New-OSServer -Name $prefix-c -Image los-fake-image -Flavor m1.tiny -Network none -Confirm:`$false")
        $async = $ps.BeginInvoke()
        # Stopped once the server is being built, i.e. while the cmdlet waits for it.
        $null = Wait-OsoCondition -TimeoutSec 60 -IntervalMs 100 -Because 'New-OSServer to wait for the build' {
            $ps.Streams.Progress | Where-Object StatusDescription -like '*BUILD*'
        }
        $ps.Stop()
        $script:stopped = try { $ps.EndInvoke($async); $false } catch [System.Management.Automation.PipelineStoppedException] { $true }
        $ps.Dispose()
        $script:task = Wait-OsoCondition -TimeoutSec 30 -Because 'the stopped task to end' {
            Invoke-InRunspace $runspace 'Get-OSTask' | Where-Object { "$($_.State)" -ne 'Running' }
        }
        $script:listed = (Invoke-InRunspace $runspace '$PSStyle.OutputRendering = "PlainText"; Get-OSTask | Format-List | Out-String') -join "`n"
    }

    AfterAll { if ($runspace) { $runspace.Dispose() } }

    It 'stops the pipeline' {
        $stopped | Should -BeTrue
    }

    It 'leaves the task Cancelled, not Error' {
        $task | Should -HaveCount 1
        "$($task.State)" | Should -Be 'Cancelled'
        $task.Target | Should -Be "$prefix-c"
    }

    It 'shows the task in Format-List with a one-line error and no stack trace' {
        $listed | Should -Match 'State\s+:\s+Cancelled'
        $listed | Should -Match 'Error\s+:\s+\S'
        $listed | Should -Not -Match '\bat \S+\(|--- End of|Flurl\.|System\.Net\.'
        ($listed -split "`n" | Where-Object { $_.Trim() }).Count | Should -BeLessThan 20
    }
}

Describe 'The progress bar while servers are made' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $script:runspace = New-ConnectedRunspace
        $ps = [powershell]::Create()
        $ps.Runspace = $runspace
        $script:servers = $ps.AddScript("New-OSServer -Name $prefix-p -Count 2 -Image los-fake-image -Flavor m1.tiny -Network none -Confirm:`$false").Invoke()
        $script:records = @($ps.Streams.Progress | Where-Object Activity -eq 'Creating servers')
        $script:errors = @($ps.Streams.Error)
        $ps.Dispose()
    }

    AfterAll { if ($runspace) { $runspace.Dispose() } }

    It 'makes both servers' {
        $errors | Should -BeNullOrEmpty
        $servers | Should -HaveCount 2
    }

    It 'labels every update with the share its bar shows' {
        $updates = @($records | Where-Object RecordType -eq 'Processing')
        $updates | Should -Not -BeNullOrEmpty
        foreach ($record in $updates) {
            $record.StatusDescription | Should -Match "(^|\D)$($record.PercentComplete)% " -Because "the bar is $($record.PercentComplete)% full"
        }
        $updates | Where-Object { $_.PercentComplete -gt 0 -and $_.PercentComplete -lt 100 } | Should -Not -BeNullOrEmpty
    }

    It 'ends at 100% with both done' {
        $last = @($records | Where-Object RecordType -eq 'Processing')[-1]
        $last.PercentComplete | Should -Be 100
        $last.StatusDescription | Should -Match '2 of 2 done'
        $records[-1].RecordType | Should -Be 'Completed'
    }
}

Describe 'The progress bar in an interactive pwsh' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $script:session = Start-OsoTmux -Width 200
        Send-OsoTmuxKeys $session "$connect; New-OSServer -Name $prefix-t -Count 2 -Image los-fake-image -Flavor m1.tiny -Network none -Confirm:`$false | Out-Null; 'made'" -Literal
        Send-OsoTmuxKeys $session Enter
        $script:bar = Wait-OsoCondition -TimeoutSec 90 -IntervalMs 200 -Because 'the progress bar' {
            (Get-OsoTmuxScreen $session) -split "`n" | Where-Object { $_ -match 'Creating servers' }
        }
        $null = Wait-OsoCondition -TimeoutSec 90 -Because 'New-OSServer to end' { (Get-OsoTmuxScreen $session) -match '(?m)^made' }
    }

    AfterAll { if ($session) { Stop-OsoTmux $session } }

    It 'shows the label with the percentage of its bar' {
        ($bar -join "`n") | Should -Match '\d+% of the work; \d of 2 done|: .*\(\d+%\)'
    }
}
