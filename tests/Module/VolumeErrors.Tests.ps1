# What goes wrong with volumes comes out as clear errors (id, category, Cinder's reason) and changes nothing it
# should not: shrinking, unknown types, declined removals, detaching what is not attached, unplaceable volumes.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $script:Prefix = New-OsoName 'oso-volerr'
    $script:Cmdlets = 'OpenStackOrchestrator.Cmdlets.BlockStorage.'
    if (-not (Get-OsoCloudSkipReason)) { $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop }
}

AfterAll {
    if (Get-OSCloud -ErrorAction SilentlyContinue) {
        Get-OSVolume -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSVolume -Force -Confirm:$false -ErrorAction SilentlyContinue
        Get-OSServer -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSServer -Confirm:$false -ErrorAction SilentlyContinue
    }
}

Describe 'Volume errors' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'extending to a smaller size is a BadRequest that says why, and leaves the size' {
        $name = "$Prefix-grow"
        $null = New-OSVolume $name -SizeGB 2 -ErrorAction Stop

        $null = Set-OSVolume $name -SizeGB 1 -ErrorVariable e -ErrorAction SilentlyContinue

        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be "BadRequest,$($Cmdlets)SetOSVolumeCommand"
        "$($e[0])" | Should -BeLike '*is 2 GB and cannot shrink to 1 GB*'
        (Get-OSVolume $name).SizeGB | Should -Be 2
    }

    It 'an unknown volume type is NameNotFound and creates nothing' {
        $name = "$Prefix-typo"
        $null = New-OSVolume $name -SizeGB 1 -VolumeType no-such-type -ErrorVariable e -ErrorAction SilentlyContinue

        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be "NameNotFound,$($Cmdlets)NewOSVolumeCommand"
        "$($e[0])" | Should -BeLike "*No volume type named 'no-such-type'*"
        Get-OSVolume -Name "$name*" -ErrorAction Stop | Should -BeNullOrEmpty
    }

    It 'detaching from a server the volume is not attached to is a BadRequest naming the server' {
        $server = "$Prefix-vm"
        $name = "$Prefix-loose"
        $null = New-OSServer -Name $server -Image los-fake-image -Flavor m1.tiny -Network none -ErrorAction Stop
        $null = New-OSVolume $name -SizeGB 1 -ErrorAction Stop

        $null = Remove-OSVolumeAttachment $name -VM $server -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue

        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be "BadRequest,$($Cmdlets)RemoveOSVolumeAttachmentCommand"
        "$($e[0])" | Should -BeLike "*is not attached to server $server*"
    }

    It 'a volume Cinder cannot place fails as VolumeFailed with Cinder''s reason, and is deleted' {
        $type = "$Prefix-nowhere"
        $admin = Connect-OSCloud -Cloud los-admin -NotDefault -ErrorAction Stop
        $body = @{ volume_type = @{ name = $type; 'os-volume-type-access:is_public' = $true; extra_specs = @{ volume_backend_name = 'oso-no-such-backend' } } }
        $typeId = (Invoke-OSApiRequest -Cloud $admin -Service block-storage -Path /types -Method POST -Body $body -Confirm:$false -ErrorAction Stop).volume_type.id
        try {
            $null = New-OSVolume "$Prefix-lost" -SizeGB 1 -VolumeType $type -ErrorVariable e -ErrorAction SilentlyContinue

            $e | Should -HaveCount 1
            $e[0].FullyQualifiedErrorId | Should -Be "VolumeFailed,$($Cmdlets)NewOSVolumeCommand"
            "$($e[0])" | Should -BeLike '*went to error: schedule allocate volume:Could not find any available weighted backend*'
            "$($e[0])" | Should -BeLike '*The failed volume was deleted.*'
            Get-OSVolume -Name "$Prefix-lost*" -ErrorAction Stop | Should -BeNullOrEmpty
        }
        finally {
            Invoke-OSApiRequest -Cloud $admin -Service block-storage -Path "/types/$typeId" -Method DELETE -Confirm:$false -ErrorAction Stop
        }
    }
}

Describe 'Declined removals' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $script:name = "$Prefix-keep"
        $null = New-OSVolume $name -SizeGB 1 -ErrorAction Stop
    }

    It 'Remove-OSVolume -WhatIf says what it would remove and leaves the volume' {
        $run = Invoke-OsoPwsh -Script "`$null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop; Get-OSVolume $name | Remove-OSVolume -WhatIf"
        $run.ExitCode | Should -Be 0
        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Where-Object { $_ -like 'What if:*' -and $_ -like "*$name*" } | Should -HaveCount 1
        (Get-OSVolume $name).Status | Should -Be 'available'
    }

    It 'answering No to Remove-OSVolume''s confirmation in a real pwsh leaves the volume' {
        $run = Invoke-OsoPwsh -Interactive -InputLines 'N' -Script "`$null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop; Remove-OSVolume $name"
        $run.ExitCode | Should -Be 0
        $run.Errors | Should -BeNullOrEmpty
        $run.Text | Should -Match 'Are you sure you want to perform this action\?'
        $run.Text | Should -Match ([regex]::Escape($name))
        (Get-OSVolume $name).Status | Should -Be 'available'
    }
}
