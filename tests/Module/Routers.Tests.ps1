# Routers against the local OpenStack (DB-only: no L3 agent): a gateway on the external network "public", and
# interfaces on subnets and ports. Everything is named with one prefix and deleted in AfterAll.

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
    $Prefix = New-OsoName 'oso-rtr'
    if (-not (Get-OsoCloudSkipReason)) { $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop }
}

AfterAll {
    if (-not (Get-OsoCloudSkipReason)) { Remove-OsoNetworkResources -Prefix $Prefix }
}

Describe 'Routers' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'go through their whole life with interfaces on a subnet and on a port' {
        $a = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix a -Cidr 10.81.0.0/24
        $b = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix b -Cidr 10.82.0.0/24
        $publicId = (Get-OSNetwork public -ErrorAction Stop).Id

        $router = New-OSRouter "$Prefix-r" -ExternalNetwork public -ErrorAction Stop
        $router.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Router'
        $router.ExternalNetworkId | Should -Be $publicId
        $router.ExternalIPAddress | Should -HaveCount 1
        $router.ExternalIPAddress[0] | Should -BeLike '192.0.2.*'

        $onSubnet = Get-OSRouter "$Prefix-r" | Add-OSRouterInterface -Subnet "$a-sub" -ErrorAction Stop
        $onSubnet.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Port'
        $onSubnet.DeviceOwner | Should -Be 'network:router_interface'
        $onSubnet.IPAddress | Should -Be @('10.81.0.1')

        $port = New-OSPort "$Prefix-rp" -Network $b -FixedIP 10.82.0.254 -ErrorAction Stop
        $onPort = Add-OSRouterInterface "$Prefix-r" -Port "$Prefix-rp" -ErrorAction Stop
        $onPort.Id | Should -Be $port.Id
        (Get-OSPort "$Prefix-rp" -ErrorAction Stop).DeviceId | Should -Be $router.Id

        Remove-OSRouter "$Prefix-r" -Confirm:$false -ErrorVariable busy -ErrorAction SilentlyContinue
        $busy | Should -HaveCount 1
        $busy[0].FullyQualifiedErrorId | Should -Be "Conflict,${Commands}RemoveOSRouterCommand"
        "$($busy[0])" | Should -Match 'still attached'

        Remove-OSRouterInterface "$Prefix-r" -Subnet "$a-sub" -Confirm:$false -ErrorAction Stop
        Get-OSRouter "$Prefix-r" | Remove-OSRouterInterface -Port "$Prefix-rp" -Confirm:$false -ErrorAction Stop
        Get-OSPort -Network $a -ErrorAction Stop | Should -BeNullOrEmpty
        Get-OSPort -Network $b -ErrorAction Stop | Should -BeNullOrEmpty   # Neutron deletes a given port too

        $renamed = Set-OSRouter "$Prefix-r" -Name "$Prefix-r2" -NoExternalNetwork -ErrorAction Stop
        $renamed.Name | Should -Be "$Prefix-r2"
        $renamed.ExternalNetworkId | Should -BeNullOrEmpty
        (Set-OSRouter "$Prefix-r2" -ExternalNetwork public -ErrorAction Stop).ExternalNetworkId | Should -Be $publicId

        Get-OSRouter "$Prefix-r2" | Remove-OSRouter -Confirm:$false -ErrorAction Stop
        $null = Get-OSRouter "$Prefix-r2" -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -BeLike 'NameNotFound,*'
    }

    It 'New-OSRouter | Add-OSRouterInterface and Get-OSRouter | Set-OSRouter work as their help shows' {
        $a = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix ha -Cidr 10.84.0.0/24
        $b = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix hb -Cidr 10.85.0.0/24

        $first = New-OSRouter "$Prefix-h" -ExternalNetwork public -ErrorAction Stop | Add-OSRouterInterface -Subnet "$a-sub" -ErrorAction Stop
        $first.IPAddress | Should -Be @('10.84.0.1')
        $router = Get-OSRouter "$Prefix-h" -ErrorAction Stop
        $first.DeviceId | Should -Be $router.Id

        # New-OSRouter example 2: several subnets at once.
        $null = Remove-OSRouterInterface $router -Subnet "$a-sub" -Confirm:$false -ErrorAction Stop
        $both = @($router | Add-OSRouterInterface -Subnet "$a-sub", "$b-sub" -ErrorAction Stop)
        @($both.IPAddress | Sort-Object) | Should -Be @('10.84.0.1', '10.85.0.1')
        @(Get-OSRouter "$Prefix-h" | Get-OSPort -ErrorAction Stop).Id | Sort-Object | Should -Be @($both.Id | Sort-Object)

        (Get-OSRouter "$Prefix-h" | Set-OSRouter -NoExternalNetwork -ErrorAction Stop).ExternalNetworkId | Should -BeNullOrEmpty
    }

    It 'adds and removes no interface under -WhatIf' {
        $a = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix w -Cidr 10.83.0.0/24
        $null = New-OSRouter "$Prefix-w" -ErrorAction Stop

        $null = Add-OSRouterInterface "$Prefix-w" -Subnet "$a-sub" -WhatIf -ErrorAction Stop
        Get-OSPort -Network $a -ErrorAction Stop | Should -BeNullOrEmpty

        $null = Add-OSRouterInterface "$Prefix-w" -Subnet "$a-sub" -ErrorAction Stop
        Remove-OSRouterInterface "$Prefix-w" -Subnet "$a-sub" -WhatIf -ErrorAction Stop
        Remove-OSRouter "$Prefix-w" -WhatIf -ErrorAction Stop
        Get-OSPort -Network $a -ErrorAction Stop | Should -HaveCount 1
        Get-OSRouter "$Prefix-w" -ErrorAction Stop | Should -HaveCount 1
    }

    It 'show the gateway address in the table' {
        $null = New-OSRouter "$Prefix-t" -ExternalNetwork public -ErrorAction Stop

        $table = Get-OSRouter "$Prefix-t" | Format-Table | Out-String -Width 250
        $table | Should -Match 'Name\s+Status\s+ExternalIPAddress\s+ExternalNetworkId\s+Id'
        $table | Should -Match "$Prefix-t\s+ACTIVE\s+192\.0\.2\.\d+\s+[0-9a-f-]{36}\s+[0-9a-f-]{36}"
    }
}
