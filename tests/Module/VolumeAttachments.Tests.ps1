# Disks for servers built from pipelines, as New-HardDisk -VM and Get-VM | Get-HardDisk are used: attach, list a
# server's volumes, detach, delete while attached, snapshot while attached (local Cinder fake driver, Nova fake driver).

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $script:Prefix = New-OsoName 'oso-disk'
    $script:UnnamedVolumeIds = [System.Collections.Generic.List[string]]::new()
    $script:Cmdlets = 'OpenStackOrchestrator.Cmdlets.BlockStorage.'
    if (-not (Get-OsoCloudSkipReason)) {
        $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
        # One server for the whole file: the demo project's instance quota is shared with every other test run.
        $script:Server = "$Prefix-vm"
        $null = New-OSServer -Name $Server -Image los-fake-image -Flavor m1.tiny -Network none -ErrorAction Stop
    }
}

AfterAll {
    if (Get-OSCloud -ErrorAction SilentlyContinue) {
        Get-OSVolumeSnapshot -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSVolumeSnapshot -Confirm:$false -ErrorAction SilentlyContinue
        Get-OSVolume -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSVolume -Force -Confirm:$false -ErrorAction SilentlyContinue
        foreach ($id in $UnnamedVolumeIds) { Get-OSVolume -Id $id -ErrorAction SilentlyContinue | Remove-OSVolume -Force -Confirm:$false -ErrorAction SilentlyContinue }
        Get-OSServer -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSServer -Confirm:$false -ErrorAction SilentlyContinue
    }
}

Describe 'A new volume piped to a server' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $s = Get-OSServer $Server -ErrorAction Stop
        $script:attached = New-OSVolume -SizeGB 1 -ErrorAction Stop | Add-OSVolumeAttachment -VM $s -ErrorAction Stop
        $UnnamedVolumeIds.Add($attached.Id)
    }

    It 'is in-use, attached to the server by name, as a device under /dev/' {
        $attached | Should -HaveCount 1
        $attached.Status | Should -Be 'in-use'
        $attached.ServerName | Should -Be $Server
        $attached.Device | Should -BeLike '/dev/*'
    }

    It 'is among the server''s disks, with its device (Get-OSServer | Get-OSVolume and Get-OSVolume -VM)' {
        $disk = @(Get-OSServer $Server | Get-OSVolume -ErrorAction Stop)
        $disk | Should -HaveCount 1
        $disk[0].Id | Should -Be $attached.Id
        $disk[0].Device | Should -Be $attached.Device
        (Get-OSVolume -VM $Server -ErrorAction Stop).Id | Should -Be $attached.Id
    }

    It 'shows Name, CapacityGB, Status, Type, Server and Device in its table' {
        $table = Get-OSServer $Server | Get-OSVolume | Format-Table | Out-String -Width 250
        $table | Should -Match 'Name\s+CapacityGB\s+Status\s+Type\s+Server\s+Device'
        $table | Should -Match ('1\s+in-use\s+__DEFAULT__\s+{0}\s+{1}' -f [regex]::Escape($Server), [regex]::Escape($attached.Device))
    }

    # The table's Server and Type columns are real properties: Select-Object, Where-Object and Format-Table agree.
    It 'has Server and Type properties that Select-Object and Where-Object see as the table shows them' {
        $row = Get-OSServer $Server | Get-OSVolume | Select-Object Name, Server, Type
        $row.Server | Should -Be $Server
        $row.Type | Should -Be '__DEFAULT__'
        (Get-OSVolume -Id $attached.Id | Where-Object Server -EQ $Server).Id | Should -Be $attached.Id
        (Get-OSVolume -Id $attached.Id | Where-Object Type -EQ '__DEFAULT__').Id | Should -Be $attached.Id
        $table = Get-OSServer $Server | Get-OSVolume | Format-Table Name, Server, Type | Out-String -Width 250
        $table | Should -Match ('{0}\s+__DEFAULT__' -f [regex]::Escape($Server))
    }

    It 'keeps its server by name with -Property, from the server and by id' {
        $fromServer = @(Get-OSServer $Server | Get-OSVolume -Property Name, Server, Device -ErrorAction Stop)
        $byId = @(Get-OSVolume -Id $attached.Id -Property Server -ErrorAction Stop)

        $fromServer | Should -HaveCount 1
        @($fromServer[0].PSObject.Properties.Name | Where-Object { $_ -notin 'Id', 'Cloud' }) | Should -Be @('Name', 'Server', 'Device')
        $fromServer[0].Server | Should -Be $Server
        $fromServer[0].Device | Should -Be $attached.Device
        $byId[0].Server | Should -Be $Server
    }

    It 'is detached by Remove-OSVolumeAttachment: available, no device, not among the server''s disks' {
        $detached = Get-OSVolume -Id $attached.Id | Remove-OSVolumeAttachment -VM $Server -Confirm:$false -ErrorAction Stop
        $detached.Status | Should -Be 'available'
        $detached.Device | Should -BeNullOrEmpty
        $detached.Server | Should -BeNullOrEmpty
        Get-OSServer $Server | Get-OSVolume -ErrorAction Stop | Should -BeNullOrEmpty
    }

    It 'is gone after Remove-OSVolume: Get-OSVolume -Id is ObjectNotFound' {
        Remove-OSVolume $attached.Id -Confirm:$false -ErrorAction Stop
        $null = Get-OSVolume -Id $attached.Id -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -HaveCount 1
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Deleting an attached volume' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $script:volume = "$Prefix-busy"
        $null = New-OSVolume $volume -SizeGB 1 -ErrorAction Stop | Add-OSVolumeAttachment -VM $Server -ErrorAction Stop
    }

    It 'is a VolumeInUse error naming the server, and the volume stays in-use' {
        $ServerId = (Get-OSServer $Server).Id
        Remove-OSVolume $volume -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be "VolumeInUse,$($Cmdlets)RemoveOSVolumeCommand"
        $e[0].CategoryInfo.Category | Should -Be 'ResourceBusy'
        "$($e[0])" | Should -BeLike "*attached to server '$Server' ($ServerId)*"
        (Get-OSVolume $volume).Status | Should -Be 'in-use'
    }

    It 'succeeds with -Force, which detaches it first; the server stays ACTIVE' {
        Remove-OSVolume $volume -Force -Confirm:$false -ErrorAction Stop
        $null = Get-OSVolume $volume -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -HaveCount 1
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        (Get-OSServer $Server).Status | Should -Be 'ACTIVE'
    }
}

Describe 'A snapshot of an attached volume' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'needs no extra switch, and the volume stays in-use' {
        $volume = "$Prefix-live"
        $null = New-OSVolume $volume -SizeGB 1 -ErrorAction Stop | Add-OSVolumeAttachment -VM $Server -ErrorAction Stop

        $snapshot = New-OSVolumeSnapshot $volume "$Prefix-live-snap" -ErrorAction Stop

        $snapshot.Status | Should -Be 'available'
        (Get-OSVolume $volume).Status | Should -Be 'in-use'
    }
}
