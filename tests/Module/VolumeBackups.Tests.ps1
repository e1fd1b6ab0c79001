# Volume backups (cinder-backup, posix driver on the local cloud): a full backup, restored to a new volume and onto an
# existing one, an incremental backup building on it, removal in order, and the errors Cinder gives (an in-use volume
# without -Force, a full backup with incremental ones, -WhatIf with a missing volume).

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $PSStyle.OutputRendering = 'PlainText'
    $script:Prefix = New-OsoName 'oso-bak'
    $script:Cmdlets = 'OpenStackOrchestrator.Cmdlets.BlockStorage.'
    if (-not (Get-OsoCloudSkipReason)) {
        $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
        $script:Source = New-OSVolume -Name "$Prefix-src" -SizeGB 1 -Confirm:$false -ErrorAction Stop
    }
}

AfterAll {
    if (Get-OSCloud -ErrorAction SilentlyContinue) {
        # Incremental backups before the full ones they build on.
        $backups = @(Get-OSVolumeBackup -Name "$Prefix*" -ErrorAction SilentlyContinue)
        $backups | Where-Object IsIncremental | Remove-OSVolumeBackup -Confirm:$false -ErrorAction SilentlyContinue
        $backups | Where-Object { -not $_.IsIncremental } | Remove-OSVolumeBackup -Confirm:$false -ErrorAction SilentlyContinue
        Get-OSVolume -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSVolume -Force -Confirm:$false -ErrorAction SilentlyContinue
        Get-OSServer -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSServer -Confirm:$false -ErrorAction SilentlyContinue
    }
}

Describe 'Volume backups' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'a full backup of a volume is available, and Cinder agrees' {
        $script:Full = New-OSVolumeBackup $Source "$Prefix-full" -Description 'first backup' -Confirm:$false -ErrorAction Stop
        $Full.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.VolumeBackup'
        $Full.Status | Should -Be 'available'
        $Full.VolumeId | Should -Be $Source.Id
        $Full.SizeGB | Should -Be 1
        $Full.IsIncremental | Should -BeFalse
        $Full.Description | Should -Be 'first backup'

        $raw = (Invoke-OSApiRequest -Service block-storage -Path "/backups/$($Full.Id)" -ErrorAction Stop).backup
        $raw.status | Should -Be 'available'
        $raw.volume_id | Should -Be $Source.Id
        $raw.name | Should -Be "$Prefix-full"
    }

    It 'restores to a new volume of the same size, available, returned as a volume' {
        $script:Restored = Get-OSVolumeBackup "$Prefix-full" -ErrorAction Stop | Restore-OSVolumeBackup -Name "$Prefix-restored" -Confirm:$false -ErrorAction Stop
        $Restored.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Volume'
        $Restored.Name | Should -Be "$Prefix-restored"
        $Restored.Status | Should -Be 'available'
        $Restored.SizeGB | Should -Be $Source.SizeGB
        $Restored.Id | Should -Not -Be $Source.Id
        (Invoke-OSApiRequest -Service block-storage -Path "/volumes/$($Restored.Id)" -ErrorAction Stop).volume.status | Should -Be 'available'
        (Get-OSVolumeBackup -Id $Full.Id -ErrorAction Stop).Status | Should -Be 'available' -Because 'the backup is let go of before the cmdlet returns'
    }

    It 'restores onto an existing volume, asking first (ConfirmImpact High)' {
        $attribute = (Get-Command Restore-OSVolumeBackup).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.ConfirmImpact | Should -Be 'High'
        $onto = Restore-OSVolumeBackup $Full -Volume "$Prefix-restored" -Confirm:$false -ErrorAction Stop
        $onto.Id | Should -Be $Restored.Id
        $onto.Status | Should -Be 'available'
    }

    It 'an incremental backup builds on the full one; both are listed for the volume' {
        $script:Incremental = New-OSVolumeBackup -Volume $Source.Id -Name "$Prefix-incr" -Incremental -Confirm:$false -ErrorAction Stop
        $Incremental.IsIncremental | Should -BeTrue
        $Incremental.Status | Should -Be 'available'
        (Get-OSVolumeBackup -Id $Full.Id -ErrorAction Stop).HasDependentBackups | Should -BeTrue

        $listed = @(Get-OSVolume -Id $Source.Id -ErrorAction Stop | Get-OSVolumeBackup -ErrorAction Stop)
        @($listed.Id | Sort-Object) | Should -Be @(@($Full.Id, $Incremental.Id) | Sort-Object)
        @(Get-OSVolumeBackup "$Prefix-i*" -ErrorAction Stop).Id | Should -Be @($Incremental.Id)
    }

    It 'refuses to delete a full backup that an incremental one builds on, with Cinder''s message' {
        Remove-OSVolumeBackup $Full -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Be "BadRequest,$($Cmdlets)RemoveOSVolumeBackupCommand"
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failed[0].Exception.Message | Should -Match 'Incremental backups exist'
        (Get-OSVolumeBackup -Id $Full.Id -ErrorAction Stop).Status | Should -Be 'available'
    }

    It 'removes the incremental backup, then the full one' {
        Remove-OSVolumeBackup "$Prefix-incr" -Confirm:$false -ErrorAction Stop
        $Full | Remove-OSVolumeBackup -Confirm:$false -ErrorAction Stop
        foreach ($id in $Incremental.Id, $Full.Id) {
            Get-OSVolumeBackup -Id $id -ErrorAction SilentlyContinue -ErrorVariable gone
            $gone[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }
    }

    It '-WhatIf creates no backup, and reports a volume that does not exist' {
        New-OSVolumeBackup $Source "$Prefix-whatif" -WhatIf -ErrorAction Stop
        @(Get-OSVolumeBackup "$Prefix-whatif*" -ErrorAction Stop) | Should -BeNullOrEmpty
        New-OSVolumeBackup "$Prefix-missing" -WhatIf -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].FullyQualifiedErrorId | Should -Be "NameNotFound,$($Cmdlets)NewOSVolumeBackupCommand"
    }

    It '-RunAsync returns a task whose result is the backup' {
        $task = New-OSVolumeBackup $Source "$Prefix-async" -RunAsync -Confirm:$false -ErrorAction Stop
        $task.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Task'
        $backup = $task | Wait-OSTask -ErrorAction Stop
        $backup.Name | Should -Be "$Prefix-async"
        $backup.Status | Should -Be 'available'
        Remove-OSVolumeBackup $backup -Confirm:$false -ErrorAction Stop
    }
}

