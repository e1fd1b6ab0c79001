# Volumes created, grown, renamed, tagged, snapshotted, cloned and removed through the cmdlets as a user would, their
# types, their quota rows and name completion (local Cinder with its fake driver).

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $script:Prefix = New-OsoName 'oso-vol'
    if (-not (Get-OsoCloudSkipReason)) { $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop }
}

AfterAll {
    if (Get-OSCloud -ErrorAction SilentlyContinue) {
        Get-OSVolumeSnapshot -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSVolumeSnapshot -Confirm:$false -ErrorAction SilentlyContinue
        Get-OSVolume -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSVolume -Force -Confirm:$false -ErrorAction SilentlyContinue
    }
}

Describe 'A volume through its whole life' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll { $script:name = "$Prefix-a" }

    It 'New-OSVolume makes an available 1 GB volume of the default type with its metadata' {
        $script:created = New-OSVolume $name -SizeGB 1 -Description first -Metadata @{ role = 'data' } -ErrorAction Stop
        $created | Should -HaveCount 1
        $created.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Volume'
        $created.Status | Should -Be 'available'
        $created.CapacityGB | Should -Be 1
        $created.VolumeType | Should -Be '__DEFAULT__'
        (Get-OSVolume $name -ErrorAction Stop).Metadata['role'] | Should -Be 'data'
    }

    It 'Set-OSVolume grows, renames, describes it and replaces its metadata (a $null value removes a key)' {
        $changed = Get-OSVolume $name | Set-OSVolume -SizeGB 2 -Name "$name-b" -Description second -Metadata @{ role = $null; tier = 'gold' } -ErrorAction Stop
        $changed | Should -HaveCount 1
        $changed.SizeGB | Should -Be 2
        $changed.Name | Should -Be "$name-b"
        $changed.Description | Should -Be 'second'
        @((Get-OSVolume "$name-b" -ErrorAction Stop).Metadata.Keys) | Should -Be @('tier')
        (Get-OSVolume -Id $created.Id -ErrorAction Stop).SizeGB | Should -Be 2
    }

    It 'Get-OSVolume -Property gives objects with just those properties, by name and by id' {
        $byName = @(Get-OSVolume "$name-b" -Property Name, Status, SizeGB -ErrorAction Stop)
        $byId = @(Get-OSVolume -Id $created.Id -Property SizeGB -ErrorAction Stop)

        $byName | Should -HaveCount 1
        $byName[0].PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Volume#Selected'
        @($byName[0].PSObject.Properties.Name | Where-Object { $_ -notin 'Id', 'Cloud' }) | Should -Be @('Name', 'Status', 'SizeGB')
        $byName[0].Status | Should -Be 'available'
        $byName[0].SizeGB | Should -Be 2
        $byId | Should -HaveCount 1
        $byId[0].SizeGB | Should -Be 2
        $byId[0].Id | Should -Be $created.Id -Because 'the id rides along, so the object still pipes to Set-/Remove-OSVolume'
    }

    It 'New-OSVolumeSnapshot from the pipeline makes an available snapshot that Get-OSVolumeSnapshot finds from the volume' {
        $script:snapshot = Get-OSVolume "$name-b" | New-OSVolumeSnapshot -Name "$name-snap" -Description before -ErrorAction Stop
        $snapshot | Should -HaveCount 1
        $snapshot.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.VolumeSnapshot'
        $snapshot.Status | Should -Be 'available'
        $snapshot.SizeGB | Should -Be 2
        $snapshot.VolumeId | Should -Be $created.Id
        (Get-OSVolume "$name-b" | Get-OSVolumeSnapshot -ErrorAction Stop).Id | Should -Be $snapshot.Id
    }

    It 'Get-OSVolume | Get-OSVolumeSnapshot -Property gives the volume''s snapshots with just those properties' {
        $found = @(Get-OSVolume "$name-b" | Get-OSVolumeSnapshot -Property Name, Status, VolumeId -ErrorAction Stop)
        $found | Should -HaveCount 1
        @($found[0].PSObject.Properties.Name | Where-Object { $_ -notin 'Id', 'Cloud' }) | Should -Be @('Name', 'Status', 'VolumeId')
        $found[0].Name | Should -Be "$name-snap"
        $found[0].VolumeId | Should -Be $created.Id
        (Get-OSVolumeSnapshot "$name-snap" -Property Status -ErrorAction Stop).Status | Should -Be 'available'
    }

    It 'New-OSVolume -Snapshot makes a volume of the snapshot''s size' {
        $fromSnapshot = New-OSVolume "$name-fromsnap" -Snapshot "$name-snap" -ErrorAction Stop
        $fromSnapshot.Status | Should -Be 'available'
        $fromSnapshot.SizeGB | Should -Be 2
        $fromSnapshot.SnapshotId | Should -Be $snapshot.Id
    }

    It 'New-OSVolume -Image makes a bootable volume that names its image' {
        $fromImage = New-OSVolume "$name-fromimg" -SizeGB 1 -Image los-fake-image -ErrorAction Stop
        $fromImage.Bootable | Should -BeTrue
        $fromImage.ImageName | Should -Be 'los-fake-image'
    }

    It 'New-OSVolume -Source clones a volume' {
        $clone = New-OSVolume "$name-clone" -Source (Get-OSVolume "$name-b") -ErrorAction Stop
        $clone.SourceVolumeId | Should -Be $created.Id
    }

    It 'Remove-OSVolumeSnapshot removes the snapshot: Get-OSVolumeSnapshot is then ObjectNotFound' {
        Get-OSVolumeSnapshot "$name-snap" | Remove-OSVolumeSnapshot -Confirm:$false -ErrorAction Stop
        $null = Get-OSVolumeSnapshot "$name-snap" -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -HaveCount 1
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'Get-OSVolume -Name with a wildcard | Remove-OSVolume removes every volume the test made' {
        @(Get-OSVolume -Name "$name*").Count | Should -Be 4
        Get-OSVolume -Name "$name*" | Remove-OSVolume -Confirm:$false -ErrorAction Stop
        Get-OSVolume -Name "$name*" -ErrorAction Stop | Should -BeNullOrEmpty
    }
}

