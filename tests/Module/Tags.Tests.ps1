# Tags on servers and Neutron resources of the test's own project: Add-OSTag and Remove-OSTag from the pipeline, the
# -Tag, -TagAny and -ExcludeTag filters of the Get- cmdlets (asked of the service, as the request trace shows), -Tag on
# New- cmdlets, -WhatIf, and the errors of objects that keep no tags.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-Module "$PSScriptRoot/TestSupport/OsoNetworkTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $PSStyle.OutputRendering = 'PlainText'
    $script:Prefix = New-OsoName 'oso-tag'
    if (-not (Get-OsoCloudSkipReason)) {
        $script:Admin = Connect-OSCloud -Cloud los-admin -NotDefault -ErrorAction Stop
        $script:Project = New-OsoProject -AdminCloud $Admin -Name $Prefix -ComputeQuota @{ instances = 10; cores = 10 } -Default
        $script:Cloud = $Project.Cloud
    }

    # The GET requests a command sent (from its -Debug trace), and what it wrote besides.
    function Invoke-Traced([scriptblock] $Command) {
        $all = @(& $Command 5>&1)
        [pscustomobject]@{
            Requests = @($all | Where-Object { $_ -is [System.Management.Automation.DebugRecord] -and $_.Message -like 'REQ: curl*-X GET*' } | ForEach-Object Message)
            Output   = @($all | Where-Object { $_ -isnot [System.Management.Automation.DebugRecord] })
        }
    }

    function Get-NetworkTags([string] $Id) {
        @((Invoke-OSApiRequest -Cloud $Cloud -Service network -Path "/v2.0/networks/$Id/tags" -ErrorAction Stop).tags)
    }
}

AfterAll {
    if ($Project) {
        Remove-OsoNetworkResources -Prefix $Prefix -Cloud $Cloud
        Remove-OsoProject -AdminCloud $Admin -Project $Project
    }
}

Describe 'Tag parameters' {
    It 'the Get- cmdlet of every resource that keeps tags filters with -Tag, -TagAny and -ExcludeTag, and its objects have Tags' {
        $tagged = @([OpenStackOrchestrator.Infrastructure.ResourceCmdlets]::All.GetEnumerator() | Where-Object { $_.Key -like 'Get-*' -and $_.Value.Tagging })
        @($tagged.Key | Sort-Object) | Should -Be @('Get-OSFloatingIP', 'Get-OSNetwork', 'Get-OSPort', 'Get-OSProject', 'Get-OSRouter', 'Get-OSSecurityGroup', 'Get-OSServer', 'Get-OSSubnet')
        foreach ($entry in $tagged) {
            $parameters = (Get-Command $entry.Key).Parameters
            foreach ($name in 'Tag', 'TagAny', 'ExcludeTag') {
                $parameters[$name].ParameterType | Should -Be ([string[]]) -Because "$($entry.Key) -$name filters by tags as the other Get- cmdlets do"
            }
            $entry.Value.ResourceType.GetProperty('Tags').PropertyType | Should -Be ([System.Collections.Generic.IReadOnlyList[string]]) -Because "$($entry.Key) shows the tags it filters by"
        }
    }
}

