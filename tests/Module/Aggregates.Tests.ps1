# Host aggregates (admin): aggregates of the test's own created, listed, changed, given the host los-aio-2 and deleted;
# Nova's own answers are checked beside the cmdlets'. Only aggregates without an availability zone get a host, so no
# host of the shared cloud changes its zone; every aggregate of the test is removed (hosts first) in AfterAll.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $PSStyle.OutputRendering = 'PlainText'
    $script:Prefix = New-OsoName 'oso-agg'
    $script:HostName = 'los-aio-2'
    if (-not (Get-OsoCloudSkipReason)) {
        $script:Admin = Connect-OSCloud -Cloud los-admin -NotDefault -ErrorAction Stop
        $script:Demo = Connect-OSCloud -Cloud los-demo -NotDefault -ErrorAction Stop
    }

    function Get-RawAggregate([string] $Name) {
        (Invoke-OSApiRequest -Cloud $Admin -Service compute -Path /os-aggregates -ErrorAction Stop).aggregates | Where-Object name -EQ $Name
    }
}

AfterAll {
    if ($Admin) {
        foreach ($aggregate in (Invoke-OSApiRequest -Cloud $Admin -Service compute -Path /os-aggregates -ErrorAction SilentlyContinue).aggregates |
                Where-Object name -Like "$Prefix*") {
            foreach ($computeHost in $aggregate.hosts) {
                $null = Invoke-OSApiRequest -Cloud $Admin -Service compute -Path "/os-aggregates/$($aggregate.id)/action" -Method POST `
                    -Body @{ remove_host = @{ host = $computeHost } } -Confirm:$false -ErrorAction SilentlyContinue
            }
            $null = Invoke-OSApiRequest -Cloud $Admin -Service compute -Path "/os-aggregates/$($aggregate.id)" -Method DELETE -Confirm:$false -ErrorAction SilentlyContinue
        }
    }
}

Describe 'Host aggregates' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'New-OSAggregate -WhatIf creates nothing' {
        New-OSAggregate "$Prefix-whatif" -Cloud $Admin -WhatIf -ErrorAction Stop
        Get-RawAggregate "$Prefix-whatif" | Should -BeNullOrEmpty
    }

    It 'New-OSAggregate creates an availability zone aggregate with metadata; Nova agrees' {
        $zone = New-OSAggregate "$Prefix-zone" -AvailabilityZone "$Prefix-az" -Metadata @{ ssd = $true; tier = 'gold' } -Cloud $Admin -Confirm:$false -ErrorAction Stop
        $zone.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Aggregate'
        $zone.Name | Should -Be "$Prefix-zone"
        $zone.AvailabilityZone | Should -Be "$Prefix-az"
        $zone.Metadata['ssd'] | Should -Be 'true'
        $zone.Metadata['tier'] | Should -Be 'gold'
        $zone.Hosts | Should -BeNullOrEmpty
        $raw = Get-RawAggregate "$Prefix-zone"
        [string]$raw.id | Should -Be $zone.Id
        $raw.availability_zone | Should -Be "$Prefix-az"
        $raw.metadata.tier | Should -Be 'gold'
    }

    It 'Get-OSAggregate finds the aggregates by wildcard and by id, and shows them as a table' {
        $null = New-OSAggregate "$Prefix-plain" -Cloud $Admin -Confirm:$false -ErrorAction Stop
        $found = @(Get-OSAggregate "$Prefix-*" -Cloud $Admin -ErrorAction Stop)
        @($found.Name | Sort-Object) | Should -Be @("$Prefix-plain", "$Prefix-zone")
        $zone = $found | Where-Object Name -EQ "$Prefix-zone"
        (Get-OSAggregate -Id $zone.Id -Cloud $Admin -ErrorAction Stop).AvailabilityZone | Should -Be "$Prefix-az"
        $table = $found | Format-Table | Out-String
        $table | Should -Match 'Name\s+AvailabilityZone\s+Hosts\s+Metadata\s+Id'
        $table | Should -Match "$Prefix-zone\s+$Prefix-az\s+3\s+$($zone.Id)"
    }

    It 'a name that matches no aggregate is an ObjectNotFound error' {
        Get-OSAggregate "$Prefix-none" -Cloud $Admin -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'Set-OSAggregate renames, sets and removes metadata keys (the others stay)' {
        $changed = Get-OSAggregate "$Prefix-zone" -Cloud $Admin -ErrorAction Stop |
            Set-OSAggregate -NewName "$Prefix-zone2" -Metadata @{ rack = '7' } -RemoveMetadata tier -Confirm:$false -ErrorAction Stop
        $changed.Name | Should -Be "$Prefix-zone2"
        $changed.Metadata['rack'] | Should -Be '7'
        $changed.Metadata['ssd'] | Should -Be 'true'
        $changed.Metadata.ContainsKey('tier') | Should -BeFalse
        $raw = Get-RawAggregate "$Prefix-zone2"
        $raw.metadata.rack | Should -Be '7'
        $raw.metadata.PSObject.Properties.Name | Should -Not -Contain 'tier'
    }

    It 'Set-OSAggregate -WhatIf resolves the name and changes nothing; an unknown name is an error there too' {
        Set-OSAggregate "$Prefix-zone2" -AvailabilityZone "$Prefix-other" -Cloud $Admin -WhatIf -ErrorAction Stop
        (Get-RawAggregate "$Prefix-zone2").availability_zone | Should -Be "$Prefix-az"
        Set-OSAggregate "$Prefix-none" -Name x -Cloud $Admin -WhatIf -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Match '^NameNotFound'
    }

    It 'Add-OSAggregateHost puts los-aio-2 into an aggregate without a zone; Nova agrees' {
        $aggregate = Add-OSAggregateHost "$Prefix-plain" -ComputeHost $HostName -Cloud $Admin -Confirm:$false -ErrorAction Stop
        $aggregate.Hosts | Should -Be @($HostName)
        @((Get-RawAggregate "$Prefix-plain").hosts) | Should -Be @($HostName)
        (Get-OSAggregate "$Prefix-plain" -Cloud $Admin -ErrorAction Stop).Hosts | Should -Be @($HostName)
    }

    It 'Remove-OSAggregate refuses an aggregate with hosts, naming them, also under -WhatIf' {
        foreach ($whatIf in $true, $false) {
            Remove-OSAggregate "$Prefix-plain" -Cloud $Admin -WhatIf:$whatIf -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed
            $failed | Should -HaveCount 1
            $failed[0].FullyQualifiedErrorId | Should -Match '^AggregateNotEmpty'
            $failed[0].CategoryInfo.Category | Should -Be 'ResourceBusy'
            $failed[0].Exception.Message | Should -Match $HostName
            $failed[0].ErrorDetails.RecommendedAction | Should -Match 'Remove-OSAggregate -Force'
        }
        Get-RawAggregate "$Prefix-plain" | Should -Not -BeNullOrEmpty
    }

    It 'Remove-OSAggregateHost takes the host out again' {
        $aggregate = Remove-OSAggregateHost "$Prefix-plain" -ComputeHost $HostName -Cloud $Admin -Confirm:$false -ErrorAction Stop
        $aggregate.Hosts | Should -BeNullOrEmpty
        (Get-RawAggregate "$Prefix-plain").hosts | Should -BeNullOrEmpty
    }

    It 'Remove-OSAggregate -Force removes the hosts, then deletes the aggregate' {
        $null = Add-OSAggregateHost "$Prefix-plain" -ComputeHost $HostName -Cloud $Admin -Confirm:$false -ErrorAction Stop
        Remove-OSAggregate "$Prefix-plain" -Force -Cloud $Admin -Confirm:$false -ErrorAction Stop
        Get-RawAggregate "$Prefix-plain" | Should -BeNullOrEmpty
    }

    It 'Remove-OSAggregate deletes an empty aggregate given as an object' {
        Get-OSAggregate "$Prefix-zone2" -Cloud $Admin -ErrorAction Stop | Remove-OSAggregate -Confirm:$false -ErrorAction Stop
        Get-RawAggregate "$Prefix-zone2" | Should -BeNullOrEmpty
    }

    It 'a member user is refused, and told the call needs the admin role' {
        Get-OSAggregate -Cloud $Demo -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failed[0].Exception.Message | Should -Match "needs the 'admin' role"
    }
}
