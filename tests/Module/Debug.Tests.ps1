# -Debug prints the redacted curl trace of every request and never stops to ask, in a script or at a console.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $tokenLine = "X-Auth-Token: \{SHA256\}[0-9a-f]{64}'"
    # What PowerShell prints when a compiled cmdlet's -Debug turns a write into a question.
    $promptWords = 'Continue with this operation', '\[Y\] Yes', 'NonInteractive mode', 'Read and Prompt'
}

Describe '-Debug in this (non-interactive) session' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll { Use-OsoLocalCloud }
    AfterAll { Use-OsoLocalCloud }

    It 'Connect-OSCloud -Debug connects and writes the trace of the token request' {
        $records = Connect-OSCloud -Cloud los-demo -Debug -ErrorAction Stop 5>&1
        $debug = @($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message)
        $debug.Where({ $_ -like 'REQ: curl*-X POST*/v3/auth/tokens*' }) | Should -Not -BeNullOrEmpty
        ($debug -join "`n") | Should -Not -Match 'demopass'
        $DefaultOSCloud.Name | Should -Be 'los-demo'
    }

    It 'Get-OSFlavor -Debug writes curl lines with hashed tokens only' {
        $debug = @(Get-OSFlavor -Debug -ErrorAction Stop 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message)
        $request = $debug.Where({ $_ -like 'REQ: curl*' -and $_ -like '*/flavors/detail*' }, 'First')[0]
        $request | Should -Match $tokenLine
        $debug.Where({ $_ -like 'RESP: `[200`]*ms*' }) | Should -Not -BeNullOrEmpty
    }

    It 'Get-OSImage -First 1 -Debug shows the limit pushed down to the API' {
        $records = Get-OSImage -First 1 -Debug -ErrorAction Stop 5>&1
        @($records | Where-Object { $_ -isnot [System.Management.Automation.DebugRecord] }) | Should -HaveCount 1
        @($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] -and $_.Message -like '*/v2/images?limit=1*' }) | Should -Not -BeNullOrEmpty
    }

    It 'Invoke-OSApiRequest -Debug writes its verbose line without asking' {
        $records = Invoke-OSApiRequest -Service network -Path /v2.0/networks -Debug -ErrorAction Stop 4>&1 5>&1
        @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'HTTP 200*' }) | Should -Not -BeNullOrEmpty
    }
}

Describe '-Debug in a new pwsh' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'pwsh -NonInteractive -File: Connect-OSCloud -Debug and Get-OSFlavor -Debug print the trace and ask nothing' {
        $run = Invoke-OsoPwsh -Script @'
$null = Connect-OSCloud -Cloud los-demo -Debug
Get-OSFlavor m1.tiny -Debug | ForEach-Object { "flavor: $($_.Name)" }
'@
        $run.Errors | Should -BeNullOrEmpty
        $run.ExitCode | Should -Be 0
        foreach ($word in $promptWords) { $run.Text | Should -Not -Match $word }
        $run.Output | Should -Contain 'flavor: m1.tiny'
        $run.Output.Where({ $_ -like 'DEBUG: REQ: curl*/flavors/detail*' }) | Should -Match $tokenLine
        $run.Output.Where({ $_ -like 'DEBUG: REQ: curl*/v3/auth/tokens*' }) | Should -Not -BeNullOrEmpty
    }

    It 'an interactive pwsh: -Debug prints the trace without a prompt' {
        $run = Invoke-OsoPwsh -Interactive -Script @'
$null = Connect-OSCloud -Cloud los-demo -Debug
Get-OSFlavor m1.tiny -Debug | ForEach-Object { "flavor: $($_.Name)" }
'@
        $run.ExitCode | Should -Be 0
        foreach ($word in $promptWords) { $run.Text | Should -Not -Match $word }
        $run.Output | Should -Contain 'flavor: m1.tiny'
        $run.Output.Where({ $_ -like 'DEBUG: REQ: curl*/flavors/detail*' }) | Should -Match $tokenLine
    }

    It 'a console in tmux: Get-OSFlavor -Debug prints the trace and returns to the prompt' {
        $session = Start-OsoTmux
        try {
            Send-OsoTmuxKeys $session 'Connect-OSCloud -Cloud los-demo -Debug | Out-Null; Get-OSFlavor m1.tiny -Debug; "done-$(1+1)"' -Literal
            Send-OsoTmuxKeys $session Enter
            $screen = Wait-OsoCondition -TimeoutSec 60 -Because 'the command to finish' {
                $s = Get-OsoTmuxScreen $session
                if ($s -match 'done-2' -or $s -match 'Continue with this operation') { $s }
            }
            $screen | Should -Not -Match 'Continue with this operation'
            $screen | Should -Match 'DEBUG: '
            $screen | Should -Match 'done-2'
        }
        finally { Stop-OsoTmux $session }
    }
}
