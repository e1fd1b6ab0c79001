# Networks and subnets against the local OpenStack: created, read, changed and removed through the cmdlets, the
# pipelines their help shows, and Neutron's refusals. Everything is named with one prefix and deleted in AfterAll.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-Module "$PSScriptRoot/TestSupport/OsoNetworkTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $Commands = 'OpenStackOrchestrator.Cmdlets.Networking.'
    $Prefix = New-OsoName 'oso-net'
    if (-not (Get-OsoCloudSkipReason)) { $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop }
}

AfterAll {
    if (-not (Get-OsoCloudSkipReason)) { Remove-OsoNetworkResources -Prefix $Prefix }
}

Describe 'Networks' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'goes through its whole life: New-, Get- by name and id, Set- from the pipeline, Remove-' {
        $name = "$Prefix-a"
        $created = New-OSNetwork $name -Mtu 1400 -DisablePortSecurity -Description 'made by a test' -ErrorAction Stop
        $created.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Network'
        $created.Mtu | Should -Be 1400
        $created.PortSecurityEnabled | Should -BeFalse
        $created.Description | Should -Be 'made by a test'
        (Get-OSNetwork $name -ErrorAction Stop).Id | Should -Be $created.Id
        (Get-OSNetwork -Id $created.Id -ErrorAction Stop).Name | Should -Be $name

        $changed = Get-OSNetwork $name | Set-OSNetwork -Name "$name-r" -Mtu 1450 -PortSecurityEnabled $true -ErrorAction Stop
        $changed.Name | Should -Be "$name-r"
        $changed.Mtu | Should -Be 1450
        $changed.PortSecurityEnabled | Should -BeTrue

        Get-OSNetwork "$name-r" | Remove-OSNetwork -Confirm:$false -ErrorAction Stop
        $null = Get-OSNetwork "$name-r" -ErrorVariable gone -ErrorAction SilentlyContinue
        $gone | Should -HaveCount 1
        $gone[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'filters with wildcards here, and an exact name that matches nothing is NameNotFound' {
        $null = New-OSNetwork "$Prefix-w1" -ErrorAction Stop
        $null = New-OSNetwork "$Prefix-w2" -ErrorAction Stop
        $null = New-OSNetwork "$Prefix-v1" -ErrorAction Stop

        @(Get-OSNetwork "$Prefix-w*" -ErrorAction Stop).Name | Sort-Object | Should -Be @("$Prefix-w1", "$Prefix-w2")
        Get-OSNetwork "$Prefix-*" -First 1 -ErrorAction Stop | Should -HaveCount 1

        $null = Get-OSNetwork "$Prefix-nothing" -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be "NameNotFound,${Commands}GetOSNetworkCommand"
    }

    It 'finds the external network with -External, and its table reads like a port group list' {
        $null = New-OSNetwork "$Prefix-t" -ErrorAction Stop

        $external = @(Get-OSNetwork -External -ErrorAction Stop).Name
        $external | Should -Contain 'public'
        $external | Should -Not -Contain "$Prefix-t"
        @(Get-OSNetwork -External:$false -ErrorAction Stop).Name | Should -Contain "$Prefix-t"

        $table = Get-OSNetwork "$Prefix-t" | Format-Table | Out-String -Width 250
        $table | Should -Match 'Name\s+Status\s+(Is)?External\s+(Is)?Shared\s+Mtu\s+Subnet(s|Count)\s+Id'
        $table | Should -Match "$Prefix-t\s+ACTIVE\s+False\s+False\s+\d+\s+0\s+[0-9a-f-]{36}"
    }

    It 'is made external by an admin and refused to a member' {
        $null = New-OSNetwork "$Prefix-ext" -External -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused | Should -HaveCount 1
        $refused[0].CategoryInfo.Category | Should -Be 'PermissionDenied'

        $admin = Connect-OSCloud -Cloud los-admin -NotDefault -ErrorAction Stop
        try {
            $made = New-OSNetwork "$Prefix-ext" -External -Cloud $admin -ErrorAction Stop
            $made.IsExternal | Should -BeTrue
            @(Get-OSNetwork -External -Cloud $admin -ErrorAction Stop).Name | Should -Contain "$Prefix-ext"
        }
        finally {
            Get-OSNetwork "$Prefix-ext" -Cloud $admin -ErrorAction SilentlyContinue | Remove-OSNetwork -Confirm:$false
        }
    }

    It 'refuses to delete a network that has ports, with a Conflict naming the ports' {
        $net = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix p -Cidr 10.64.0.0/24
        $port = New-OSPort "$Prefix-port" -Network $net -ErrorAction Stop

        Remove-OSNetwork $net -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be "Conflict,${Commands}RemoveOSNetworkCommand"
        $e[0].CategoryInfo.Category | Should -Be 'ResourceBusy'
        "$($e[0])" | Should -Match 'ports still in use'
        "$($e[0])" | Should -Match $port.Id
        Get-OSNetwork $net -ErrorAction Stop | Should -HaveCount 1
    }

    It 'keeps the network and subnet under -WhatIf' {
        $net = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix w -Cidr 10.65.0.0/24

        Get-OSNetwork $net | Remove-OSNetwork -WhatIf -ErrorAction Stop
        Remove-OSSubnet "$net-sub" -WhatIf -ErrorAction Stop
        $null = Set-OSNetwork $net -Name "$net-x" -WhatIf -ErrorAction Stop

        Get-OSNetwork $net -ErrorAction Stop | Should -HaveCount 1
        Get-OSSubnet "$net-sub" -ErrorAction Stop | Should -HaveCount 1
    }

    It 'keeps the network when the user answers No at the confirmation prompt of a real pwsh' {
        $net = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix n -Cidr 10.66.0.0/24

        $run = Invoke-OsoPwsh -Interactive -InputLines 'N' -Script @"
`$null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
Remove-OSNetwork $net
'exit:' + `$?
"@
        $run.Text | Should -Match 'Delete network'
        $run.Output | Should -Contain 'exit:True'
        Get-OSNetwork $net -ErrorAction Stop | Should -HaveCount 1
    }
}

Describe 'Subnets' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'take a gateway, no DHCP, DNS servers and pools, and IPv6 modes' {
        $net = "$Prefix-s"
        $null = New-OSNetwork $net -ErrorAction Stop

        $v4 = Get-OSNetwork $net | New-OSSubnet -Name "$net-v4" -Cidr 10.61.0.0/24 -Gateway 10.61.0.254 -DisableDhcp `
            -DnsServer 192.0.2.53, 192.0.2.54 -AllocationPool 10.61.0.10-10.61.0.19, 10.61.0.100-10.61.0.109 -ErrorAction Stop
        $v4.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Subnet'
        $v4.GatewayIP | Should -Be '10.61.0.254'
        $v4.DhcpEnabled | Should -BeFalse
        @($v4.DnsServers | ForEach-Object { "$_" }) | Should -Be @('192.0.2.53', '192.0.2.54')
        @($v4.AllocationPools | ForEach-Object { "$_" } | Sort-Object) | Should -Be @('10.61.0.10-10.61.0.19', '10.61.0.100-10.61.0.109')

        $v6 = New-OSSubnet -Name "$net-v6" -Network $net -Cidr fd00:61::/64 -NoGateway -IPv6AddressMode slaac -IPv6RAMode slaac -ErrorAction Stop
        $v6.IPVersion | Should -Be 6
        $v6.GatewayIP | Should -BeNullOrEmpty
        $v6.IPv6AddressMode | Should -Be 'slaac'
        $v6.IPv6RAMode | Should -Be 'slaac'

        @(Get-OSSubnet -Network $net -ErrorAction Stop).Name | Sort-Object | Should -Be @("$net-v4", "$net-v6")
        (Get-OSNetwork $net -ErrorAction Stop).SubnetIds | Should -HaveCount 2

        $table = Get-OSSubnet "$net-v4" | Format-Table | Out-String -Width 250
        $table | Should -Match "$net-v4\s+10\.61\.0\.0/24\s+10\.61\.0\.254\s+False\s+[0-9a-f-]{36}\s+[0-9a-f-]{36}"

        Get-OSSubnet "$net-v6" | Remove-OSSubnet -Confirm:$false -ErrorAction Stop
        @(Get-OSSubnet -Network $net -ErrorAction Stop).Name | Should -Be @("$net-v4")
    }

    It 'Get-OSNetwork | Get-OSSubnet lists the subnets of each piped network (Get-OSSubnet and Get-OSNetwork examples)' {
        $a = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix pa -Cidr 10.67.0.0/24
        $b = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix pb -Cidr 10.68.0.0/24

        @(Get-OSNetwork $a | Get-OSSubnet -ErrorAction Stop).Name | Should -Be @("$a-sub")
        @(Get-OSNetwork -Name "$Prefix-p[ab]" | Get-OSSubnet -ErrorAction Stop).Name | Sort-Object | Should -Be @("$a-sub", "$b-sub")
    }

    It 'New-OSNetwork | New-OSSubnet makes a network with a subnet (New-OSNetwork example)' {
        $subnet = New-OSNetwork "$Prefix-nn" -ErrorAction Stop | New-OSSubnet -Name "$Prefix-nn-v4" -Cidr 10.69.0.0/24 -ErrorAction Stop
        $subnet.NetworkId | Should -Be (Get-OSNetwork "$Prefix-nn" -ErrorAction Stop).Id
        $subnet.Cidr | Should -Be '10.69.0.0/24'
    }

    It 'Get-OSSubnet -Network x | Remove-OSSubnet removes them all (Remove-OSSubnet example)' {
        $net = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix rs -Cidr 10.70.0.0/24
        Get-OSSubnet -Network $net | Remove-OSSubnet -Confirm:$false -ErrorAction Stop
        Get-OSSubnet -Network $net -ErrorAction Stop | Should -BeNullOrEmpty
    }

    It 'refuses an overlapping CIDR on the same network with Neutron''s message and request id' {
        $net = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix o -Cidr 10.62.0.0/24

        $null = New-OSSubnet -Name "$net-overlap" -Network $net -Cidr 10.62.0.128/25 -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be "BadRequest,${Commands}NewOSSubnetCommand"
        "$($e[0])" | Should -Match 'overlaps with another subnet'
        "$($e[0])" | Should -Match 'request id req-[0-9a-f-]+'
        Get-OSSubnet "$net-overlap" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'refuses a malformed allocation pool before anything is sent' {
        $net = "$Prefix-m"
        $null = New-OSNetwork $net -ErrorAction Stop

        $null = New-OSSubnet -Name "$net-sub" -Network $net -Cidr 10.63.0.0/24 -AllocationPool 10.63.0.10..10.63.0.20 -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be "InvalidArgument,${Commands}NewOSSubnetCommand"
        "$($e[0])" | Should -Match 'first-last'
        Get-OSSubnet -Network $net -ErrorAction Stop | Should -BeNullOrEmpty
    }
}
