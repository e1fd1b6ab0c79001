# Hostile numbers and addresses against the local cloud: bad CIDRs, gateways and pools, port ranges and protocols,
# sizes of 0, -1, 2^31, 2^63, 1e308, NaN and 1.5, server shapes, metric windows. Each either is documented as
# accepted (and reads back as the table says) or is refused with a clear ErrorRecord, nothing created.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason

    # Expected: an error id, Accepted (Cidr and IPVersion read back), Http500 (Neutron fails: only a clear category
    # and the status are asserted; the 500 mapping is another change's).
    $Cidrs = @(
        @{ Cidr = '10.0.0.0/33';          Expected = 'BadRequest'; Message = 'not in a CIDR format' }
        @{ Cidr = '300.1.1.0/24';         Expected = 'BadRequest'; Message = 'not in a CIDR format' }
        @{ Cidr = '::/129';               Expected = 'BadRequest'; Message = 'not in a CIDR format' }
        @{ Cidr = 'abc';                  Expected = 'BadRequest'; Message = 'not in a CIDR format' }
        @{ Cidr = '10.0.0.0/-1';          Expected = 'BadRequest'; Message = 'not in a CIDR format' }
        @{ Cidr = '10.0.0.0/24; rm -rf';  Expected = 'BadRequest'; Message = 'not in a CIDR format' }
        @{ Cidr = '0x0a000000/24';        Expected = 'BadRequest'; Message = 'not in a CIDR format' }
        @{ Cidr = '10.0.0.0/0';           Expected = 'BadRequest'; Message = 'not supported' }
        @{ Cidr = '10.0.0.0';             Expected = 'BadRequest'; Message = 'prefix length' }
        @{ Cidr = '';                     Expected = 'ParameterArgumentValidationError'; Message = "'Cidr'" }
        @{ Cidr = '10.0.0.0/8/8';         Expected = 'Http500' }
        # Documented acceptances: Neutron keeps the network address (host bits dropped) and trims spaces.
        @{ Cidr = '10.31.0.1/24';         Expected = 'Accepted'; Stored = '10.31.0.0/24'; Version = 4 }
        @{ Cidr = ' 10.32.0.0/24 ';       Expected = 'Accepted'; Stored = '10.32.0.0/24'; Version = 4 }
        @{ Cidr = 'fd00:33::/64';         Expected = 'Accepted'; Stored = 'fd00:33::/64'; Version = 6 }
    )
    $SubnetOptions = @(
        @{ Label = 'a gateway that is no address';      Options = @{ Gateway = 'gw' };                           Expected = 'BadRequest'; Message = "gateway_ip.*'gw' is not a valid IP" }
        @{ Label = 'an IPv6 gateway in an IPv4 subnet';  Options = @{ Gateway = 'fd00::1' };                      Expected = 'BadRequest'; Message = 'HTTP 400' }
        @{ Label = 'a pool whose first is after its last'; Options = @{ AllocationPool = '10.77.0.50-10.77.0.10' }; Expected = 'BadRequest'; Message = 'allocation pool' }
        @{ Label = 'a pool that is no range';           Options = @{ AllocationPool = 'x' };                     Expected = 'InvalidArgument'; Message = "'x' is not an allocation pool" }
        @{ Label = 'an IPv6 pool in an IPv4 subnet';     Options = @{ AllocationPool = 'fd00::10-fd00::20' };     Expected = 'BadRequest'; Message = 'HTTP 400' }
        @{ Label = 'a pool outside the CIDR';           Options = @{ AllocationPool = '10.78.0.10-10.78.0.20' }; Expected = 'BadRequest'; Message = 'HTTP 400' }
        @{ Label = 'a DNS server that is no address';   Options = @{ DnsServer = 'not-an-ip' };                  Expected = 'BadRequest'; Message = "'not-an-ip' is not a valid" }
        @{ Label = 'an unknown IPv6 address mode';      Options = @{ IPv6AddressMode = 'x' };                    Expected = 'ParameterArgumentValidationError'; Message = "'IPv6AddressMode'" }
    )
    $PortRanges = @(
        @{ Range = '-1' }, @{ Range = '0' }, @{ Range = '70000' }, @{ Range = '10-5' }, @{ Range = '1-' }, @{ Range = 'a-b' }
        @{ Range = '-5-10' }, @{ Range = '1-65536' }, @{ Range = '22' }, @{ Range = '0x10-0x20' }, @{ Range = '1e3-2e3' }
    )
    $RuleBindings = @(
        @{ Label = '-Port -1';              Options = @{ Port = -1 };              Parameter = 'Port' }
        @{ Label = '-Port 0';               Options = @{ Port = 0 };               Parameter = 'Port' }
        @{ Label = '-Port 65536';           Options = @{ Port = 65536 };           Parameter = 'Port' }
        @{ Label = '-Port 70000';           Options = @{ Port = 70000 };           Parameter = 'Port' }
        @{ Label = '-Protocol nonsense';    Options = @{ Protocol = 'nonsense' };  Parameter = 'Protocol' }
        @{ Label = '-Protocol 999';         Options = @{ Protocol = '999' };       Parameter = 'Protocol' }
        @{ Label = '-Protocol -1';          Options = @{ Protocol = '-1' };        Parameter = 'Protocol' }
        @{ Label = '-Protocol ""';          Options = @{ Protocol = '' };          Parameter = 'Protocol' }
        @{ Label = '-Protocol "icmp; drop"'; Options = @{ Protocol = 'icmp; drop' }; Parameter = 'Protocol' }
        @{ Label = '-EtherType IPv5';       Options = @{ EtherType = 'IPv5' };     Parameter = 'EtherType' }
        @{ Label = '-Direction sideways';   Options = @{ Direction = 'sideways' }; Parameter = 'Direction' }
    )
    $RemotePrefixes = @(
        @{ Prefix = '10.0.0.0/33'; Expected = 'BadRequest' }
        @{ Prefix = 'abc'; Expected = 'BadRequest' }
        @{ Prefix = '::/129'; Expected = 'BadRequest' }
        @{ Prefix = 'fd00::/64'; Expected = 'BadRequest' }   # an IPv6 prefix on an IPv4 rule
        @{ Prefix = '10.0.0.1/24'; Expected = 'Accepted' }   # kept as given: Neutron matches on the network
    )
    $VolumeSizes = @(
        @{ Size = 0;                        Expected = 'ParameterArgumentValidationError' }
        @{ Size = -1;                       Expected = 'ParameterArgumentValidationError' }
        @{ Size = [long][math]::Pow(2, 31); Expected = 'CannotConvertArgumentNoMessage' }
        @{ Size = [math]::Pow(2, 63);       Expected = 'CannotConvertArgumentNoMessage' }
        @{ Size = 1e308;                    Expected = 'CannotConvertArgumentNoMessage' }
        @{ Size = 'NaN';                    Expected = 'ParameterArgumentTransformationError' }
        @{ Size = 1.5;                      Expected = 'ParameterArgumentTransformationError' }
        @{ Size = '2.5';                    Expected = 'ParameterArgumentTransformationError' }
        @{ Size = 100000;                   Expected = 'OverLimit' }
    )
    $ServerShapes = @(
        @{ Label = '-Count 0';              Options = @{ Count = 0 };                    Parameter = 'Count';            Expected = 'ParameterArgumentValidationError' }
        @{ Label = '-Count -1';             Options = @{ Count = -1 };                   Parameter = 'Count';            Expected = 'ParameterArgumentValidationError' }
        @{ Label = '-Count 100000';         Options = @{ Count = 100000 };               Parameter = 'Count';            Expected = 'ParameterArgumentValidationError' }
        @{ Label = '-MemoryGB -1';          Options = @{ NumCpu = 1; MemoryGB = -1 };    Parameter = 'MemoryGB';         Expected = 'ParameterArgumentValidationError' }
        @{ Label = '-MemoryGB NaN';         Options = @{ NumCpu = 1; MemoryGB = [double]::NaN }; Parameter = 'MemoryGB'; Expected = 'ParameterArgumentValidationError' }
        @{ Label = '-MemoryGB Infinity';    Options = @{ NumCpu = 1; MemoryGB = [double]::PositiveInfinity }; Parameter = 'MemoryGB'; Expected = 'ParameterArgumentValidationError' }
        @{ Label = '-NumCpu 0';             Options = @{ NumCpu = 0; MemoryGB = 1 };     Parameter = 'NumCpu';           Expected = 'ParameterArgumentValidationError' }
        @{ Label = '-NumCpu 2^31';          Options = @{ NumCpu = [long][math]::Pow(2, 31); MemoryGB = 1 }; Parameter = 'NumCpu'; Expected = 'CannotConvertArgumentNoMessage' }
        @{ Label = '-BootVolumeSizeGB -1';  Options = @{ BootVolumeSizeGB = -1 };        Parameter = 'BootVolumeSizeGB'; Expected = 'ParameterArgumentValidationError' }
        @{ Label = '-BootVolumeSizeGB 0.5'; Options = @{ BootVolumeSizeGB = 0.5 };       Parameter = 'BootVolumeSizeGB'; Expected = 'ParameterArgumentTransformationError' }
        @{ Label = '-VolumeSizeGB 0';       Options = @{ VolumeSizeGB = 0 };             Parameter = 'VolumeSizeGB';     Expected = 'ParameterArgumentValidationError' }
        @{ Label = '-VolumeSizeGB 1,2.5';   Options = @{ VolumeSizeGB = 1, 2.5 };        Parameter = 'VolumeSizeGB';     Expected = 'ParameterArgumentTransformationError' }
    )
    $ServerReferences = @(
        @{ Label = 'a flavor named ../../flavors';  Options = @{ Flavor = '../../flavors' };  Kind = 'flavor' }
        @{ Label = 'a flavor named ..';             Options = @{ Flavor = '..' };             Kind = 'flavor' }
        @{ Label = 'a flavor named x&is_public=None'; Options = @{ Flavor = 'x&is_public=None' }; Kind = 'flavor' }
        @{ Label = 'a flavor named %00';            Options = @{ Flavor = '%00' };            Kind = 'flavor' }
        @{ Label = 'an image named x&visibility=all'; Options = @{ Image = 'x&visibility=all' }; Kind = 'image' }
        @{ Label = 'an image named ..';             Options = @{ Image = '..' };              Kind = 'image' }
        @{ Label = 'an image named ../images';      Options = @{ Image = '../images' };       Kind = 'image' }
        @{ Label = 'an image named in:a,b';         Options = @{ Image = 'in:a,b' };          Kind = 'image' }
    )
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-Module "$PSScriptRoot/TestSupport/OsoHostile.psm1" -Force
    Import-Module "$PSScriptRoot/TestSupport/OsoNetworkTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $Prefix = New-OsoName 'oso-hnum'
    if (-not (Get-OsoCloudSkipReason)) {
        $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
        $Network = New-OSNetwork -Name "$Prefix-net" -ErrorAction Stop
        $Group = New-OSSecurityGroup -Name "$Prefix-sg" -ErrorAction Stop
        # By id, and not one of another test's images, which may be gone by the time a case runs.
        $Image = @(Get-OSImage -ErrorAction Stop | Where-Object Name -NotLike 'oso-*')[0].Id
        $Flavor = @(Get-OSFlavor -ErrorAction Stop | Sort-Object MemoryMB)[0].Name
    }
    function Get-Subnets { @(Get-OSSubnet -Network $Network.Id -ErrorAction Stop) }
    function Get-Rules { @(Get-OSSecurityGroupRule -SecurityGroup $Group.Id -ErrorAction Stop) }
    function Get-MyVolumes { @(Get-OSVolume -Name "$Prefix*" -ErrorAction SilentlyContinue) }
    function Get-MyServers { @(Get-OSServer -Name "$Prefix*" -ErrorAction SilentlyContinue) }
}