Describe 'New-OSVolume -RunAsync' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'returns tasks whose waits share the polling: five volumes cost about one list request per round' {
        # WaitPollRequests/WaitPollRounds count the shared poller's work on this connection (not a user-facing view).
        $blockStorage = Get-OsoInternal $DefaultOSCloud BlockStorage
        $before = $blockStorage.WaitPollRequests
        $rounds = $blockStorage.WaitPollRounds
        $tasks = 1..5 | ForEach-Object { New-OSVolume "$Prefix-r$_" -SizeGB 1 -RunAsync -ErrorAction Stop }
        $volumes = @($tasks | Wait-OSTask -ErrorAction Stop)
        $requests = $blockStorage.WaitPollRequests - $before
        $rounds = $blockStorage.WaitPollRounds - $rounds

        $tasks.ForEach({ $_.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Task' })
        $volumes.ForEach({ $_.Status | Should -Be 'available' })
        $volumes.Name | Sort-Object | Should -Be @(1..5 | ForEach-Object { "$Prefix-r$_" })
        # a few single GETs happen before all five waits have joined the shared list
        $requests | Should -BeLessOrEqual ($rounds + 4) -Because "$requests requests in $rounds rounds"
    }
}

Describe 'Volume types' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'Get-OSVolumeType finds __DEFAULT__ by name and by id' {
        $type = Get-OSVolumeType -Name __DEFAULT__ -ErrorAction Stop
        $type | Should -HaveCount 1
        $type.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.VolumeType'
        $type.IsPublic | Should -BeTrue
        (Get-OSVolumeType -Id $type.Id -ErrorAction Stop).Name | Should -Be '__DEFAULT__'
    }

    It 'Get-OSVolumeType -Property gives objects with just those properties' {
        $type = @(Get-OSVolumeType __DEFAULT__ -Property Name, IsPublic -ErrorAction Stop)
        $type | Should -HaveCount 1
        @($type[0].PSObject.Properties.Name | Where-Object { $_ -notin 'Id', 'Cloud' }) | Should -Be @('Name', 'IsPublic')
        $type[0].IsPublic | Should -BeTrue
    }

    It 'are shown in a table of Name, IsPublic and Description' {
        Get-OSVolumeType '__DEF*' | Format-Table | Out-String -Width 250 | Should -Match 'Name\s+IsPublic\s+Description'
    }

    It 'an unknown name is a NameNotFound error' {
        $null = Get-OSVolumeType -Name no-such-type -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be 'NameNotFound,OpenStackOrchestrator.Cmdlets.BlockStorage.GetOSVolumeTypeCommand'
    }
}

Describe 'Block storage quotas' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'are rows of Get-OSQuota: volumes, gigabytes and snapshots, no id row' {
        $rows = @(Get-OSQuota -ErrorAction Stop | Where-Object Service -EQ block-storage)
        $rows.Resource | Should -Contain 'volumes'
        $rows.Resource | Should -Contain 'gigabytes'
        $rows.Resource | Should -Contain 'snapshots'
        $rows.Resource | Should -Not -Contain 'id'
        $rows.ForEach({ $_.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Quota' })
    }

    It 'share the quota table with the other services' {
        Get-OSQuota | Format-Table | Out-String -Width 250 | Should -Match 'block-storage\s+gigabytes\s+(\d+|Unlimited)\s+\d+\s+\d+'
    }
}

Describe 'Volume name completion' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'Remove-OSVolume, a name prefix and Tab complete the live volume name' {
        $null = New-OSVolume "$Prefix-comp" -SizeGB 1 -ErrorAction Stop
        $line = "Remove-OSVolume $Prefix-co"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @("$Prefix-comp")
    }
}