Describe 'Server tags' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        # New-OSServer -Tag sends the tags in the create request (Nova 2.52); the other server has none. Both are built at once.
        $boot = @{ Image = 'los-fake-image'; Flavor = 'm1.tiny'; Network = 'none'; RunAsync = $true; Confirm = $false; ErrorAction = 'Stop' }
        $tasks = @(New-OSServer "$Prefix-s1" -Tag "$Prefix-new" @boot; New-OSServer "$Prefix-s2" @boot)
        $built = @($tasks | Wait-OSTask -ErrorAction Stop)
        $script:Tagged = $built | Where-Object Name -EQ "$Prefix-s1"
        $script:Plain = $built | Where-Object Name -EQ "$Prefix-s2"
    }

    It 'New-OSServer -Tag creates the server with its tags, and Get-OSServer shows them' {
        $Tagged.Tags | Should -Be @("$Prefix-new")
        $Plain.Tags | Should -BeNullOrEmpty
        (Get-OSServer -Id $Tagged.Id -ErrorAction Stop).Tags | Should -Be @("$Prefix-new")
    }

    It 'Add-OSTag tags the servers piped from Get-OSServer; -PassThru writes them read again' {
        Get-OSServer "$Prefix-s*" -ErrorAction Stop | Add-OSTag "$Prefix-web" -Confirm:$false -ErrorAction Stop | Should -BeNullOrEmpty
        $passed = @(Get-OSServer "$Prefix-s2" -ErrorAction Stop | Add-OSTag "$Prefix-prod", "$Prefix-web" -PassThru -ErrorAction Stop)
        $passed | Should -HaveCount 1
        $passed[0].PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Server'
        $passed[0].Tags | Sort-Object | Should -Be @("$Prefix-prod", "$Prefix-web")
        $raw = Invoke-OSApiRequest -Cloud $Cloud -Service compute -Path "/servers/$($Tagged.Id)/tags" -Microversion 2.26 -ErrorAction Stop
        @($raw.tags) | Sort-Object | Should -Be @("$Prefix-new", "$Prefix-web")
    }

    It 'Get-OSServer -Tag (all of them), -TagAny and -ExcludeTag get only the matching servers' {
        @(Get-OSServer -Tag "$Prefix-prod" -ErrorAction Stop).Name | Should -Be @("$Prefix-s2")
        @(Get-OSServer -Tag "$Prefix-web", "$Prefix-new" -ErrorAction Stop).Name | Should -Be @("$Prefix-s1")
        @(Get-OSServer -TagAny "$Prefix-new", "$Prefix-prod" -ErrorAction Stop).Name | Sort-Object | Should -Be @("$Prefix-s1", "$Prefix-s2")
        @(Get-OSServer "$Prefix-s*" -ExcludeTag "$Prefix-prod" -ErrorAction Stop).Name | Should -Be @("$Prefix-s1")
    }

    It 'the tag filter is Nova''s: the list request carries tags=, and Nova answers it with the same servers' {
        $traced = Invoke-Traced { Get-OSServer -Tag "$Prefix-prod" -Debug -ErrorAction Stop }
        $traced.Requests | Should -HaveCount 1
        $traced.Requests[0] | Should -BeLike "*/servers/detail?*tags=$Prefix-prod*"
        $raw = Invoke-OSApiRequest -Cloud $Cloud -Service compute -Path /servers/detail -Query @{ tags = "$Prefix-prod" } -Microversion 2.26 -ErrorAction Stop
        @($raw.servers.id) | Should -Be @($traced.Output.Id)
        $any = Invoke-Traced { Get-OSServer -TagAny "$Prefix-new", "$Prefix-prod" -ExcludeTag "$Prefix-none" -Debug -ErrorAction Stop }
        $any.Requests[0] | Should -BeLike "*tags-any=$Prefix-new%2C$Prefix-prod*"
        $any.Requests[0] | Should -BeLike "*not-tags-any=$Prefix-none*"
    }

    It '-WhatIf changes no tag' {
        Get-OSServer "$Prefix-s1" | Add-OSTag "$Prefix-whatif" -WhatIf -ErrorAction Stop
        Get-OSServer "$Prefix-s2" | Remove-OSTag -All -WhatIf -ErrorAction Stop
        (Get-OSServer -Id $Tagged.Id).Tags | Sort-Object | Should -Be @("$Prefix-new", "$Prefix-web")
        (Get-OSServer -Id $Plain.Id).Tags | Sort-Object | Should -Be @("$Prefix-prod", "$Prefix-web")
    }

    It 'Remove-OSTag removes the tags given (one not there is no error), and -All removes every tag' {
        $left = Get-OSServer "$Prefix-s2" | Remove-OSTag "$Prefix-prod", "$Prefix-absent" -PassThru -ErrorAction Stop
        $left.Tags | Should -Be @("$Prefix-web")
        @(Get-OSServer -Tag "$Prefix-prod" -ErrorAction Stop) | Should -BeNullOrEmpty
        Get-OSServer "$Prefix-s*" | Remove-OSTag -All -ErrorAction Stop
        @(Get-OSServer -TagAny "$Prefix-new", "$Prefix-web" -ErrorAction Stop) | Should -BeNullOrEmpty
    }
}

