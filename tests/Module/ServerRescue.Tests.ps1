# Enter-OSServerRescue / Exit-OSServerRescue: a server booted into rescue (RESCUE) and back (ACTIVE), the rescue
# password never shown, and the errors of a server in the wrong state.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $script:demo = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
    $script:name = New-OsoName 'oso-rescue'
    $script:server = New-OSServer -Name $name -Image los-fake-image -Flavor m1.tiny -Network none -Confirm:$false -ErrorAction Stop
    function Get-RawStatus { (Invoke-OSApiRequest -Service compute -Path "/servers/$($server.Id)" -ErrorAction Stop).server.status }
}

AfterAll {
    if ($server) { Remove-OSServer $server -Confirm:$false -ErrorAction SilentlyContinue }
}

Describe 'Enter-OSServerRescue and Exit-OSServerRescue' -Tag Cloud -Skip:([bool]$NoCloud) {
    It '-WhatIf with an image nothing has is the ObjectNotFound error the real run gives, and rescues nothing' {
        Enter-OSServerRescue $name -Image oso-no-such-image -WhatIf -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed.Count | Should -Be 1
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].Exception.Message | Should -Match 'oso-no-such-image'
        Get-RawStatus | Should -Be 'ACTIVE'
    }

    It 'Exit-OSServerRescue of a server not in rescue is a ServerAlreadyInState error' {
        Exit-OSServerRescue $name -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -Be 'ServerAlreadyInState,OpenStackOrchestrator.Cmdlets.Compute.ExitOSServerRescueCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $failed[0].Exception.Message | Should -Match 'already out of rescue'
    }

    It 'Enter-OSServerRescue -Image -AdminPassword waits for RESCUE and never shows the password, not even in -Debug' {
        $secret = "oso-Rescue-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
        $password = ConvertTo-SecureString $secret -AsPlainText -Force
        $all = @(Get-OSServer $name | Enter-OSServerRescue -Image los-fake-image -AdminPassword $password -Debug -ErrorAction Stop 5>&1)
        $rescued = @($all | Where-Object { $_ -is [OpenStackOrchestrator.Client.Compute.Server] })
        $rescued.Count | Should -Be 1
        $rescued[0].Id | Should -Be $server.Id
        $rescued[0].Status | Should -Be 'RESCUE'
        $rescued[0].PowerState | Should -Be 'PoweredOn'
        Get-RawStatus | Should -Be 'RESCUE'
        $debug = ($all | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message) -join "`n"
        $debug | Should -Match '"rescue"' -Because 'the trace shows the rescue request'
        $debug | Should -Not -Match ([regex]::Escape($secret))
        ($rescued | Out-String) | Should -Not -Match ([regex]::Escape($secret))
    }

    It 'Enter-OSServerRescue of a server in rescue is a ServerAlreadyInState error' {
        Enter-OSServerRescue $name -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -Be 'ServerAlreadyInState,OpenStackOrchestrator.Cmdlets.Compute.EnterOSServerRescueCommand'
        $failed[0].Exception.Message | Should -Match 'already rescued'
    }

    It 'Exit-OSServerRescue boots a piped server from its own disk again' {
        $back = Get-OSServer $name | Exit-OSServerRescue -ErrorAction Stop
        $back.Status | Should -Be 'ACTIVE'
        Get-RawStatus | Should -Be 'ACTIVE'
    }

    It '-RunAsync returns a task whose result is the rescued server' {
        $task = Enter-OSServerRescue $name -RunAsync -ErrorAction Stop
        $task | Should -BeOfType OpenStackOrchestrator.Client.Tasks.OSTask
        ($task | Wait-OSTask -ErrorAction Stop).Status | Should -Be 'RESCUE'
        Exit-OSServerRescue $name -ErrorAction Stop | ForEach-Object Status | Should -Be 'ACTIVE'
    }
}
