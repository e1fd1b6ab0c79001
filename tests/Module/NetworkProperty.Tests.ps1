# -Property on Get-OSNetwork and Get-OSSubnet: Neutron is asked for only those fields, and the objects have only those
# properties. Everything is named with one prefix and deleted in AfterAll.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-Module "$PSScriptRoot/TestSupport/OsoNetworkTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $Prefix = New-OsoName 'oso-nprop'
    if (-not (Get-OsoCloudSkipReason)) { $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop }

    function Get-Requests([scriptblock] $Command) {
        @(& $Command 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } |
            ForEach-Object Message | Where-Object { $_ -like 'REQ: curl*' })
    }
}

AfterAll {
    if (-not (Get-OsoCloudSkipReason)) { Remove-OsoNetworkResources -Prefix $Prefix }
}

Describe '-Property on Get-OSNetwork and Get-OSSubnet' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $net = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix a -Cidr 10.87.0.0/24
    }

    It 'Get-OSNetwork -Property asks Neutron for only those fields and gives objects with only those properties' {
        $requests = Get-Requests { $script:found = @(Get-OSNetwork $net -Property Name, Status -Debug -ErrorAction Stop) }
        $list = @($requests | Where-Object { $_ -like '*/v2.0/networks?*' })
        $list | Should -Not -BeNullOrEmpty
        $list | ForEach-Object { $_ | Should -Match 'fields=' }
        $list | ForEach-Object { $_ | Should -Not -Match 'fields=(admin_state_up|subnets)' }
        $found | Should -HaveCount 1
        $found[0].Name | Should -Be $net
        $found[0].Status | Should -Be 'ACTIVE'
        @($found[0].PSObject.Properties.Name | Where-Object { $_ -in 'Subnets', 'IsShared', 'AdminStateUp', 'Mtu' }) | Should -BeNullOrEmpty
    }

    It 'Get-OSNetwork x | Get-OSSubnet -Property asks for only those fields of the piped network''s subnets' {
        $requests = Get-Requests { $script:subnets = @(Get-OSNetwork $net -ErrorAction Stop | Get-OSSubnet -Property Name, Cidr -Debug -ErrorAction Stop) }
        $list = @($requests | Where-Object { $_ -like '*/v2.0/subnets?*' })
        $list | Should -Not -BeNullOrEmpty
        $list | ForEach-Object { $_ | Should -Match 'fields=' }
        $list | ForEach-Object { $_ | Should -Match 'network_id=' }
        $subnets | Should -HaveCount 1
        $subnets[0].Name | Should -Be "$net-sub"
        $subnets[0].Cidr | Should -Be '10.87.0.0/24'
        @($subnets[0].PSObject.Properties.Name | Where-Object { $_ -in 'GatewayIP', 'DhcpEnabled', 'AllocationPools' }) | Should -BeNullOrEmpty
    }
}
