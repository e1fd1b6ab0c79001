# Lock-OSServer / Unlock-OSServer: a locked server refuses to be deleted (ServerLocked) until it is unlocked.
# Nova lets an admin act on a locked server, so the server here belongs to the demo user (role member).

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $script:demo = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
    $script:name = New-OsoName 'oso-lock'
    $script:server = New-OSServer -Name $name -Image los-fake-image -Flavor m1.tiny -Network none -Confirm:$false -ErrorAction Stop
    function Get-RawServer { (Invoke-OSApiRequest -Service compute -Path "/servers/$($server.Id)" -Microversion 2.73 -ErrorAction Stop).server }
}

AfterAll {
    if ($server) {
        Unlock-OSServer $server -Confirm:$false -ErrorAction SilentlyContinue | Out-Null
        Remove-OSServer $server -Confirm:$false -ErrorAction SilentlyContinue
    }
}

Describe 'Lock-OSServer and Unlock-OSServer' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'a new server is not locked' {
        $server.Locked | Should -BeFalse
        (Get-RawServer).locked | Should -BeFalse
    }

    It 'Lock-OSServer -WhatIf locks nothing' {
        Lock-OSServer $name -Reason 'what if' -WhatIf -ErrorAction Stop | Should -BeNullOrEmpty
        (Get-OSServer $name).Locked | Should -BeFalse
    }

    It 'Lock-OSServer -Reason locks the server and Nova keeps the reason' {
        $locked = Get-OSServer $name | Lock-OSServer -Reason 'oso test: keep' -ErrorAction Stop
        $locked.Id | Should -Be $server.Id
        $locked.Locked | Should -BeTrue
        (Get-OSServer $name).Locked | Should -BeTrue
        $raw = Get-RawServer
        $raw.locked | Should -BeTrue
        $raw.locked_reason | Should -Be 'oso test: keep'
    }

    It 'Remove-OSServer of a locked server is a ServerLocked error and the server stays' {
        Remove-OSServer $name -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'ServerLocked,OpenStackOrchestrator.Cmdlets.Compute.RemoveOSServerCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $failed[0].Exception.Message | Should -Match 'HTTP 409: Instance \S+ is locked'
        (Get-OSServer -Id $server.Id -ErrorAction Stop).Status | Should -Be 'ACTIVE'
    }

    It 'Stop-OSServer of a locked server is refused the same way' {
        Stop-OSServer $name -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -Be 'ServerLocked,OpenStackOrchestrator.Cmdlets.Compute.StopOSServerCommand'
        (Get-OSServer $name).PowerState | Should -Be 'PoweredOn'
    }

    It 'Unlock-OSServer unlocks a piped server, which then can be stopped' {
        $unlocked = Get-OSServer $name | Unlock-OSServer -ErrorAction Stop
        $unlocked.Locked | Should -BeFalse
        (Get-RawServer).locked | Should -BeFalse
        (Get-RawServer).locked_reason | Should -BeNullOrEmpty
        Stop-OSServer $name -Confirm:$false -ErrorAction Stop | ForEach-Object PowerState | Should -Be 'PoweredOff'
    }

    It 'Lock-OSServer -RunAsync returns a task whose result is the locked server' {
        $task = Lock-OSServer $name -RunAsync -ErrorAction Stop
        $task | Should -BeOfType OpenStackOrchestrator.Client.Tasks.OSTask
        $result = $task | Wait-OSTask -ErrorAction Stop
        $result.Locked | Should -BeTrue
        (Get-RawServer).locked_reason | Should -BeNullOrEmpty
        Unlock-OSServer $name -ErrorAction Stop | ForEach-Object Locked | Should -BeFalse
    }
}
