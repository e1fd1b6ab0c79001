# Servers created, power cycled, resized, rebuilt and removed through the cmdlets, as a user would.

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
    $script:project = New-OsoProject -AdminCloud $admin -Name (New-OsoName 'oso-life') -ComputeQuota @{ instances = 30; cores = 30 } -Default
    $script:prefix = $project.Name
    $script:connect = "`$null = Connect-OSCloud -Cloud los-admin -ProjectName $prefix -ErrorAction Stop"

    function New-TestServer([string] $Name, [hashtable] $With = @{}) {
        New-OSServer -Name $Name -Image los-fake-image -Flavor m1.tiny -Network none -Confirm:$false -ErrorAction Stop @With
    }
}

AfterAll {
    Remove-OsoProject -AdminCloud $admin -Project $project
}

Describe 'A server''s life' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'goes from New- through Stop, Start, Restart, Suspend, Set, Reset to Remove on the pipeline' {
        $name = "$prefix-a"
        $created = New-TestServer $name
        $created.Status | Should -Be 'ACTIVE'
        $created.PowerState | Should -Be 'PoweredOn'

        Get-OSServer $name | Stop-OSServer -Confirm:$false -ErrorAction Stop | ForEach-Object PowerState | Should -Be 'PoweredOff'
        (Get-OSServer $name).Status | Should -Be 'SHUTOFF'
        Get-OSServer $name | Start-OSServer -ErrorAction Stop | ForEach-Object Status | Should -Be 'ACTIVE'
        Restart-OSServer $name -Hard -Confirm:$false -ErrorAction Stop | ForEach-Object Status | Should -Be 'ACTIVE'
        Suspend-OSServer $name -ErrorAction Stop | ForEach-Object Status | Should -Be 'SUSPENDED'
        Start-OSServer $name -ErrorAction Stop | ForEach-Object Status | Should -Be 'ACTIVE'

        $resized = Set-OSServer $name -Flavor m1.small -Name "$name-r" -Metadata @{ role = 'web' } -ErrorAction Stop
        $resized.Flavor | Should -Be 'm1.small'
        $resized.Name | Should -Be "$name-r"
        (Get-OSServer "$name-r").Metadata['role'] | Should -Be 'web'

        Reset-OSServer "$name-r" -Image los-fake-image -Confirm:$false -ErrorAction Stop | ForEach-Object Status | Should -Be 'ACTIVE'
        Get-OSServerConsoleLog "$name-r" -ErrorAction Stop | Should -Contain 'FAKE CONSOLE OUTPUT'

        Get-OSServer "$name-r" | Remove-OSServer -Confirm:$false -ErrorAction Stop
        Get-OSServer "$name-r" -ErrorVariable gone -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $gone | Should -HaveCount 1
        $gone[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'a resize can wait for verification and be reverted' {
        $name = "$prefix-v"
        $null = New-TestServer $name
        Set-OSServer $name -Flavor m1.small -NoConfirmResize -ErrorAction Stop | ForEach-Object Status | Should -Be 'VERIFY_RESIZE'
        (Set-OSServer $name -RevertResize -ErrorAction Stop).Flavor | Should -Be 'm1.tiny'
    }

    It '-BootVolumeSizeGB boots from a new volume deleted with the server' {
        $server = New-TestServer "$prefix-bfv" @{ BootVolumeSizeGB = 1 }
        $server.Status | Should -Be 'ACTIVE'
        $server.ImageId | Should -BeNullOrEmpty
        $volume = (Get-OSServer "$prefix-bfv").AttachedVolumes[0]
        $volume.DeleteOnTermination | Should -BeTrue
    }

    It 'debug lines show the requests of the tasks a cmdlet waits for' {
        $debug = & { $DebugPreference = 'Continue'; $null = New-TestServer "$prefix-d" } 5>&1 |
            Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message
        $debug | Where-Object { $_ -like 'REQ: curl*' -and $_ -like '*-X POST*' -and $_ -like "*/servers'*" } | Should -Not -BeNullOrEmpty
        $debug | Where-Object { $_ -like 'RESP: `[202`]*' } | Should -Not -BeNullOrEmpty
    }
}
