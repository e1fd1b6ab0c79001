# Volume transfers between projects: a volume offered by demo (New-OSVolumeTransfer, the auth key shown once) and
# received in a throwaway project of the test's own (Receive-OSVolumeTransfer, piped or by id and key), a wrong key,
# a withdrawn transfer, and -WhatIf.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $PSStyle.OutputRendering = 'PlainText'
    $script:Prefix = New-OsoName 'oso-xfer'
    $script:Cmdlets = 'OpenStackOrchestrator.Cmdlets.BlockStorage.'
    if (-not (Get-OsoCloudSkipReason)) {
        $script:Demo = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
        $script:Admin = Connect-OSCloud -Cloud los-admin -NotDefault -ErrorAction Stop
        $script:Target = New-OsoProject -AdminCloud $Admin -Name "$Prefix-proj"
    }
}

AfterAll {
    if (Get-OSCloud -ErrorAction SilentlyContinue) {
        Get-OSVolumeTransfer -Cloud $Demo -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSVolumeTransfer -Confirm:$false -ErrorAction SilentlyContinue
        Get-OSVolume -Cloud $Demo -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSVolume -Force -Confirm:$false -ErrorAction SilentlyContinue
        if ($Target) {
            Get-OSVolume -Cloud $Target.Cloud -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSVolume -Force -Confirm:$false -ErrorAction SilentlyContinue
            Remove-OsoProject -AdminCloud $Admin -Project $Target
        }
    }
}

Describe 'Volume transfers' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $script:Volume = New-OSVolume -Name "$Prefix-a" -SizeGB 1 -Confirm:$false -ErrorAction Stop
    }

    It 'New- returns the transfer with its Id and AuthKey, and warns that the key is shown once' {
        $script:Transfer = New-OSVolumeTransfer $Volume "$Prefix-t" -Confirm:$false -ErrorAction Stop -WarningVariable warned -WarningAction SilentlyContinue
        $Transfer.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.VolumeTransfer'
        $Transfer.Id | Should -Not -BeNullOrEmpty
        $Transfer.AuthKey | Should -Not -BeNullOrEmpty
        $Transfer.VolumeId | Should -Be $Volume.Id
        $Transfer.Name | Should -Be "$Prefix-t"
        "$warned" | Should -Match 'AuthKey.*only now'
        (Invoke-OSApiRequest -Service block-storage -Path "/volumes/$($Volume.Id)" -ErrorAction Stop).volume.status | Should -Be 'awaiting-transfer'
    }

    It 'Get- finds it by name and through the volume, never with the AuthKey' {
        $read = Get-OSVolumeTransfer "$Prefix-t" -ErrorAction Stop
        $read.Id | Should -Be $Transfer.Id
        $read.AuthKey | Should -BeNullOrEmpty
        (Get-OSVolume -Id $Volume.Id -ErrorAction Stop | Get-OSVolumeTransfer -ErrorAction Stop).Id | Should -Be $Transfer.Id
        $raw = Invoke-OSApiRequest -Service block-storage -Path "/volume-transfers/$($Transfer.Id)" -Microversion 3.55 -ErrorAction Stop
        $raw.transfer.PSObject.Properties.Name | Should -Not -Contain 'auth_key'
    }

    It 'a wrong AuthKey is refused with Cinder''s message, and the volume stays' {
        Receive-OSVolumeTransfer -Id $Transfer.Id -AuthKey 'not-the-key' -Cloud $Target.Cloud -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Be "BadRequest,$($Cmdlets)ReceiveOSVolumeTransferCommand"
        $failed[0].Exception.Message | Should -Match 'auth key'
        (Get-OSVolume -Id $Volume.Id -Cloud $Demo -ErrorAction Stop).Status | Should -Be 'awaiting-transfer'
    }

    It 'an AuthKey of the wrong type is refused at binding, naming -AuthKey and not showing the value' {
        { Receive-OSVolumeTransfer -Id $Transfer.Id -AuthKey @{ key = 'value' } -Cloud $Target.Cloud -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*-AuthKey takes a string or a SecureString, not a Hashtable*'
    }

    It '-WhatIf accepts nothing' {
        $Transfer | Receive-OSVolumeTransfer -Cloud $Target.Cloud -WhatIf -ErrorAction Stop
        (Get-OSVolumeTransfer -Id $Transfer.Id -Cloud $Demo -ErrorAction Stop).Id | Should -Be $Transfer.Id
    }

    It 'Receive- takes the piped New- object and moves the volume into the other project' {
        $received = $Transfer | Receive-OSVolumeTransfer -Cloud $Target.Cloud -Confirm:$false -ErrorAction Stop
        $received.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Volume'
        $received.Id | Should -Be $Volume.Id
        $received.Name | Should -Be "$Prefix-a"
        $received.Status | Should -Be 'available'

        (Get-OSVolume "$Prefix-a" -Cloud $Target.Cloud -ErrorAction Stop).Id | Should -Be $Volume.Id
        $admin = (Invoke-OSApiRequest -Cloud $Admin -Service block-storage -Path "/volumes/$($Volume.Id)" -ErrorAction Stop).volume
        $admin.'os-vol-tenant-attr:tenant_id' | Should -Be $Target.Id
        Get-OSVolume -Id $Volume.Id -Cloud $Demo -ErrorAction SilentlyContinue -ErrorVariable gone
        $gone[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        @(Get-OSVolumeTransfer "$Prefix-t*" -Cloud $Demo -ErrorAction Stop) | Should -BeNullOrEmpty
    }

    It 'Receive- takes the Id and the AuthKey as a SecureString' {
        $volume = New-OSVolume -Name "$Prefix-b" -SizeGB 1 -Confirm:$false -ErrorAction Stop
        $transfer = New-OSVolumeTransfer $volume -Confirm:$false -ErrorAction Stop -WarningAction SilentlyContinue
        $key = ConvertTo-SecureString $transfer.AuthKey -AsPlainText -Force
        $received = Receive-OSVolumeTransfer $transfer.Id $key -Cloud $Target.Cloud -Confirm:$false -ErrorAction Stop
        $received.Id | Should -Be $volume.Id
    }

    It 'Remove- withdraws a transfer: the volume is available again in its project' {
        $volume = New-OSVolume -Name "$Prefix-c" -SizeGB 1 -Confirm:$false -ErrorAction Stop
        $transfer = $volume | New-OSVolumeTransfer -Name "$Prefix-c-t" -Confirm:$false -ErrorAction Stop -WarningAction SilentlyContinue
        Remove-OSVolumeTransfer "$Prefix-c-t" -Confirm:$false -ErrorAction Stop
        Get-OSVolumeTransfer -Id $transfer.Id -ErrorAction SilentlyContinue -ErrorVariable gone
        $gone[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        (Get-OSVolume -Id $volume.Id -ErrorAction Stop).Status | Should -Be 'available'
    }
}
