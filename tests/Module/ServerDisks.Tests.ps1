# New-OSServer from what already exists: an existing boot volume, existing and new data volumes, pre-made ports
# (kept MAC and fixed IP), a config drive. What cannot be taken (a volume that is not bootable or in use, a port in
# use) is refused before anything is made, under -WhatIf too.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $script:demo = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
    $script:prefix = New-OsoName 'oso-disks'
    $script:net = New-OSNetwork "$prefix-net" -Confirm:$false -ErrorAction Stop
    $null = New-OSSubnet "$prefix-sub" -Network $net -Cidr 10.77.0.0/24 -Confirm:$false -ErrorAction Stop
    function New-TestVolume([string] $Suffix, [switch] $FromImage) {
        $extra = if ($FromImage) { @{ Image = 'los-fake-image' } } else { @{} }
        New-OSVolume -Name "$prefix-$Suffix" -SizeGB 1 @extra -Confirm:$false -ErrorAction Stop
    }
    function Get-TestVolumes { @(Get-OSVolume -ErrorAction Stop | Where-Object Name -like "$prefix*") }
}

AfterAll {
    Get-OSServer -Name "$prefix*" -ErrorAction SilentlyContinue | Remove-OSServer -Confirm:$false -ErrorAction SilentlyContinue
    Get-OSPort -Name "$prefix*" -ErrorAction SilentlyContinue | Remove-OSPort -Confirm:$false -ErrorAction SilentlyContinue
    $volumes = @(Get-OSVolume -ErrorAction SilentlyContinue | Where-Object Name -like "$prefix*")
    foreach ($v in $volumes) {
        $null = Wait-OsoCondition -TimeoutSec 60 -Because "$($v.Name) detached" { (Get-OSVolume -Id $v.Id -ErrorAction SilentlyContinue).Status -ne 'in-use' }
        Remove-OSVolume $v.Id -Confirm:$false -ErrorAction SilentlyContinue
    }
    if ($net) { $net | Remove-OSNetwork -Confirm:$false -ErrorAction SilentlyContinue }
}

