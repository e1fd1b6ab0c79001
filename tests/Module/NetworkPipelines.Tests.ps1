# What can be piped into Get-OSPort (networks, routers, servers), the port pipelines the help of Set-OSPort,
# Remove-OSPort and Remove-OSRouter shows, and objects of the wrong kind refused by the networking Get- cmdlets,
# against the local OpenStack. Everything is named with one prefix.

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
    $Prefix = New-OsoName 'oso-pp'
    if (-not (Get-OsoCloudSkipReason)) { $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop }
}

AfterAll {
    if (-not (Get-OsoCloudSkipReason)) { Remove-OsoNetworkResources -Prefix $Prefix }
}

Describe 'Objects piped into Get-OSPort' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $pipeA = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix pipe-a -Cidr 10.75.0.0/24
        $pipeB = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix pipe-b -Cidr 10.76.0.0/24
        $portA1 = New-OSPort "$Prefix-pa1" -Network $pipeA -ErrorAction Stop
        $portA2 = New-OSPort "$Prefix-pa2" -Network $pipeA -ErrorAction Stop
        $portB = New-OSPort "$Prefix-pb" -Network $pipeB -ErrorAction Stop
        $router = New-OSRouter "$Prefix-pipe-r" -ErrorAction Stop
        $routerPort = $router | Add-OSRouterInterface -Subnet "$pipeB-sub" -ErrorAction Stop
    }

    It 'Get-OSNetwork x | Get-OSPort lists the ports of that network' {
        @(Get-OSNetwork $pipeA | Get-OSPort -ErrorAction Stop).Id | Sort-Object | Should -Be @(@($portA1.Id, $portA2.Id) | Sort-Object)
    }

    It 'lists the ports of each network piped, with the other filters still applied' {
        @(Get-OSNetwork "$Prefix-pipe-*" | Get-OSPort -ErrorAction Stop).Id | Sort-Object |
            Should -Be @(@($portA1.Id, $portA2.Id, $portB.Id, $routerPort.Id) | Sort-Object)
        @(Get-OSNetwork "$Prefix-pipe-*" | Get-OSPort "$Prefix-pa*" -ErrorAction Stop).Id | Sort-Object | Should -Be @(@($portA1.Id, $portA2.Id) | Sort-Object)
        (New-OSNetwork "$Prefix-pipe-empty" -ErrorAction Stop | Get-OSPort -ErrorAction Stop) | Should -BeNullOrEmpty
    }

    It 'Get-OSRouter x | Get-OSPort lists the router''s interfaces' {
        @(Get-OSRouter "$Prefix-pipe-r" | Get-OSPort -ErrorAction Stop).Id | Should -Be @($routerPort.Id)
    }

    It 'Get-OSServer x | Get-OSPort lists the server''s NICs' {
        $server = New-OSServer -Name "$Prefix-pipe-vm" -Image los-fake-image -Flavor m1.tiny -Network $pipeA -ErrorAction Stop
        $nics = @($server | Get-OSPort -ErrorAction Stop)
        $nics | Should -HaveCount 1
        $nics[0].ServerId | Should -Be $server.Id
        $nics[0].NetworkId | Should -Be (Get-OSNetwork $pipeA).Id
        @(Get-OSServer "$Prefix-pipe-vm" | Get-OSPort -Network $pipeB -ErrorAction Stop) | Should -BeNullOrEmpty
    }

    It 'still gets ports by name and by id' {
        (Get-OSPort "$Prefix-pa1" -ErrorAction Stop).Id | Should -Be $portA1.Id
        (Get-OSPort -Id $portA2.Id -ErrorAction Stop).Name | Should -Be "$Prefix-pa2"
        (Get-OSPort -Network (Get-OSNetwork $pipeB) -ErrorAction Stop | Where-Object Id -eq $portB.Id) | Should -HaveCount 1
    }

    It 'refuses an object that has no ports, and a network piped with -Network, naming what was given' {
        $group = New-OSSecurityGroup "$Prefix-pipe-sg" -ErrorAction Stop
        $null = $group | Get-OSPort -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be "InvalidPipelineInput,${Commands}GetOSPortCommand"
        $e[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        "$($e[0])" | Should -Match 'SecurityGroup'

        $null = Get-OSNetwork $pipeA | Get-OSPort -Network $pipeB -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e2 | Should -HaveCount 1
        $e2[0].FullyQualifiedErrorId | Should -Be "InvalidPipelineInput,${Commands}GetOSPortCommand"
    }
}