AfterAll {
    if (-not (Get-OsoCloudSkipReason)) {
        Get-OSVolume -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSVolume -Confirm:$false -ErrorAction SilentlyContinue
        Remove-OsoNetworkResources -Prefix $Prefix
    }
}

Describe 'New-OSSubnet with hostile addresses' -Tag Cloud -Skip:([bool]$NoCloud) {
    It '-Cidr "<Cidr>": <Expected>' -ForEach $Cidrs {
        $before = (Get-Subnets).Count

        $result = Invoke-OsoHostile { New-OSSubnet -Network $Network.Id -Name "$Prefix-sub" -Cidr $Cidr }

        switch ($Expected) {
            'Accepted' {
                $subnet = Assert-OsoAccepted $result
                try {
                    $subnet.Cidr | Should -Be $Stored
                    $subnet.IPVersion | Should -Be $Version
                    (Get-OSSubnet -Id $subnet.Id -ErrorAction Stop).Cidr | Should -Be $Stored
                }
                finally { $subnet | Remove-OSSubnet -Confirm:$false -ErrorAction Continue }
            }
            'Http500' {
                $result.Errors | Should -HaveCount 1
                "$($result.Errors[0].CategoryInfo.Category)" | Should -Not -Be 'NotSpecified'
                "$($result.Errors[0])" | Should -Match 'HTTP 500'
            }
            default { Assert-OsoRefusal $result -ErrorId $Expected -Message $Message }
        }
        (Get-Subnets).Count | Should -Be $before -Because 'nothing is left behind'
    }

    It '<Label>: <Expected>' -ForEach $SubnetOptions {
        $before = (Get-Subnets).Count

        $result = Invoke-OsoHostile { New-OSSubnet -Network $Network.Id -Name "$Prefix-opt" -Cidr 10.77.0.0/24 @Options }

        Assert-OsoRefusal $result -ErrorId $Expected -Category $(if ($Expected -like 'Parameter*') { 'InvalidData' } else { 'InvalidArgument' }) -Message $Message
        (Get-Subnets).Count | Should -Be $before
    }

    It 'a gateway outside the CIDR is accepted as given (Neutron allows it) and reads back' {
        $subnet = New-OSSubnet -Network $Network.Id -Name "$Prefix-gw" -Cidr 10.79.0.0/24 -Gateway 10.80.0.1 -ErrorAction Stop
        try { (Get-OSSubnet -Id $subnet.Id -ErrorAction Stop).GatewayIP | Should -Be '10.80.0.1' }
        finally { $subnet | Remove-OSSubnet -Confirm:$false -ErrorAction Continue }
    }
}

