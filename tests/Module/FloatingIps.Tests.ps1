# Floating IPs against the local OpenStack (DB-only: no L3 agent): allocated, associated with servers, disassociated
# and released; a whole server setup built from pipelines. Other runs allocate addresses from "public" at the same
# time, so each test looks only at the addresses it allocated (by id or by its own description), never at counts.

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
    $Prefix = New-OsoName 'oso-fip'
    $TrackedIpIds = [System.Collections.Generic.List[string]]::new()
    if (-not (Get-OsoCloudSkipReason)) { $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop }

    # A network with subnet 10.<n>.0.0/24 on a router whose gateway is on public; returns the network's name.
    function New-RoutedNetwork([string] $Suffix, [int] $N) {
        $net = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix $Suffix -Cidr "10.$N.0.0/24"
        $null = New-OSRouter "$Prefix-$Suffix-r" -ExternalNetwork public -ErrorAction Stop | Add-OSRouterInterface -Subnet "$net-sub" -ErrorAction Stop
        $net
    }
}

AfterAll {
    if (-not (Get-OsoCloudSkipReason)) { Remove-OsoNetworkResources -Prefix $Prefix -FloatingIpId $TrackedIpIds }
}

Describe 'Floating IPs' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'reach a server built from pipelines: network, router, security group, port, NIC and address' {
        $net = New-OSNetwork "$Prefix-web" -ErrorAction Stop
        $subnet = $net | New-OSSubnet -Name "$Prefix-web-sub" -Cidr 10.91.0.0/24 -DnsServer 192.0.2.53 -ErrorAction Stop
        $router = New-OSRouter "$Prefix-web-r" -ExternalNetwork (Get-OSNetwork -External -Name public) -ErrorAction Stop
        $null = $router | Add-OSRouterInterface -Subnet $subnet -ErrorAction Stop
        $group = New-OSSecurityGroup "$Prefix-web-sg" -ErrorAction Stop
        $null = $group | New-OSSecurityGroupRule -Port 443 -ErrorAction Stop
        $null = $group | New-OSSecurityGroupRule -Port 22 -RemoteIPPrefix 203.0.113.0/24 -ErrorAction Stop
        $port = $net | New-OSPort "$Prefix-web-nic" -SecurityGroup $group -FixedIP "$($subnet.Name)=10.91.0.10" -ErrorAction Stop
        $server = New-OSServer -Name "$Prefix-web-vm" -Image los-fake-image -Flavor m1.tiny -Network none -ErrorAction Stop
        $nic = $server | Add-OSServerInterface -Port $port -ErrorAction Stop
        $ip = $server | Add-OSFloatingIP -ErrorAction Stop
        $TrackedIpIds.Add($ip.Id)
        $port = Get-OSPort -Id $port.Id -ErrorAction Stop
        $server = Get-OSServer -Id $server.Id -ErrorAction Stop

        $nic.PortState | Should -Be 'ACTIVE'
        $nic.PortId | Should -Be $port.Id
        $port.DeviceId | Should -Be $server.Id
        $port.SecurityGroupIds | Should -Be @($group.Id)
        $ip.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.FloatingIP'
        $ip.Address | Should -BeLike '192.0.2.*'
        $ip.FixedIPAddress | Should -Be '10.91.0.10'
        $ip.PortId | Should -Be $port.Id
        $ip.ServerId | Should -Be $server.Id
        $server.IPAddress | Should -Contain '10.91.0.10'

        @(Get-OSServer "$Prefix-web-vm" | Get-OSFloatingIP -ErrorAction Stop).Id | Should -Be @($ip.Id)
        (Get-OSServer "$Prefix-web-vm" | Get-OSFloatingIP -ErrorAction Stop).Address | Should -Be $ip.Address   # Get-OSFloatingIP example
        $table = Get-OSFloatingIP $ip.Address | Format-Table | Out-String -Width 250
        $table | Should -Match "$([regex]::Escape($ip.Address))\s+10\.91\.0\.10\s+\w+\s+$($server.Id)"
    }

    It 'is allocated, associated, disassociated from the pipeline and released' {
        $net = New-RoutedNetwork m 92
        $null = New-OSServer -Name "$Prefix-m-vm" -Image los-fake-image -Flavor m1.tiny -Network $net -ErrorAction Stop

        $allocated = New-OSFloatingIP -Network public -Description "$Prefix-m" -ErrorAction Stop
        $TrackedIpIds.Add($allocated.Id)
        $allocated.PortId | Should -BeNullOrEmpty

        $associated = Add-OSFloatingIP "$Prefix-m-vm" -FloatingIP $allocated.Address -ErrorAction Stop
        $associated.Id | Should -Be $allocated.Id
        $associated.FixedIPAddress | Should -BeLike '10.92.0.*'

        Get-OSFloatingIP $allocated.Address | Remove-OSFloatingIP -Confirm:$false -ErrorAction Stop
        $loose = Get-OSFloatingIP -Id $allocated.Id -ErrorAction Stop
        $loose.PortId | Should -BeNullOrEmpty
        $loose.FixedIPAddress | Should -BeNullOrEmpty
        Get-OSServer "$Prefix-m-vm" | Get-OSFloatingIP -ErrorAction Stop | Should -BeNullOrEmpty

        Remove-OSFloatingIP $allocated.Address -Release -Confirm:$false -ErrorAction Stop
        $null = Get-OSFloatingIP $allocated.Address -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be "NameNotFound,${Commands}GetOSFloatingIPCommand"
    }

    It 'Get-OSServer | Get-OSFloatingIP | Remove-OSFloatingIP disassociates and keeps the address (Remove-OSFloatingIP example)' {
        $net = New-RoutedNetwork d 95
        $server = New-OSServer -Name "$Prefix-d-vm" -Image los-fake-image -Flavor m1.tiny -Network $net -ErrorAction Stop
        $ip = Add-OSFloatingIP "$Prefix-d-vm" -Port (Get-OSPort -VM "$Prefix-d-vm" -Network $net) -ErrorAction Stop   # Add-OSFloatingIP example
        $TrackedIpIds.Add($ip.Id)
        $ip.ServerId | Should -Be $server.Id

        Get-OSServer "$Prefix-d-vm" | Get-OSFloatingIP | Remove-OSFloatingIP -Confirm:$false -ErrorAction Stop

        $kept = Get-OSFloatingIP -Id $ip.Id -ErrorAction Stop
        $kept.PortId | Should -BeNullOrEmpty
        $kept.Address | Should -Be $ip.Address
    }

    It 'on a server with two ports needs -Port, and the error lists the ports' {
        $net = New-RoutedNetwork two 93
        $null = New-OSServer -Name "$Prefix-two-vm" -Image los-fake-image -Flavor m1.tiny -Network $net, $net -ErrorAction Stop
        $ports = @((Get-OSPort -VM "$Prefix-two-vm" -ErrorAction Stop).Id)
        $ports | Should -HaveCount 2

        $null = Get-OSServer "$Prefix-two-vm" | Add-OSFloatingIP -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be "BadRequest,${Commands}AddOSFloatingIPCommand"
        $ports | ForEach-Object { "$($e[0])" | Should -Match $_ }

        $ip = Get-OSServer "$Prefix-two-vm" | Add-OSFloatingIP -Port $ports[1] -ErrorAction Stop
        $TrackedIpIds.Add($ip.Id)
        $ip.PortId | Should -Be $ports[1]
    }

    It 'for a server on a network without a router gets Neutron''s reason, and the address is not kept' {
        $net = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix nr -Cidr 10.94.0.0/24
        $server = New-OSServer -Name "$Prefix-nr-vm" -Image los-fake-image -Flavor m1.tiny -Network $net -ErrorAction Stop
        $ports = @((Get-OSPort -VM $server -ErrorAction Stop).Id)

        $DebugPreference = 'Continue'   # this It's own scope: the trace of this call only
        $trace = Add-OSFloatingIP "$Prefix-nr-vm" -Network public -ErrorVariable e -ErrorAction SilentlyContinue 5>&1
        $DebugPreference = 'SilentlyContinue'

        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -BeLike 'ResourceNotFound,*'
        "$($e[0])" | Should -Match 'not reachable'
        # The create (with the port) was the one call that could allocate, and Neutron refused it whole.
        $debug = @($trace | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Message
        $creates = @(0..($debug.Count - 1) | Where-Object { $debug[$_] -match '^REQ: .*-X POST .*/v2\.0/floatingips' })
        $creates | Should -HaveCount 1
        $debug | Select-Object -Skip ($creates[0] + 1) | Where-Object { $_ -match '^RESP: ' } | Select-Object -First 1 | Should -Match '^RESP: \[404\]'
        # Only this server's own addresses are looked at: none was allocated for its port, and none is left on it.
        Get-OSServer "$Prefix-nr-vm" | Get-OSFloatingIP -ErrorAction Stop | Should -BeNullOrEmpty
        Get-OSFloatingIP -Network public -ErrorAction Stop | Where-Object { $_.PortId -in $ports -or $_.Description -like "$Prefix*" } | Should -BeNullOrEmpty
    }

    It 'Get-OSFloatingIP -Property asks Neutron for only those fields, and a wildcard address still matches' {
        $allocated = New-OSFloatingIP -Network public -Description "$Prefix-prop" -ErrorAction Stop
        $TrackedIpIds.Add($allocated.Id)
        $pattern = $allocated.Address -replace '\.\d+$', '.*'

        $trace = @(Get-OSFloatingIP $pattern -Property Status, Description -Debug -ErrorAction Stop 5>&1)

        $list = @($trace | Where-Object { $_ -is [System.Management.Automation.DebugRecord] -and $_.Message -like 'REQ: curl*/v2.0/floatingips?*' })
        $list | Should -Not -BeNullOrEmpty
        $list | ForEach-Object { $_.Message | Should -Match 'fields=status' }
        $list | ForEach-Object { $_.Message | Should -Not -Match 'fields=(port_id|router_id|fixed_ip_address)' }
        $found = @($trace | Where-Object { $_ -isnot [System.Management.Automation.DebugRecord] -and $_.Id -eq $allocated.Id })
        $found | Should -HaveCount 1
        $found[0].Status | Should -Not -BeNullOrEmpty
        $found[0].Description | Should -Be "$Prefix-prop"
        @($found[0].PSObject.Properties.Name | Where-Object { $_ -in 'PortId', 'RouterId', 'FixedIPAddress', 'FloatingNetworkId' }) | Should -BeNullOrEmpty
        (Get-OSFloatingIP -Id $allocated.Id -Property Address -ErrorAction Stop).Address | Should -Be $allocated.Address
    }

    It 'allocates and releases nothing under -WhatIf' {
        $allocated = New-OSFloatingIP public -Description "$Prefix-w" -ErrorAction Stop
        $TrackedIpIds.Add($allocated.Id)

        $none = New-OSFloatingIP public -Description "$Prefix-w-whatif" -WhatIf -ErrorAction Stop
        Remove-OSFloatingIP $allocated.Address -Release -WhatIf -ErrorAction Stop

        $none | Should -BeNullOrEmpty
        Get-OSFloatingIP -Id $allocated.Id -ErrorAction Stop | Should -HaveCount 1
        Get-OSFloatingIP -ErrorAction Stop | Where-Object Description -eq "$Prefix-w-whatif" | Should -BeNullOrEmpty
    }
}
