# Export-OSStackTemplate against the local cloud, as a round trip: a small three-tier set built with the module's
# cmdlets is exported, the template validated and deployed under new names, and the copy compared with the originals
# resource by resource; then the originals are adopted by a stack (-ForAdopt, New-OSStack -AdoptFile) without new ids.
# Every name carries this file's prefix, so the cleanup looks only at what this file made.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-Module "$PSScriptRoot/TestSupport/OsoNetworkTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $Prefix = New-OsoName 'oso-exp'
    $CopyPrefix = "$Prefix-copy-"
    $Folder = Join-Path ([System.IO.Path]::GetTempPath()) $Prefix
    $null = New-Item -ItemType Directory -Path $Folder -Force
    $Path = Join-Path $Folder 'tier.yaml'
    $Made = @{}
    if (-not (Get-OsoCloudSkipReason)) { $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop }

    # A rule as a comparable text; a remote group by its name without the copy's prefix.
    function Get-RuleText($Rule, [hashtable] $GroupNames) {
        $remote = if ($Rule.RemoteGroupId) { 'group:' + $GroupNames[$Rule.RemoteGroupId] } else { $Rule.RemoteIPPrefix }
        '{0} {1} {2} {3}-{4} {5}' -f $Rule.Direction, $Rule.EtherType, $Rule.Protocol, $Rule.PortRangeMin, $Rule.PortRangeMax, $remote
    }
    function Get-Physical($Stack, [string] $Type) {
        @(Get-OSStackResource -Stack $Stack -ErrorAction Stop | Where-Object Type -eq $Type | ForEach-Object PhysicalId)
    }
}

