# Connections against the local OpenStack (tests/cloud/up.sh): Connect-/Get-/Disconnect-OSCloud and the defaults.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
}

Describe 'The local cloud as los-demo' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'Connect-OSCloud -Cloud los-demo connects and becomes the default' {
        $script:connection = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
        $connection.Name | Should -Be 'los-demo'
        $connection.IsConnected | Should -BeTrue
        $DefaultOSClouds | Should -HaveCount 1
        $DefaultOSCloud.Id | Should -Be $connection.Id
    }

    It 'Get-OSFlavor m1.tiny has 1 vCPU and 0.5 GB of memory' {
        $tiny = Get-OSFlavor m1.tiny -ErrorAction Stop
        $tiny | Should -HaveCount 1
        $tiny.VCpus | Should -Be 1
        $tiny.MemoryGB | Should -Be 0.5
    }

    It 'Get-OSImage -Name los-* finds los-fake-image' {
        $names = (Get-OSImage -Name los-* -ErrorAction Stop).Name
        $names | Should -Contain 'los-fake-image'
        $names.Where({ $_ -notlike 'los-*' }) | Should -BeNullOrEmpty
    }

    It 'Get-OSServer | Where-Object Status -eq ACTIVE keeps only active servers' {
        $servers = @(Get-OSServer -ErrorAction Stop)
        $servers.ForEach({ $_.PSObject.Properties.Name | Should -Contain 'Status' })
        $active = @(Get-OSServer -ErrorAction Stop | Where-Object Status -eq ACTIVE)
        $active | Should -HaveCount $servers.Where({ $_.Status -eq 'ACTIVE' }).Count
        $active.ForEach({ $_.Status | Should -Be 'ACTIVE' })
    }

    It 'Invoke-OSApiRequest lists the network named public' {
        (Invoke-OSApiRequest -Service network -Path /v2.0/networks -ErrorAction Stop).networks.name | Should -Contain 'public'
    }

    It 'Disconnect-OSCloud -Confirm:$false empties $DefaultOSClouds' {
        Disconnect-OSCloud -Confirm:$false -ErrorAction Stop
        $DefaultOSClouds | Should -BeNullOrEmpty
        $DefaultOSCloud | Should -BeNullOrEmpty
    }
}
