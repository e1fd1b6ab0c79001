# Ports against the local OpenStack: fixed IPs, security groups and allowed address pairs; lists that follow
# Neutron's pages. Everything is named with one prefix and deleted in AfterAll (pipelines: PortPipelines.Tests.ps1).

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
    $Prefix = New-OsoName 'oso-port'
    if (-not (Get-OsoCloudSkipReason)) { $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop }
}

AfterAll {
    if (-not (Get-OsoCloudSkipReason)) { Remove-OsoNetworkResources -Prefix $Prefix }
}

Describe 'Ports' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'go through their whole life: fixed IP, security groups, address pairs, then Set- and Remove- from the pipeline' {
        $net = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix a -Cidr 10.71.0.0/24
        $sg1 = (New-OSSecurityGroup "$Prefix-sg1" -ErrorAction Stop).Id
        $sg2 = (New-OSSecurityGroup "$Prefix-sg2" -ErrorAction Stop).Id
        $subnetId = (Get-OSSubnet "$net-sub" -ErrorAction Stop).Id

        $port = Get-OSNetwork $net | New-OSPort "$Prefix-p" -FixedIP "$net-sub=10.71.0.20" -SecurityGroup "$Prefix-sg1" `
            -AllowedAddressPair 10.71.0.200, 10.71.1.0/24=fa:16:3e:00:00:01 -Description 'a test port' -ErrorAction Stop
        $port.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Port'
        $port.IPAddress | Should -Be @('10.71.0.20')
        @($port.FixedIPs | ForEach-Object { "$_" }) | Should -Be @("$subnetId=10.71.0.20")
        $port.SecurityGroupIds | Should -Be @($sg1)
        @($port.AllowedAddressPairs | ForEach-Object { "$_" } | Sort-Object) | Should -Be @("10.71.0.200=$($port.MacAddress)", '10.71.1.0/24=fa:16:3e:00:00:01')
        $port.Description | Should -Be 'a test port'

        $changed = Get-OSPort "$Prefix-p" | Set-OSPort -Name "$Prefix-p2" -FixedIP 10.71.0.21 -SecurityGroup "$Prefix-sg1", "$Prefix-sg2" -AllowedAddressPair @() -ErrorAction Stop
        $changed.Name | Should -Be "$Prefix-p2"
        $changed.IPAddress | Should -Be @('10.71.0.21')
        @($changed.SecurityGroupIds | Sort-Object) | Should -Be @(@($sg1, $sg2) | Sort-Object)
        $changed.AllowedAddressPairs | Should -BeNullOrEmpty

        $bare = Set-OSPort "$Prefix-p2" -NoSecurityGroup -PortSecurityEnabled $false -ErrorAction Stop
        $bare.SecurityGroupIds | Should -BeNullOrEmpty
        $bare.PortSecurityEnabled | Should -BeFalse

        (Get-OSPort -IPAddress 10.71.0.21 -Network $net -ErrorAction Stop).Id | Should -Be $port.Id
        Get-OSPort -Network $net | Remove-OSPort -Confirm:$false -ErrorAction Stop
        Get-OSPort -Network $net -ErrorAction Stop | Should -BeNullOrEmpty
    }

    It 'on a missing network is NameNotFound and creates nothing' {
        $null = New-OSPort "$Prefix-lost" -Network "$Prefix-no-such-network" -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be "NameNotFound,${Commands}NewOSPortCommand"
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        "$($e[0])" | Should -Match "$Prefix-no-such-network"
        Get-OSPort "$Prefix-lost*" -ErrorAction Stop | Should -BeNullOrEmpty
    }

    It 'with an address outside the subnet is refused with Neutron''s message' {
        $net = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix b -Cidr 10.72.0.0/24

        $null = New-OSPort "$Prefix-out" -Network $net -FixedIP "$net-sub=10.99.0.5" -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be "BadRequest,${Commands}NewOSPortCommand"
        "$($e[0])" | Should -Match '10\.99\.0\.5'
        Get-OSPort -Network $net -ErrorAction Stop | Should -BeNullOrEmpty
    }

    It 'are listed page by page to the end, each next page asked with a marker' {
        $net = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix pg -Cidr 10.73.0.0/24
        1..5 | ForEach-Object { $null = New-OSPort "$Prefix-pg-$_" -Network $net -ErrorAction Stop }

        (Get-OsoInternal $DefaultOSCloud Network).PageSize = 2
        try {
            $all = & { $DebugPreference = 'Continue'; Get-OSPort -Network $net -ErrorAction Stop 5>&1 }
        }
        finally { (Get-OsoInternal $DefaultOSCloud Network).PageSize = 0 }

        $ports = @($all | Where-Object { $_ -isnot [System.Management.Automation.DebugRecord] })
        @($ports.Name | Sort-Object) | Should -Be @(1..5 | ForEach-Object { "$Prefix-pg-$_" })
        $requests = @($all | Where-Object { $_ -is [System.Management.Automation.DebugRecord] -and $_.Message -match 'REQ:' -and $_.Message -match '/v2\.0/ports' })
        $requests | Should -HaveCount 4   # 2 + 2 + 1, then the empty page that proves the short one was the last
        $requests | Select-Object -Skip 1 | ForEach-Object { $_.Message | Should -Match 'marker=' }
    }

    It 'show their addresses in the table' {
        $net = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix t -Cidr 10.74.0.0/24
        $null = New-OSPort "$Prefix-t" -Network $net -FixedIP 10.74.0.9 -ErrorAction Stop

        $table = Get-OSPort "$Prefix-t" | Format-Table | Out-String -Width 250
        $table | Should -Match 'Name\s+Status\s+MacAddress\s+IPAddress\s+DeviceOwner\s+Id'
        $table | Should -Match "$Prefix-t\s+DOWN\s+fa:16:3e(:[0-9a-f]{2}){3}\s+10\.74\.0\.9\s+[0-9a-f-]{36}"
    }
}

Describe 'Networks listed page by page' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'are all there once each' {
        # Neutron's LIMIT counts the external network once per RBAC entry: ?limit=2 returned only "public" with no
        # next link while the project had more networks.
        1..3 | ForEach-Object { $null = New-OSNetwork "$Prefix-n$_" -ErrorAction Stop }

        (Get-OsoInternal $DefaultOSCloud Network).PageSize = 2
        try { $paged = @((Get-OSNetwork -ErrorAction Stop).Name) }
        finally { (Get-OsoInternal $DefaultOSCloud Network).PageSize = 0 }

        $paged | Should -Contain 'public'
        @($paged | Where-Object { $_ -like "$Prefix-n*" } | Sort-Object) | Should -Be @("$Prefix-n1", "$Prefix-n2", "$Prefix-n3")
        @($paged | Where-Object { $_ -like "$Prefix-n*" }) | Should -HaveCount 3
    }
}