Describe 'Network tags' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $script:NetA = New-OSNetwork "$Prefix-a" -Tag "$Prefix-blue", "$Prefix-green" -Confirm:$false -ErrorAction Stop
        $script:NetB = New-OSNetwork "$Prefix-b" -Confirm:$false -ErrorAction Stop
    }

    It 'New-OSNetwork -Tag returns the network with its tags' {
        $NetA.Tags | Sort-Object | Should -Be @("$Prefix-blue", "$Prefix-green")
        Get-NetworkTags $NetA.Id | Sort-Object | Should -Be @("$Prefix-blue", "$Prefix-green")
        $NetB.Tags | Should -BeNullOrEmpty
    }

    It 'Add-OSTag tags networks from the pipeline, also objects of Get-OSNetwork -Property' {
        Get-OSNetwork "$Prefix-b" -Property Name | Add-OSTag "$Prefix-blue" -ErrorAction Stop
        Get-NetworkTags $NetB.Id | Should -Be @("$Prefix-blue")
    }

    It 'Get-OSNetwork -Tag, -TagAny and -ExcludeTag get only the matching networks, filtered by Neutron' {
        $traced = Invoke-Traced { Get-OSNetwork -Tag "$Prefix-blue", "$Prefix-green" -Debug -ErrorAction Stop }
        @($traced.Output.Name) | Should -Be @("$Prefix-a")
        $traced.Requests | Should -HaveCount 1
        $traced.Requests[0] | Should -BeLike "*/v2.0/networks?tags=$Prefix-blue%2C$Prefix-green*"
        @(Get-OSNetwork -TagAny "$Prefix-blue" -ErrorAction Stop).Name | Sort-Object | Should -Be @("$Prefix-a", "$Prefix-b")
        @(Get-OSNetwork "$Prefix-*" -ExcludeTag "$Prefix-green" -ErrorAction Stop).Name | Should -Be @("$Prefix-b")
        $raw = Invoke-OSApiRequest -Cloud $Cloud -Service network -Path /v2.0/networks -Query @{ 'tags-any' = "$Prefix-blue" } -ErrorAction Stop
        @($raw.networks.id) | Sort-Object | Should -Be (@($NetA.Id, $NetB.Id) | Sort-Object)
    }

    It '-WhatIf adds and removes nothing' {
        $NetB | Add-OSTag "$Prefix-whatif" -WhatIf -ErrorAction Stop
        $NetA | Remove-OSTag "$Prefix-blue" -WhatIf -ErrorAction Stop
        $NetA | Remove-OSTag -All -WhatIf -ErrorAction Stop
        Get-NetworkTags $NetB.Id | Should -Be @("$Prefix-blue")
        Get-NetworkTags $NetA.Id | Sort-Object | Should -Be @("$Prefix-blue", "$Prefix-green")
    }

    It 'Remove-OSTag removes a tag, and -All every tag' {
        ($NetA | Remove-OSTag "$Prefix-blue" -PassThru -ErrorAction Stop).Tags | Should -Be @("$Prefix-green")
        @(Get-OSNetwork -Tag "$Prefix-blue" -ErrorAction Stop).Name | Should -Be @("$Prefix-b")
        Get-OSNetwork "$Prefix-*" | Remove-OSTag -All -ErrorAction Stop
        Get-NetworkTags $NetA.Id | Should -BeNullOrEmpty
        Get-NetworkTags $NetB.Id | Should -BeNullOrEmpty
    }

    It 'an object that keeps no tags is a NotTaggable error of its own; the others are still tagged' {
        $flavor = Get-OSFlavor m1.tiny -ErrorAction Stop
        $flavor, $NetA, 'just-a-name' | Add-OSTag "$Prefix-mixed" -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 2
        $failed | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'NotTaggable,*' }
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failed[0].TargetObject.Name | Should -Be 'm1.tiny'
        $failed[0].Exception.Message | Should -BeLike '*(servers, floating IPs, networks, ports, projects, routers, security groups, subnets)*'
        Get-NetworkTags $NetA.Id | Should -Be @("$Prefix-mixed")
    }

    It 'a tag with a comma or a slash is refused before any request' {
        { $NetA | Add-OSTag 'a,b' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        { Get-OSNetwork -Tag 'a/b' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'a tag Neutron refuses after the create deletes the new network again, and the error says so' {
        $long = 'x' * 300
        $made = New-OSNetwork "$Prefix-refused" -Tag $long -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $made | Should -BeNullOrEmpty
        $failed | Should -HaveCount 1
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failed[0].ErrorDetails.Message | Should -BeLike "The network '$Prefix-refused' (*) was created, but tagging it failed, so it was deleted again: *"
        @(Get-OSNetwork "$Prefix-refused" -ErrorAction SilentlyContinue) | Should -BeNullOrEmpty
    }
}

Describe 'Tags of the other Neutron resources' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $tag = "$Prefix-other"
        $script:NetworkName = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix c -Cidr 10.250.7.0/24
        $script:Made = [ordered]@{
            Subnet        = New-OSSubnet -Network $NetworkName -Name "$Prefix-c-sub2" -Cidr 10.250.8.0/24 -Tag $tag -ErrorAction Stop
            Port          = New-OSPort -Network $NetworkName -Name "$Prefix-c-port" -Tag $tag -ErrorAction Stop
            Router        = New-OSRouter "$Prefix-c-router" -Tag $tag -ErrorAction Stop
            SecurityGroup = New-OSSecurityGroup "$Prefix-c-sg" -Tag $tag -ErrorAction Stop
            FloatingIP    = New-OSFloatingIP -Network public -Description "$Prefix-c-fip" -Tag $tag -ErrorAction Stop
        }
        $script:Cases = @($Made.Keys | ForEach-Object { @{ Kind = $_ } })
    }

    It 'New-OS<Kind> -Tag tags the new object, Get-OS<Kind> -Tag finds only it, and Remove-OSTag takes it off' -ForEach @(
        @{ Kind = 'Subnet' }, @{ Kind = 'Port' }, @{ Kind = 'Router' }, @{ Kind = 'SecurityGroup' }, @{ Kind = 'FloatingIP' }) {
        $made = $Made[$Kind]
        $made.PSObject.TypeNames[0] | Should -Be "OpenStackOrchestrator.$Kind"
        $made.Tags | Should -Be @("$Prefix-other")
        $traced = Invoke-Traced { & "Get-OS$Kind" -Tag "$Prefix-other" -Debug -ErrorAction Stop }
        @($traced.Output.Id) | Should -Be @($made.Id)
        $traced.Requests[-1] | Should -BeLike "*tags=$Prefix-other*"

        $changed = & "Get-OS$Kind" -Id $made.Id | Add-OSTag "$Prefix-more" -PassThru -ErrorAction Stop
        $changed.Tags | Sort-Object | Should -Be @("$Prefix-more", "$Prefix-other")
        ($changed | Remove-OSTag -All -PassThru -ErrorAction Stop).Tags | Should -BeNullOrEmpty
        @(& "Get-OS$Kind" -TagAny "$Prefix-other", "$Prefix-more" -ErrorAction Stop) | Should -BeNullOrEmpty
    }
}
