# Get-OSServerConsole / Open-OSServerConsole: remote console URLs as Nova gives them (the local cloud answers them
# without a proxy behind: tests/cloud/NOTES.md), and no crash on this machine, which has no web browser.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $script:demo = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
    $script:name = New-OsoName 'oso-console'
    $script:server = New-OSServer -Name $name -Image los-fake-image -Flavor m1.tiny -Network none -Confirm:$false -ErrorAction Stop
}

AfterAll {
    if ($server) { Remove-OSServer $server -Confirm:$false -ErrorAction SilentlyContinue }
}

Describe 'Get-OSServerConsole' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'returns every console type the cloud offers for a piped server' {
        $consoles = @(Get-OSServer $name | Get-OSServerConsole -ErrorAction Stop)
        @($consoles.Type) | Should -Be @('novnc', 'spice-html5', 'serial')
        @($consoles.Protocol) | Should -Be @('vnc', 'spice', 'serial')
        foreach ($console in $consoles) {
            $console | Should -BeOfType OpenStackOrchestrator.Client.Compute.ServerConsole
            $console.pstypenames | Should -Contain 'OpenStackOrchestrator.ServerConsole'
            $console.Server | Should -Be $name
            $console.ServerId | Should -Be $server.Id
            $console.Url | Should -Match '^(https?|wss?)://\S+token'
        }
    }

    It '-Type asks for one console, as the raw API answers it' {
        $console = Get-OSServerConsole $name -Type serial -ErrorAction Stop
        @($console).Count | Should -Be 1
        $console.Type | Should -Be 'serial'
        $raw = (Invoke-OSApiRequest -Service compute -Path "/servers/$($server.Id)/remote-consoles" -Method POST -Microversion 2.6 `
                -Body @{ remote_console = @{ protocol = 'serial'; type = 'serial' } } -Confirm:$false -ErrorAction Stop).remote_console
        $raw.type | Should -Be 'serial'
        # Each answer carries a new token: the same URL up to it.
        ($console.Url -replace 'token=.*$') | Should -Be ($raw.url -replace 'token=.*$')
    }

    It 'a server nothing has is ObjectNotFound' {
        Get-OSServerConsole oso-no-such-server -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Open-OSServerConsole' -Tag Cloud -Skip:([bool]$NoCloud) {
    It '-WhatIf names the noVNC URL it would open and opens nothing' {
        $run = Invoke-OsoPwsh -Script "`$null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop; Open-OSServerConsole $name -WhatIf -ErrorAction Stop"
        $line = @($run.Output | Where-Object { $_ -like 'What if:*' })
        $line.Count | Should -Be 1
        $line[0] | Should -Match "^What if: Performing the operation `"Open novnc console https?://\S+token\S+ in the web browser`" on target `"$name on los-demo`"\.$"
        $run.Output | Should -Not -Match 'NoBrowser'
    }

    It 'on a machine with no browser is a NoBrowser error that gives the URL, not a crash' {
        $saved = $env:DISPLAY, $env:WAYLAND_DISPLAY
        try {
            $env:DISPLAY = $null; $env:WAYLAND_DISPLAY = $null
            Open-OSServerConsole $name -PassThru -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        } finally { $env:DISPLAY, $env:WAYLAND_DISPLAY = $saved }
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'NoBrowser,OpenStackOrchestrator.Cmdlets.Compute.OpenOSServerConsoleCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $failed[0].Exception.Message | Should -Match "novnc console of server '$name'.*Open this URL in a browser elsewhere: https?://\S+token"
        $failed[0].TargetObject.Type | Should -Be 'novnc'
    }
}
