# Connections and tasks belong to the process, as a PowerCLI user wishes they did: ForEach-Object -Parallel and
# Start-ThreadJob blocks use the parent's connections with nothing passed, tasks they start show in the parent's
# Get-OSTask, Stop-OSTask calls back what can be called back, and -Verbose narrates each change. Each script runs in
# a pwsh of its own, as a user's script does.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $script:prefix = New-OsoName 'oso-par'
    $script:templates = Join-Path $PSScriptRoot 'Templates'
    # As an installed module is: found by name, so the runspaces ForEach-Object -Parallel makes load it on first use.
    $script:installed = "`$env:PSModulePath = '$(Split-Path (Get-OsoModulePath))' + [IO.Path]::PathSeparator + `$env:PSModulePath`n"
}

AfterAll {
    if (-not $NoCloud) {
        $null = Connect-OSCloud -Cloud los-demo -ErrorAction SilentlyContinue
        Get-OSServer -Name "$prefix*" -ErrorAction SilentlyContinue | Remove-OSServer -Confirm:$false -ErrorAction SilentlyContinue
        Get-OSStack -Name "$prefix*" -ErrorAction SilentlyContinue | Remove-OSStack -Confirm:$false -ErrorAction SilentlyContinue
        Get-OSKeyPair -Name "$prefix*" -ErrorAction SilentlyContinue | Remove-OSKeyPair -Confirm:$false -ErrorAction SilentlyContinue
    }
}