Describe 'A backup of an attached volume' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $server = New-OSServer -Name "$Prefix-vm" -Image los-fake-image -Flavor m1.tiny -Network none -Confirm:$false -ErrorAction Stop
        $script:InUse = New-OSVolume -Name "$Prefix-inuse" -SizeGB 1 -Confirm:$false -ErrorAction Stop | Add-OSVolumeAttachment -VM $server -Confirm:$false -ErrorAction Stop
    }

    It 'is refused without -Force, with Cinder''s message' {
        $InUse.Status | Should -Be 'in-use'
        New-OSVolumeBackup $InUse "$Prefix-noforce" -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Be "BadRequest,$($Cmdlets)NewOSVolumeBackupCommand"
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failed[0].Exception.Message | Should -Match 'force'
        @(Get-OSVolumeBackup "$Prefix-noforce*" -ErrorAction Stop) | Should -BeNullOrEmpty
    }

    It 'is made with -Force' {
        $backup = New-OSVolumeBackup $InUse "$Prefix-forced" -Force -Confirm:$false -ErrorAction Stop
        $backup.Status | Should -Be 'available'
        $backup.VolumeId | Should -Be $InUse.Id
        Remove-OSVolumeBackup $backup -Confirm:$false -ErrorAction Stop
    }
}

Describe 'Set-OSVolume -Bootable and -ReadOnly' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $script:Flagged = New-OSVolume -Name "$Prefix-flags" -SizeGB 1 -Confirm:$false -ErrorAction Stop
    }

    It 'a new volume is neither bootable nor read-only' {
        $Flagged.Bootable | Should -BeFalse
        $Flagged.ReadOnly | Should -BeFalse
    }

    It 'sets both flags, and Cinder agrees' {
        $set = Set-OSVolume $Flagged -Bootable $true -ReadOnly $true -Confirm:$false -ErrorAction Stop
        $set.Bootable | Should -BeTrue
        $set.ReadOnly | Should -BeTrue
        $raw = (Invoke-OSApiRequest -Service block-storage -Path "/volumes/$($Flagged.Id)" -ErrorAction Stop).volume
        $raw.bootable | Should -Be 'true'
        $raw.metadata.readonly | Should -Be 'True'
    }

    It 'clears them again' {
        $set = Get-OSVolume -Id $Flagged.Id -ErrorAction Stop | Set-OSVolume -Bootable $false -ReadOnly $false -Confirm:$false -ErrorAction Stop
        $set.Bootable | Should -BeFalse
        $set.ReadOnly | Should -BeFalse
        (Invoke-OSApiRequest -Service block-storage -Path "/volumes/$($Flagged.Id)" -ErrorAction Stop).volume.bootable | Should -Be 'false'
    }
}