Describe 'New-OSServer from existing disks and ports' -Tag Cloud -Skip:([bool]$NoCloud) {
    It '-BootVolume boots from an existing volume that outlives the server' {
        $boot = New-TestVolume 'boot' -FromImage
        $boot.Bootable | Should -BeTrue

        $server = New-OSServer "$prefix-bv" -BootVolume $boot -Flavor m1.tiny -Network $net -Confirm:$false -ErrorAction Stop

        $server.Status | Should -Be 'ACTIVE'
        $server.ImageId | Should -BeNullOrEmpty
        $server.VolumeIds | Should -Be @($boot.Id)
        $server | Remove-OSServer -Confirm:$false -ErrorAction Stop
        $kept = Wait-OsoCondition -TimeoutSec 60 -Because 'the boot volume is released' { $v = Get-OSVolume -Id $boot.Id -ErrorAction Stop; if ($v.Status -eq 'available') { $v } }
        $kept.Id | Should -Be $boot.Id
    }

    It '-DataVolume attaches existing volumes and -VolumeSizeGB makes new ones, kept unless -DeleteOnTermination' {
        $data = New-TestVolume 'data'

        $server = New-OSServer "$prefix-dv" -Image los-fake-image -Flavor m1.tiny -Network none -DataVolume $data -VolumeSizeGB 1, 2 -Confirm:$false -ErrorAction Stop

        $server.VolumeIds | Should -HaveCount 3
        $server.VolumeIds[0] | Should -Be $data.Id
        $made = @($server.VolumeIds | Select-Object -Skip 1 | ForEach-Object { Get-OSVolume -Id $_ -ErrorAction Stop })
        @($made.SizeGB | Sort-Object) | Should -Be @(1, 2)
        @($server.AttachedVolumes.DeleteOnTermination) | Should -Be @($false, $false, $false)
        $server | Remove-OSServer -Confirm:$false -ErrorAction Stop
        foreach ($id in @($data.Id) + $made.Id) {
            $null = Wait-OsoCondition -TimeoutSec 60 -Because "volume $id is kept, detached" { (Get-OSVolume -Id $id -ErrorAction Stop).Status -eq 'available' }
        }
        $made | Remove-OSVolume -Confirm:$false -ErrorAction Stop

        $gone = New-OSServer "$prefix-dot" -Image los-fake-image -Flavor m1.tiny -Network none -VolumeSizeGB 1 -DeleteOnTermination -Confirm:$false -ErrorAction Stop
        $newId = $gone.VolumeIds[0]
        $gone.AttachedVolumes[0].DeleteOnTermination | Should -BeTrue
        $gone | Remove-OSServer -Confirm:$false -ErrorAction Stop
        $null = Wait-OsoCondition -TimeoutSec 90 -Because 'the new volume is deleted with the server' { -not (Get-OSVolume -Id $newId -ErrorAction SilentlyContinue) }
    }

    It '-Port attaches pre-made ports in order, keeping their MAC and fixed IP; -ConfigDrive gives a config drive' {
        $mac = '02:{0}' -f ((1..5 | ForEach-Object { '{0:x2}' -f (Get-Random -Maximum 256) }) -join ':')
        $first = New-OSPort "$prefix-p1" -Network $net -MacAddress $mac -Confirm:$false -ErrorAction Stop
        $second = New-OSPort "$prefix-p2" -Network $net -Confirm:$false -ErrorAction Stop

        $server = New-OSServer "$prefix-ports" -Image los-fake-image -Flavor m1.tiny -Port $first, $second -ConfigDrive -Confirm:$false -ErrorAction Stop

        $server.ConfigDrive | Should -BeTrue
        $nics = @($server | Get-OSPort -ErrorAction Stop)
        @($nics.Id | Sort-Object) | Should -Be @(@($first.Id, $second.Id) | Sort-Object)
        ($nics | Where-Object Id -eq $first.Id).MacAddress | Should -Be $mac
        ($nics | Where-Object Id -eq $first.Id).FixedIPs[0].IPAddress | Should -Be $first.FixedIPs[0].IPAddress
        @($server.IPAddress) | Should -Be @($first.FixedIPs[0].IPAddress, $second.FixedIPs[0].IPAddress) -Because 'the ports come in the order given'
    }

    It 'what cannot be taken is refused before anything is made, and -WhatIf says the same' {
        $plain = New-TestVolume 'plain'
        $used = Get-OSPort "$prefix-p1" -ErrorAction Stop
        $cases = @(
            @{ Args = @{ BootVolume = $plain; Flavor = 'm1.tiny'; Network = 'none' }; Id = 'BadRequest*'; Category = 'InvalidArgument'; Text = 'not bootable' }
            @{ Args = @{ Image = 'los-fake-image'; Flavor = 'm1.tiny'; Port = $used }; Id = 'Conflict*'; Category = 'ResourceBusy'; Text = 'in use by' }
            @{ Args = @{ Image = 'los-fake-image'; Flavor = 'm1.tiny'; Network = 'none'; DataVolume = $plain; Count = 2 }; Id = 'BadRequest*'; Category = 'InvalidArgument'; Text = 'Count' }
            @{ Args = @{ Image = 'los-fake-image'; Flavor = 'm1.tiny'; Network = 'none'; DataVolume = $plain, $plain }; Id = 'BadRequest*'; Category = 'InvalidArgument'; Text = 'given twice' }
        )
        foreach ($case in $cases) {
            $a = $case.Args
            foreach ($whatIf in $false, $true) {
                $err = $null
                $null = New-OSServer "$prefix-refused" @a -WhatIf:$whatIf -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
                $err | Should -HaveCount 1 -Because "$($case.Text) (WhatIf: $whatIf)"
                $err[0].FullyQualifiedErrorId | Should -BeLike $case.Id
                "$($err[0].CategoryInfo.Category)" | Should -Be $case.Category
                "$($err[0])" | Should -Match $case.Text
            }
        }
        @(Get-OSServer -Name "$prefix-refused*" -ErrorAction Stop) | Should -HaveCount 0
        (Get-OSVolume -Id $plain.Id -ErrorAction Stop).Status | Should -Be 'available'
    }
}