Describe 'Port pipelines of the help' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'adds a security group to a server''s NIC, keeping the ones it has (Set-OSPort example 1)' {
        $net = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix s -Cidr 10.77.0.0/24
        $web = New-OSSecurityGroup "$Prefix-web" -ErrorAction Stop
        $monitoring = New-OSSecurityGroup "$Prefix-monitoring" -ErrorAction Stop
        $null = New-OSServer -Name "$Prefix-web1" -Image los-fake-image -Flavor m1.tiny -Network $net -SecurityGroup $web -ErrorAction Stop

        $nic = Get-OSPort -VM "$Prefix-web1" -ErrorAction Stop
        $groups = @($nic.SecurityGroupIds) + (Get-OSSecurityGroup "$Prefix-monitoring" -ErrorAction Stop).Id
        $changed = $nic | Set-OSPort -SecurityGroup $groups -ErrorAction Stop

        @($changed.SecurityGroupIds | Sort-Object) | Should -Be @(@($web.Id, $monitoring.Id) | Sort-Object)
        @((Get-OSPort -VM "$Prefix-web1" -ErrorAction Stop).SecurityGroupIds | Sort-Object) | Should -Be @(@($web.Id, $monitoring.Id) | Sort-Object)
    }

    It 'turns port security off from the pipeline in one call (Set-OSPort example 3)' {
        $net = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix f -Cidr 10.78.0.0/24
        $null = New-OSPort "$Prefix-fw-inside" -Network $net -AllowedAddressPair 10.78.0.200 -ErrorAction Stop

        $open = Get-OSPort "$Prefix-fw-inside" | Set-OSPort -NoSecurityGroup -AllowedAddressPair @() -PortSecurityEnabled $false -ErrorAction Stop

        $open.PortSecurityEnabled | Should -BeFalse
        $open.SecurityGroupIds | Should -BeNullOrEmpty
        $open.AllowedAddressPairs | Should -BeNullOrEmpty
    }

    It 'removes only the ports no device uses (Remove-OSPort example)' {
        $net = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix r -Cidr 10.79.0.0/24
        $free = New-OSPort "$Prefix-free" -Network $net -ErrorAction Stop
        $router = New-OSRouter "$Prefix-r" -ErrorAction Stop
        $used = $router | Add-OSRouterInterface -Subnet "$net-sub" -ErrorAction Stop

        Get-OSPort -Network $net | Where-Object DeviceId -eq '' | Remove-OSPort -Confirm:$false -ErrorAction Stop

        @((Get-OSPort -Network $net -ErrorAction Stop).Id) | Should -Be @($used.Id)
        Get-OSPort -Id $free.Id -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'detaches every router interface of a network, then deletes the router (Remove-OSRouter example)' {
        $net = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix e -Cidr 10.80.0.0/24
        $null = New-OSRouter "$Prefix-edge" -ExternalNetwork public -ErrorAction Stop | Add-OSRouterInterface -Subnet "$net-sub" -ErrorAction Stop

        Get-OSPort -Network $net | Where-Object DeviceOwner -eq network:router_interface |
            ForEach-Object { Remove-OSRouterInterface -Router $_.DeviceId -Port $_ -Confirm:$false -ErrorAction Stop }
        Remove-OSRouter "$Prefix-edge" -Confirm:$false -ErrorAction Stop

        Get-OSPort -Network $net -ErrorAction Stop | Should -BeNullOrEmpty
        Get-OSRouter "$Prefix-edge" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe 'Objects of another kind piped into the networking Get- cmdlets' -Tag Cloud -Skip:([bool]$NoCloud) {
    # Each used to take the object's id as the id of what it filters on, and listed nothing without a word.
    BeforeAll {
        $kindNet = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix k -Cidr 10.86.0.0/24
        $kindServer = New-OSServer -Name "$Prefix-k-vm" -Image los-fake-image -Flavor m1.tiny -Network $kindNet -ErrorAction Stop
    }

    It 'Get-OSServer x | Get-OSSubnet says a server is no network' {
        $e = { $kindServer | Get-OSSubnet -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentTransformationError*' -PassThru
        "$e" | Should -Match "server \('$Prefix-k-vm'\) was given where a network is expected"
    }

    It 'Get-OSNetwork x | Get-OSFloatingIP and -VM (Get-OSNetwork x) say a network is no server' {
        $e = { Get-OSNetwork $kindNet | Get-OSFloatingIP -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentTransformationError*' -PassThru
        "$e" | Should -Match 'network .* was given where a server is expected'
        { Get-OSFloatingIP -VM (Get-OSNetwork $kindNet) -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentTransformationError*'
        { Get-OSFloatingIP -Network $kindServer -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentTransformationError*'
    }

    It 'Get-OSNetwork x | Get-OSSecurityGroupRule says a network is no security group' {
        $e = { Get-OSNetwork $kindNet | Get-OSSecurityGroupRule -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentTransformationError*' -PassThru
        "$e" | Should -Match 'where a security group is expected'
    }

    It 'Get-OSNetwork x | Get-OSServerInterface and Get-OSPort -VM/-Network of the wrong kind are refused before any call' {
        { Get-OSNetwork $kindNet | Get-OSServerInterface -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentTransformationError*'
        { Get-OSPort -Network $kindServer -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentTransformationError*'
        { Get-OSPort -VM (Get-OSNetwork $kindNet) -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentTransformationError*'
    }

    It 'still takes names, ids and objects of the right kind, and objects of the user''s own' {
        @(Get-OSSubnet -Network $kindNet -ErrorAction Stop).Name | Should -Be @("$kindNet-sub")
        @(Get-OSSubnet -Network (Get-OSNetwork $kindNet).Id -ErrorAction Stop).Name | Should -Be @("$kindNet-sub")
        @([pscustomobject]@{ Id = (Get-OSNetwork $kindNet).Id; Name = $kindNet } | Get-OSSubnet -ErrorAction Stop).Name | Should -Be @("$kindNet-sub")
        @(Get-OSServerInterface $kindServer -ErrorAction Stop).NetworkName | Should -Be @($kindNet)
    }
}