Describe 'New-OSNetwork -Mtu at the extremes' -Tag Cloud -Skip:([bool]$NoCloud) {
    It '-Mtu <Mtu> is refused at binding, naming -Mtu' -ForEach @(
        @{ Mtu = 0; Id = 'ParameterArgumentValidationError' }, @{ Mtu = -1; Id = 'ParameterArgumentValidationError' }
        @{ Mtu = 67; Id = 'ParameterArgumentValidationError' }, @{ Mtu = 70000; Id = 'ParameterArgumentValidationError' }
        @{ Mtu = [int]::MaxValue; Id = 'ParameterArgumentValidationError' }, @{ Mtu = 'x'; Id = 'CannotConvertArgumentNoMessage' }
        @{ Mtu = 1e308; Id = 'CannotConvertArgumentNoMessage' }
    ) {
        Assert-OsoRefusal (Invoke-OsoHostile { New-OSNetwork -Name "$Prefix-mtu" -Mtu $Mtu }) -ErrorId $Id -Message "'Mtu'"
        Get-OSNetwork -Name "$Prefix-mtu" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe 'New-OSSecurityGroupRule with hostile ports, protocols and prefixes' -Tag Cloud -Skip:([bool]$NoCloud) {
    It '-PortRange "<Range>" is refused before anything is sent' -ForEach $PortRanges {
        $before = (Get-Rules).Count

        $result = Invoke-OsoHostile { New-OSSecurityGroupRule -SecurityGroup $Group.Id -Protocol tcp -PortRange $Range }

        Assert-OsoRefusal $result -ErrorId InvalidArgument -Category InvalidArgument -Message 'is not a port range: write first-last'
        (Get-Rules).Count | Should -Be $before
    }

    # Neutron stores 1-65535 as no range at all: every port, as the rule reads back.
    It '-PortRange "<Range>" is accepted as <Min>-<Max>' -ForEach @(
        @{ Range = '65535-65535'; Min = 65535; Max = 65535 }, @{ Range = ' 80 - 81 '; Min = 80; Max = 81 }, @{ Range = '1-65535'; Min = $null; Max = $null }
    ) {
        $rule = Assert-OsoAccepted (Invoke-OsoHostile { New-OSSecurityGroupRule -SecurityGroup $Group.Id -Protocol udp -PortRange $Range })
        try {
            $rule.PortRangeMin | Should -Be $Min
            $rule.PortRangeMax | Should -Be $Max
        }
        finally { $rule | Remove-OSSecurityGroupRule -Confirm:$false -ErrorAction Continue }
    }

    It '<Label> is refused at binding, naming the parameter' -ForEach $RuleBindings {
        $arguments = @{ Protocol = 'tcp' } + @{}
        foreach ($k in $Options.Keys) { $arguments[$k] = $Options[$k] }
        $result = Invoke-OsoHostile { New-OSSecurityGroupRule -SecurityGroup $Group.Id @arguments }
        Assert-OsoRefusal $result -ErrorId ParameterArgumentValidationError -Category InvalidData -Message "'$Parameter'"
    }

    It '-RemoteIPPrefix "<Prefix>": <Expected>' -ForEach $RemotePrefixes {
        $before = (Get-Rules).Count
        $result = Invoke-OsoHostile { New-OSSecurityGroupRule -SecurityGroup $Group.Id -Protocol tcp -Port 2222 -RemoteIPPrefix $Prefix -EtherType IPv4 }
        if ($Expected -eq 'Accepted') {
            $rule = Assert-OsoAccepted $result
            try { $rule.RemoteIPPrefix | Should -Be $Prefix }
            finally { $rule | Remove-OSSecurityGroupRule -Confirm:$false -ErrorAction Continue }
        }
        else { Assert-OsoRefusal $result -ErrorId BadRequest -Category InvalidArgument -Message 'HTTP 400' }
        (Get-Rules).Count | Should -Be $before
    }
}

Describe 'New-OSVolume -SizeGB at the extremes' -Tag Cloud -Skip:([bool]$NoCloud) {
    It '-SizeGB <Size>: <Expected>, and no volume is made' -ForEach $VolumeSizes {
        $before = (Get-MyVolumes).Count

        $result = Invoke-OsoHostile { New-OSVolume -Name "$Prefix-vol" -SizeGB $Size }

        $category = switch -Wildcard ($Expected) { 'OverLimit' { 'QuotaExceeded' } 'ParameterArgumentValidationError' { 'InvalidData' } default { $null } }
        Assert-OsoRefusal $result -ErrorId $Expected -Category $category -Message $(if ($Expected -eq 'OverLimit') { 'quota' } else { "'SizeGB'" })
        (Get-MyVolumes).Count | Should -Be $before
    }

    It '-SizeGB 1.5 names the reason: sizes are whole, not rounded' {
        $result = Invoke-OsoHostile { New-OSVolume -Name "$Prefix-vol" -SizeGB 1.5 }
        "$($result.Errors[0])" | Should -Match '1\.5 is not a whole number'
    }
}

Describe 'New-OSServer with hostile shapes and references' -Tag Cloud -Skip:([bool]$NoCloud) {
    It '<Label> is refused at binding, naming -<Parameter>' -ForEach $ServerShapes {
        $arguments = @{ Name = "$Prefix-srv"; Image = $Image }
        if (-not $Options.ContainsKey('NumCpu')) { $arguments.Flavor = $Flavor }
        foreach ($k in $Options.Keys) { $arguments[$k] = $Options[$k] }

        $result = Invoke-OsoHostile { New-OSServer @arguments -Network $Network.Id }

        Assert-OsoRefusal $result -ErrorId $Expected -Message "'$Parameter'"
        Get-MyServers | Should -BeNullOrEmpty
    }

    It '<Label> is a NameNotFound for that <Kind>, and no server is made' -ForEach $ServerReferences {
        $arguments = @{ Name = "$Prefix-srv"; Image = $Image; Flavor = $Flavor }
        foreach ($k in $Options.Keys) { $arguments[$k] = $Options[$k] }

        $result = Invoke-OsoHostile { New-OSServer @arguments -Network $Network.Id }

        Assert-OsoRefusal $result -ErrorId NameNotFound -Category ObjectNotFound -Message ("No $Kind named '" + [regex]::Escape(@($Options.Values)[0]) + "'")
        Get-MyServers | Should -BeNullOrEmpty
    }

    It '<Label> is refused by Nova, and no server is made' -ForEach @(
        @{ Label = 'a name of 10,000 characters'; Options = @{ Name = 'x' * 10000 } }
        @{ Label = 'a metadata value of 10,000 characters'; Options = @{ Metadata = @{ k = 'v' * 10000 } } }
        @{ Label = 'a metadata key of 300 characters'; Options = @{ Metadata = @{ ('k' * 300) = 'v' } } }
    ) {
        $arguments = @{ Name = "$Prefix-srv"; Image = $Image; Flavor = $Flavor }
        foreach ($k in $Options.Keys) { $arguments[$k] = $Options[$k] }
        if ($arguments.Name -notlike "$Prefix*") { $arguments.Name = "$Prefix-$($arguments.Name)" }

        $result = Invoke-OsoHostile { New-OSServer @arguments -Network $Network.Id }

        Assert-OsoRefusal $result -ErrorId BadRequest -Category InvalidArgument -Message 'HTTP 400'
        Get-MyServers | Should -BeNullOrEmpty
    }
}

Describe 'Get-OSStat with hostile windows' -Tag Cloud -Skip:([bool]$NoCloud) {
    It '<Label> is refused at binding, naming -<Parameter>' -ForEach @(
        @{ Label = '-Granularity -1'; Options = @{ Granularity = -1 }; Parameter = 'Granularity' }
        @{ Label = '-Granularity 0'; Options = @{ Granularity = 0 }; Parameter = 'Granularity' }
        @{ Label = '-IntervalMins 0'; Options = @{ IntervalMins = 0 }; Parameter = 'IntervalMins' }
        @{ Label = '-IntervalMins -5'; Options = @{ IntervalMins = -5 }; Parameter = 'IntervalMins' }
        @{ Label = '-Start not a date'; Options = @{ Start = 'yesterday-ish' }; Parameter = 'Start' }
    ) {
        Assert-OsoRefusal (Invoke-OsoHostile { Get-OSStat -Metric "$Prefix-none" @Options }) -Message "'$Parameter'"
    }

    It 'a metric name "<Metric>" is a MetricNotFound for exactly that name' -ForEach @(@{ Metric = '..' }, @{ Metric = 'x&all=1' }, @{ Metric = '../../v1/resource' }) {
        Assert-OsoRefusal (Invoke-OsoHostile { Get-OSStat -Metric $Metric }) -ErrorId MetricNotFound -Category ObjectNotFound -Message ([regex]::Escape("'$Metric'"))
    }
}