Describe 'Connections in parallel runspaces' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'ForEach-Object -Parallel blocks use the default connection and see $DefaultOSCloud' {
        $run = Invoke-OsoPwsh ($installed + @'
$null = Connect-OSCloud los-demo -ErrorAction Stop
1..4 | ForEach-Object -ThrottleLimit 2 -Parallel {
    $flavor = Get-OSFlavor -Name m1.tiny -ErrorAction Stop
    "$_ $($flavor.Name) $($DefaultOSCloud.Name)"
} | Sort-Object
'@)
        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Should -Be @('1 m1.tiny los-demo', '2 m1.tiny los-demo', '3 m1.tiny los-demo', '4 m1.tiny los-demo')
    }

    It 'a Start-ThreadJob block finds a connection by name with -Cloud, and -Server too' {
        $run = Invoke-OsoPwsh ($installed + @'
$null = Connect-OSCloud los-demo -NotDefault -ErrorAction Stop
$null = Connect-OSCloud los-admin -ErrorAction Stop
Start-ThreadJob { (Get-OSFlavor -Name m1.small -Cloud los-demo -ErrorAction Stop).Name; (Get-OSFlavor -Name m1.tiny -Server los-admin -ErrorAction Stop).Name; (Get-OSCloud los-demo).ProjectName } |
    Receive-Job -Wait -AutoRemoveJob
'@)
        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Should -Be @('m1.small', 'm1.tiny', 'demo')
    }

    It 'twenty runspaces making fifty calls each share one token' {
        $run = Invoke-OsoPwsh -TimeoutSec 300 ($installed + @'
$cloud = Connect-OSCloud los-demo -ErrorAction Stop
$counts = 1..20 | ForEach-Object -ThrottleLimit 20 -Parallel {
    $n = 0
    foreach ($i in 1..50) { if (Get-OSImage -Name los-fake-image -ErrorAction Stop) { $n++ } }
    $n
}
"calls: $(($counts | Measure-Object -Sum).Sum) in $($counts.Count) runspaces"
$field = $cloud.GetType().GetProperty('AuthenticationCount', [Reflection.BindingFlags]'Instance,NonPublic')
"tokens: $($field.GetValue($cloud))"
'@)
        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Should -Contain 'calls: 1000 in 20 runspaces'
        $run.Output | Should -Contain 'tokens: 1'
    }

    It 'a Start-Job job (another process) is told to connect inside the job' {
        $run = Invoke-OsoPwsh ($installed + @"
`$null = Connect-OSCloud los-demo -ErrorAction Stop
`$job = Start-Job { Import-Module '$(Get-OsoModulePath)'; Get-OSFlavor -ErrorAction Stop }
`$job | Wait-Job | Out-Null
try { `$job | Receive-Job -ErrorAction Stop } catch { "error: `$(`$_.Exception.Message)" }
"@)
        ($run.Output -join ' ') | Should -BeLike '*error: You are not connected to any cloud.*Start-Job job runs in a process of its own*connect inside the job*'
    }
}

Describe 'Tasks across runspaces, Stop-OSTask and -Verbose' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'tasks started in parallel blocks show in the parent''s Get-OSTask and Wait-OSTask collects them' {
        $run = Invoke-OsoPwsh -TimeoutSec 240 ($installed + @"
`$null = Connect-OSCloud los-demo -ErrorAction Stop
1..2 | ForEach-Object -Parallel { `$null = New-OSServer -Name "$prefix-p`$_" -Image los-fake-image -Flavor m1.tiny -Network none -RunAsync -Confirm:`$false -ErrorAction Stop }
`$tasks = Get-OSTask | Where-Object Target -like '$prefix-p*'
"tasks: `$(`$tasks.Count)"
`$tasks | Wait-OSTask -ErrorAction Stop | Sort-Object Name | ForEach-Object { "`$(`$_.Name) `$(`$_.Status)" }
Get-OSServer -Name '$prefix-p*' | Remove-OSServer -Confirm:`$false -ErrorAction Stop
"@)
        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Should -Be @('tasks: 2', "$prefix-p1 ACTIVE", "$prefix-p2 ACTIVE")
    }

    It 'Stop-OSTask deletes a server that is still building' {
        $run = Invoke-OsoPwsh -TimeoutSec 240 ($installed + @"
`$null = Connect-OSCloud los-demo -ErrorAction Stop
# The fake driver builds in about a second: under load a build can finish before the stop (TaskNotRunning, or the task
# says it ended first, and the server stays); such a server is removed and the stop tried again, three times at most.
foreach (`$attempt in 1..3) {
    `$task = New-OSServer -Name "$prefix-stop`$attempt" -Image los-fake-image -Flavor m1.tiny -Network none -RunAsync -Confirm:`$false -ErrorAction Stop
    `$said = @(`$task | Stop-OSTask -Confirm:`$false -Verbose -ErrorAction SilentlyContinue -ErrorVariable stopError 4>&1 | ForEach-Object { "`$_" })
    if (`$task.State -ne 'Success') { `$stopError | Write-Error; break }
    Get-OSServer -Name "$prefix-stop`$attempt" | Remove-OSServer -Confirm:`$false -ErrorAction Stop
}
`$said
"state: `$(`$task.State)"
"left: `$(@(Get-OSServer -Name '$prefix-stop*').Count)"
Stop-OSTask `$task -Confirm:`$false -ErrorAction SilentlyContinue -ErrorVariable again
"again: `$(`$again[0].FullyQualifiedErrorId)"
"@)
        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Should -Contain 'state: Cancelled'
        $run.Output | Should -Contain 'left: 0'
        $run.Output | Where-Object { $_ -like 'los-demo: DELETE compute /servers/* -> 204 (request req-*)' } | Should -Not -BeNullOrEmpty
        $run.Output | Where-Object { $_ -like 'los-demo: Task-* stopped; deleted the server, still building.' } | Should -Not -BeNullOrEmpty
        $run.Output | Should -Contain 'again: TaskNotRunning,OpenStackOrchestrator.Cmdlets.StopOSTaskCommand'
    }

    It 'Stop-OSTask -WhatIf says what stopping would do, and does nothing' {
        $run = Invoke-OsoPwsh -TimeoutSec 240 ($installed + @"
`$null = Connect-OSCloud los-demo -ErrorAction Stop
# As soon as Nova has the server (the task knows what stopping it would undo), while it still builds; a build the fake
# driver finished first (under load) is tried again, three times at most.
foreach (`$attempt in 1..3) {
    `$task = New-OSServer -Name "$prefix-wi`$attempt" -Image los-fake-image -Flavor m1.tiny -Network none -RunAsync -Confirm:`$false -ErrorAction Stop
    while (-not `$task.StopAction -and `$task.State -eq 'Running') { Start-Sleep -Milliseconds 20 }
    Stop-OSTask `$task -WhatIf -ErrorAction SilentlyContinue -ErrorVariable stopError
    `$built = `$task | Wait-OSTask -ErrorAction Stop
    Get-OSServer "$prefix-wi`$attempt" | Remove-OSServer -Confirm:`$false -ErrorAction Stop
    if (-not `$stopError) { "built: `$(`$built.Status)"; break }
    if (`$attempt -eq 3) { `$stopError | Write-Error }
}
"@)
        $run.Errors | Should -BeNullOrEmpty
        ($run.Output -join "`n") | Should -BeLike "*What if: Performing the operation ""Stop task New-OSServer: delete the server, still building"" on target ""Task-* ($prefix-wi? on los-demo)"".*"
        $run.Output | Should -Contain 'built: ACTIVE'
    }

    It 'Stop-OSTask cancels a stack update half-way, and Heat rolls it back' {
        $template = Join-Path $templates 'slow-update.yaml'
        $run = Invoke-OsoPwsh -TimeoutSec 300 ($installed + @"
`$null = Connect-OSCloud los-demo -ErrorAction Stop
`$null = New-OSStack '$prefix-stk' -TemplateFile '$template' -ErrorAction Stop
`$task = Update-OSStack '$prefix-stk' -TemplateFile '$template' -Parameter @{ value = 'second' } -RunAsync -Confirm:`$false -ErrorAction Stop
while ((Get-OSStack '$prefix-stk').Status -ne 'UPDATE_IN_PROGRESS') { Start-Sleep -Milliseconds 500 }
Stop-OSTask `$task -Confirm:`$false -ErrorAction Stop
`$deadline = (Get-Date).AddSeconds(120)
do { Start-Sleep 2; `$status = (Get-OSStack '$prefix-stk').Status } while (`$status -like '*IN_PROGRESS' -and (Get-Date) -lt `$deadline)
"status: `$status"
"@)
        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Where-Object { $_ -like 'status: *' } | Should -BeIn @('status: ROLLBACK_COMPLETE', 'status: UPDATE_FAILED')
    }

    It 'Stop-OSTask of an operation the cloud cannot call back warns that it goes on' {
        $run = Invoke-OsoPwsh -TimeoutSec 240 ($installed + @"
`$null = Connect-OSCloud los-demo -ErrorAction Stop
`$null = New-OSServer -Name '$prefix-rm' -Image los-fake-image -Flavor m1.tiny -Network none -Confirm:`$false -ErrorAction Stop
`$task = Remove-OSServer '$prefix-rm' -RunAsync -Confirm:`$false -ErrorAction Stop
Stop-OSTask `$task -Confirm:`$false -ErrorAction Stop 3>&1 | ForEach-Object { "warning: `$_" }
"@)
        $run.Errors | Should -BeNullOrEmpty
        $line = $run.Output | Where-Object { $_ -like 'warning: *' }
        # The delete may end before the stop reaches it; either way nothing pretends the delete was called back.
        if ($line) { $line | Should -BeLike "warning: Task-* stopped waiting; the cloud goes on with 'Remove-OSServer $prefix-rm'*" }
    }

    It '-Verbose narrates each change in one line: cloud, request, status and request id' {
        $run = Invoke-OsoPwsh ($installed + @"
`$null = Connect-OSCloud los-demo -ErrorAction Stop
function Show-Verbose { process { if (`$_ -is [System.Management.Automation.VerboseRecord]) { "verbose: `$_" } } }
New-OSKeyPair -Name '$prefix-k' -Verbose -ErrorAction Stop 4>&1 | Show-Verbose
Remove-OSKeyPair '$prefix-k' -Confirm:`$false -Verbose -ErrorAction Stop 4>&1 | Show-Verbose
Get-OSKeyPair -Name '$prefix-k*' -Verbose 4>&1 | Show-Verbose
"@)
        $run.Errors | Should -BeNullOrEmpty
        $changes = @($run.Output | Where-Object { $_ -like 'verbose: los-demo: *' })
        $changes | Should -HaveCount 2 -Because 'a create and a delete are two changes; the reads are none'
        $changes[0] | Should -BeLike 'verbose: los-demo: POST compute /os-keypairs -> 20? (request req-*)'
        $changes[1] | Should -BeLike "verbose: los-demo: DELETE compute /os-keypairs/$prefix-k -> 20? (request req-*)"
    }
}
