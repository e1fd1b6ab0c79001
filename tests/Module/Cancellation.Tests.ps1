# Stopping a cmdlet whose request hangs (a server that accepts and never answers), and request timeouts.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    $global:DefaultOSClouds = $null
    $global:DefaultOSCloud = $null
    # Accepts connections and never answers.
    $silent = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $silent.Start()
    $port = $silent.LocalEndpoint.Port
    $connect = "`$c = [pscredential]::new('u', [Net.NetworkCredential]::new('', 'pw').SecurePassword); Connect-OSCloud -AuthUrl http://127.0.0.1:$port/v3 -Credential `$c"
}

AfterAll { $silent.Stop() }

Describe 'Stopping a hanging request' {
    It 'PowerShell.Stop() ends Connect-OSCloud at once, long before its 60 s timeout' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$(Get-OsoModulePath)' -ErrorAction Stop; $connect -TimeoutSec 60")
            $async = $ps.BeginInvoke()
            Start-Sleep -Milliseconds 1500
            $async.IsCompleted | Should -BeFalse -Because 'the request waits for the silent server'
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 3
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $ps.Dispose() }
    }

    It 'Ctrl+C at a console ends Connect-OSCloud and gives the prompt back' {
        if (-not (Get-Command tmux -ErrorAction SilentlyContinue)) { Set-ItResult -Skipped -Because 'tmux is not installed'; return }
        $session = Start-OsoTmux
        try {
            Send-OsoTmuxKeys $session "$connect -TimeoutSec 60; 'after-connect'" -Literal
            Send-OsoTmuxKeys $session Enter
            Start-Sleep -Seconds 2
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            Send-OsoTmuxKeys $session C-c
            # Typed after Ctrl+C: it runs only once the prompt is back.
            Send-OsoTmuxKeys $session "'back-' + (6*7)" -Literal
            Send-OsoTmuxKeys $session Enter
            $screen = Wait-OsoCondition -TimeoutSec 15 -Because 'the prompt after Ctrl+C' { $s = Get-OsoTmuxScreen $session; if ($s -match 'back-42') { $s } }
            $watch.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
            $screen | Should -Not -Match '(?m)^after-connect'
        }
        finally { Stop-OsoTmux $session }
    }
}

Describe 'Request timeouts' {
    It 'a silent server fails within -TimeoutSec with RequestTimeout naming the URL' {
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $thrown = { Invoke-Expression "$connect -TimeoutSec 2 -ErrorAction Stop" } |
            Should -Throw -ErrorId 'RequestTimeout,OpenStackOrchestrator.Cmdlets.ConnectOSCloudCommand' -PassThru
        $watch.Stop()
        $thrown.CategoryInfo.Category | Should -Be 'OperationTimeout'
        "$thrown" | Should -Match ([regex]::Escape("http://127.0.0.1:$port/v3"))
        $watch.Elapsed.TotalSeconds | Should -BeGreaterThan 1.5
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 8
    }
}