AfterAll {
    if (-not (Get-OsoCloudSkipReason)) {
        $common = @{ ErrorAction = 'SilentlyContinue' }
        Get-OSStack -Name "$Prefix*" @common | Remove-OSStack -Confirm:$false @common
        Get-OSServer -Name "$Prefix*" @common | Remove-OSServer -Confirm:$false @common
        Get-OSVolume -Name "$Prefix*" @common | Remove-OSVolume -Confirm:$false @common
        Remove-OsoNetworkResources -Prefix $Prefix -FloatingIpId @($Made.FloatingIPId)
        Get-OSServerGroup @common | Where-Object Name -like "$Prefix*" | Remove-OSServerGroup -Confirm:$false @common
        Get-OSKeyPair -Name "$Prefix*" @common | Remove-OSKeyPair -Confirm:$false @common
    }
    Remove-Item $Folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Export-OSStackTemplate' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $net = New-OSNetwork "$Prefix-net" -ErrorAction Stop
        $subnet = $net | New-OSSubnet -Name "$Prefix-sub" -Cidr 10.117.0.0/24 -DnsServer 192.0.2.53 -ErrorAction Stop
        $router = New-OSRouter "$Prefix-r" -ExternalNetwork public -ErrorAction Stop
        $null = $router | Add-OSRouterInterface -Subnet $subnet -ErrorAction Stop
        $web = New-OSSecurityGroup "$Prefix-web" -ErrorAction Stop
        $null = $web | New-OSSecurityGroupRule -Port 443 -ErrorAction Stop
        $app = New-OSSecurityGroup "$Prefix-app" -ErrorAction Stop
        $null = $app | New-OSSecurityGroupRule -Port 8080 -RemoteGroup $web -ErrorAction Stop
        $group = New-OSServerGroup "$Prefix-spread" -Policy SoftAntiAffinity -ErrorAction Stop
        $null = New-OSKeyPair "$Prefix-key" -ErrorAction Stop
        $webPort = $net | New-OSPort "$Prefix-web-nic" -SecurityGroup $web -FixedIP "$($subnet.Name)=10.117.0.10" -ErrorAction Stop
        $appPort = $net | New-OSPort "$Prefix-app-nic" -SecurityGroup $app -FixedIP "$($subnet.Name)=10.117.0.20" -ErrorAction Stop
        $servers = foreach ($tier in 'web', 'app') {
            New-OSServer -Name "$Prefix-$tier" -Image los-fake-image -Flavor m1.tiny -Network none -KeyPair "$Prefix-key" -ServerGroup $group -RunAsync -ErrorAction Stop
        }
        $null = $servers | Wait-OSTask -ErrorAction Stop
        $webServer = Get-OSServer "$Prefix-web" -ErrorAction Stop
        $appServer = Get-OSServer "$Prefix-app" -ErrorAction Stop
        $null = $webServer | Add-OSServerInterface -Port $webPort -ErrorAction Stop
        $null = $appServer | Add-OSServerInterface -Port $appPort -ErrorAction Stop
        $volume = New-OSVolume "$Prefix-data" -SizeGB 1 -ErrorAction Stop
        $null = $volume | Add-OSVolumeAttachment -VM $appServer -ErrorAction Stop
        $ip = $webServer | Add-OSFloatingIP -ErrorAction Stop
        $Made.FloatingIPId = $ip.Id
        $Made.Servers = @($webServer.Id, $appServer.Id)
    }

    It 'writes the template and its environment, refuses to overwrite them without -Force, and -WhatIf writes nothing' {
        $whatIf = Join-Path $Folder 'whatif.yaml'
        Get-OSServer "$Prefix-web", "$Prefix-app" | Export-OSStackTemplate $whatIf -WhatIf -ErrorAction Stop
        Test-Path $whatIf | Should -BeFalse

        $files = @(Get-OSServer "$Prefix-web", "$Prefix-app" | Export-OSStackTemplate $Path -ForAdopt -ErrorAction Stop)

        $files.Name | Should -Be @('tier.yaml', 'tier.env.yaml', 'tier.adopt.json')
        $files[0] | Should -BeOfType ([System.IO.FileInfo])
        $text = Get-Content $Path -Raw
        $text | Should -Match 'heat_template_version: 2018-08-31'
        $text | Should -Match 'custom_constraint: glance.image'
        $text | Should -Match 'custom_constraint: nova.flavor'
        $text | Should -Match 'custom_constraint: nova.keypair'
        $text | Should -Match 'OS::Neutron::FloatingIPAssociation'
        $text | Should -Not -Match 'type: OS::Neutron::Net\s+properties:\s+name:[^\n]*public'
        Get-Content (Join-Path $Folder 'tier.env.yaml') -Raw | Should -Match 'flavor: m1.tiny'

        Get-OSServer "$Prefix-web" | Export-OSStackTemplate $Path -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'FileExists*'
        Export-OSStackTemplate $Path -ErrorAction SilentlyContinue -ErrorVariable nothing
        $nothing[0].FullyQualifiedErrorId | Should -BeLike 'NothingToExport*'
    }

    It '-PassThru lists every exported resource with its live id' {
        $resources = @(Export-OSStackTemplate (Join-Path $Folder 'pass.yaml') -VM "$Prefix-web" -PassThru -Force -ErrorAction Stop)

        $resources[0].PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.ExportedStackResource'
        ($resources | Where-Object Type -eq 'OS::Nova::Server').LiveId | Should -Be $Made.Servers[0]
        # the web group's server only: its app neighbour stays out, the group, network and router come along
        @($resources | Where-Object Type -eq 'OS::Nova::Server') | Should -HaveCount 1
        ($resources.Type | Sort-Object -Unique) | Should -Contain 'OS::Neutron::RouterInterface'
        ($resources.Type | Sort-Object -Unique) | Should -Contain 'OS::Nova::ServerGroup'
    }

    It 'validates, deploys under a name prefix, and the copy has the same shapes as the originals' {
        $environment = Join-Path $Folder 'tier.env.yaml'
        $parameters = @(Test-OSStackTemplate -TemplateFile $Path -EnvironmentFile $environment -ErrorAction Stop)
        $parameters.Name | Should -Contain 'name_prefix'

        $stack = New-OSStack "$Prefix-copy" -TemplateFile $Path -EnvironmentFile $environment -Parameter @{ name_prefix = $CopyPrefix } -TimeoutSec 300 -ErrorAction Stop
        $stack.Status | Should -Be 'CREATE_COMPLETE'

        $subnetCopy = Get-OSSubnet -Id @(Get-Physical $stack 'OS::Neutron::Subnet')[0] -ErrorAction Stop
        $subnetOriginal = Get-OSSubnet "$Prefix-sub" -ErrorAction Stop
        $subnetCopy.Name | Should -Be "$CopyPrefix$Prefix-sub"
        $subnetCopy.Cidr | Should -Be $subnetOriginal.Cidr
        $subnetCopy.GatewayIP | Should -Be $subnetOriginal.GatewayIP
        $subnetCopy.AllocationPools | Should -Be $subnetOriginal.AllocationPools
        $subnetCopy.DnsServers | Should -Be $subnetOriginal.DnsServers

        $groupsCopy = @(Get-Physical $stack 'OS::Neutron::SecurityGroup' | ForEach-Object { Get-OSSecurityGroup -Id $_ -ErrorAction Stop })
        $groupsOriginal = @(Get-OSSecurityGroup "$Prefix-web", "$Prefix-app" -ErrorAction Stop)
        $names = @{}
        foreach ($g in $groupsCopy + $groupsOriginal) { $names[$g.Id] = $g.Name -replace "^$([regex]::Escape($CopyPrefix))" }
        foreach ($original in $groupsOriginal) {
            $copy = $groupsCopy | Where-Object Name -eq "$CopyPrefix$($original.Name)"
            $copy | Should -Not -BeNullOrEmpty
            @($copy.Rules | ForEach-Object { Get-RuleText $_ $names } | Sort-Object) |
                Should -Be @($original.Rules | ForEach-Object { Get-RuleText $_ $names } | Sort-Object) -Because "$($original.Name) keeps its rules"
        }
        @($groupsCopy | Where-Object Name -like '*-app').Rules.RemoteGroupId | Should -Contain ($groupsCopy | Where-Object Name -like '*-web').Id

        $serverGroupCopy = Get-OSServerGroup -Id @(Get-Physical $stack 'OS::Nova::ServerGroup')[0] -ErrorAction Stop
        $serverGroupCopy.Policy | Should -Be 'SoftAntiAffinity'
        $serversCopy = @(Get-Physical $stack 'OS::Nova::Server' | ForEach-Object { Get-OSServer -Id $_ -ErrorAction Stop })
        $serversCopy | Should -HaveCount 2
        foreach ($tier in 'web', 'app') {
            $original = Get-OSServer "$Prefix-$tier" -ErrorAction Stop
            $copy = $serversCopy | Where-Object Name -eq "$CopyPrefix$Prefix-$tier"
            $copy.Flavor | Should -Be $original.Flavor
            $copy.ImageId | Should -Be $original.ImageId
            $copy.KeyName | Should -Be $original.KeyName
            ($copy.IPAddress | Where-Object { $_ -like '10.117.*' }) | Should -Be ($original.IPAddress | Where-Object { $_ -like '10.117.*' })
            $serverGroupCopy.Members | Should -Contain $copy.Id
        }
        $appCopy = $serversCopy | Where-Object Name -like '*-app'
        $volumeCopy = Get-OSVolume -Id @(Get-Physical $stack 'OS::Cinder::Volume')[0] -ErrorAction Stop
        $volumeCopy.SizeGB | Should -Be 1
        $volumeCopy.ServerId | Should -Be $appCopy.Id
        $ipCopy = Get-OSFloatingIP -Id @(Get-Physical $stack 'OS::Neutron::FloatingIP')[0] -ErrorAction Stop
        $ipCopy.ServerId | Should -Be ($serversCopy | Where-Object Name -like '*-web').Id
        $routerCopy = Get-OSRouter -Id @(Get-Physical $stack 'OS::Neutron::Router')[0] -ErrorAction Stop
        $routerCopy.ExternalNetworkId | Should -Be (Get-OSNetwork public -ErrorAction Stop).Id

        $stack | Remove-OSStack -Confirm:$false -ErrorAction Stop
        Get-OSServer -Id $appCopy.Id -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'New-OSStack -AdoptFile refuses a file that is not adopt data, before anything is sent' {
        New-OSStack "$Prefix-bad" -AdoptFile $Path -ErrorAction SilentlyContinue -ErrorVariable bad
        $bad[0].Exception.Message | Should -Match 'is not stack adopt data'
        Get-OSStack -Name "$Prefix-bad" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'New-OSStack -AdoptFile brings the originals under a stack without new ids' {
        $stack = New-OSStack "$Prefix-adopted" -AdoptFile (Join-Path $Folder 'tier.adopt.json') -TimeoutSec 120 -ErrorAction Stop

        $stack.Status | Should -Be 'ADOPT_COMPLETE'
        @(Get-Physical $stack 'OS::Nova::Server' | Sort-Object) | Should -Be @($Made.Servers | Sort-Object)
        (Get-Physical $stack 'OS::Neutron::Subnet') | Should -Be (Get-OSSubnet "$Prefix-sub").Id
        (Get-Physical $stack 'OS::Neutron::FloatingIP') | Should -Be $Made.FloatingIPId
        @(Get-OSServer -Id $Made.Servers -ErrorAction Stop) | Should -HaveCount 2

        # the stack owns them now: removing it removes the originals
        $stack | Remove-OSStack -Confirm:$false -ErrorAction Stop
        Get-OSServer "$Prefix-web" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}
