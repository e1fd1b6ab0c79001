# Export-OSVApp against the local cloud: a server booted from an image (with UEFI and controller hints), one attached
# volume and two NICs, written as an OVF folder and as an .ova, read back as vSphere's Import-VApp would read them.
# Nova's fake driver uploads no snapshot data: the test plays the hypervisor's part for the root disk (as
# Images.Tests does); Cinder's fake driver (tests/cloud up.sh shim) really converts the volume to VMDK with qemu-img.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $script:Prefix = New-OsoName 'oso-vapp'
    $script:Cmdlet = 'OpenStackOrchestrator.Cmdlets.VApp.ExportOSVAppCommand'
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) $Prefix
    $null = New-Item -ItemType Directory -Path $Work -Force

    function Invoke-DemoGlance([string] $Method, [string] $Path, [string] $ContentType, $Body) {
        if (-not $script:Glance) {
            $auth = @{ auth = @{
                    identity = @{ methods = @('password'); password = @{ user = @{ name = 'demo'; password = 'demopass'; domain = @{ name = 'Default' } } } }
                    scope    = @{ project = @{ name = 'demo'; domain = @{ name = 'Default' } } }
                } }
            $authUrl = [regex]::Match((Get-Content (Get-OsoCloudsYaml) -Raw), 'los-demo:\s+auth:\s+auth_url:\s*(\S+)').Groups[1].Value
            $response = Invoke-WebRequest -Method Post -Uri "$authUrl/auth/tokens" -ContentType 'application/json' -Body ($auth | ConvertTo-Json -Depth 10)
            $endpoint = (($response.Content | ConvertFrom-Json).token.catalog | Where-Object type -EQ image).endpoints | Where-Object interface -EQ public | Select-Object -First 1
            $script:Glance = @{ Token = [string]$response.Headers['X-Subject-Token']; Url = $endpoint.url.TrimEnd('/') }
        }
        Invoke-RestMethod -Method $Method -Uri "$($Glance.Url)$Path" -Headers @{ 'X-Auth-Token' = $Glance.Token } -ContentType $ContentType -Body $Body
    }

    # The export's temporary images: named after the server (Export-OSVApp's convention).
    function Get-TemporaryImage { @(Get-OSImage -ErrorAction Stop | Where-Object Name -Like "$Server-export-*") }

    # Runs Export-OSVApp -RunAsync and, while it waits, uploads the root disk's data into its queued snapshot image as a
    # real hypervisor driver would (raw, 1 MiB).
    function Invoke-Export([string] $Format, [string] $Destination) {
        $task = Export-OSVApp -VM $Server -Destination $Destination -Format $Format -RunAsync -ErrorAction Stop
        $snapshot = Wait-OsoCondition -TimeoutSec 30 -IntervalMs 200 -Because 'the queued snapshot image' {
            Get-TemporaryImage | Where-Object { $_.Name -like '*-disk1' -and $_.Status -eq 'queued' }
        }
        $patch = ConvertTo-Json -Compress @(@{ op = 'replace'; path = '/disk_format'; value = 'raw' }, @{ op = 'replace'; path = '/container_format'; value = 'bare' })
        $null = Invoke-DemoGlance PATCH "/v2/images/$($snapshot.Id)" 'application/openstack-images-v2.1-json-patch' $patch
        $null = Invoke-DemoGlance PUT "/v2/images/$($snapshot.Id)/file" 'application/octet-stream' ([byte[]]::new(1MB))
        $result = $task | Wait-OSTask -ErrorAction Stop
        [pscustomobject]@{ Task = $task; Result = $result }
    }

    function Read-Ovf([string] $Xml) {
        $doc = [xml]$Xml
        $ns = [System.Xml.XmlNamespaceManager]::new($doc.NameTable)
        $ns.AddNamespace('ovf', 'http://schemas.dmtf.org/ovf/envelope/1')
        $ns.AddNamespace('rasd', 'http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData')
        $ns.AddNamespace('vmw', 'http://www.vmware.com/schema/ovf')
        # each hardware item as a hashtable of its rasd values
        $items = foreach ($item in $doc.SelectNodes('//ovf:VirtualSystem/ovf:VirtualHardwareSection/ovf:Item', $ns)) {
            $fields = @{}
            foreach ($child in $item.ChildNodes) { if ($child.NamespaceURI -eq $ns.LookupNamespace('rasd')) { $fields[$child.LocalName] = $child.InnerText } }
            $fields
        }
        $cpu = $items | Where-Object { $_.ResourceType -eq '3' } | Select-Object -First 1
        $memory = $items | Where-Object { $_.ResourceType -eq '4' } | Select-Object -First 1
        $scsi = $items | Where-Object { $_.ResourceType -eq '6' } | Select-Object -First 1
        [pscustomobject]@{
            Name     = $doc.SelectSingleNode('//ovf:VirtualSystem/ovf:Name', $ns).InnerText
            Cpu      = [int]$cpu.VirtualQuantity
            MemoryMB = [int]$memory.VirtualQuantity
            Scsi     = $scsi.ResourceSubType
            DiskItems = @($items | Where-Object { $_.ResourceType -eq '17' })
            Nics     = @($items | Where-Object { $_.ResourceType -eq '10' } | ForEach-Object { [pscustomobject]@{ Network = $_.Connection; Mac = $_.Address } })
            Files    = @($doc.SelectNodes('//ovf:References/ovf:File', $ns) | ForEach-Object { [pscustomobject]@{ Href = $_.GetAttribute('href', $ns.LookupNamespace('ovf')); Size = [long]$_.GetAttribute('size', $ns.LookupNamespace('ovf')) } })
            Disks    = @($doc.SelectNodes('//ovf:DiskSection/ovf:Disk', $ns) | ForEach-Object {
                    $o = $ns.LookupNamespace('ovf')
                    [pscustomobject]@{ Capacity = [long]$_.GetAttribute('capacity', $o); Units = $_.GetAttribute('capacityAllocationUnits', $o); Format = $_.GetAttribute('format', $o) } })
            Networks = @($doc.SelectNodes('//ovf:NetworkSection/ovf:Network', $ns) | ForEach-Object { $_.GetAttribute('name', $ns.LookupNamespace('ovf')) })
            Firmware = ($doc.SelectNodes('//ovf:VirtualHardwareSection/vmw:Config', $ns) | Where-Object { $_.GetAttribute('key', $ns.LookupNamespace('vmw')) -eq 'firmware' }).GetAttribute('value', $ns.LookupNamespace('vmw'))
        }
    }

    function Get-Sha256([byte[]] $Bytes) {
        $sha = [System.Security.Cryptography.SHA256]::Create()
        try { -join ($sha.ComputeHash($Bytes) | ForEach-Object { $_.ToString('x2') }) } finally { $sha.Dispose() }
    }

    # The entries of a tar: name and bytes, in order (the test's own reader, independent of the module's).
    function Read-Tar([string] $Path) {
        $bytes = [IO.File]::ReadAllBytes($Path)
        $offset = 0
        while ($offset + 512 -le $bytes.Length -and $bytes[$offset] -ne 0) {
            $name = [Text.Encoding]::ASCII.GetString($bytes, $offset, 100).TrimEnd([char]0)
            $size = [Convert]::ToInt64([Text.Encoding]::ASCII.GetString($bytes, $offset + 124, 11), 8)
            $data = [byte[]]::new($size)
            [Array]::Copy($bytes, $offset + 512, $data, 0, $size)
            [pscustomobject]@{ Name = $name; Data = $data }
            $offset += 512 + [math]::Ceiling($size / 512) * 512
        }
    }

    if (-not (Get-OsoCloudSkipReason)) {
        $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
        $imageFile = Join-Path $Work 'base.img'
        [IO.File]::WriteAllBytes($imageFile, [byte[]]::new(4096))
        $script:BaseImage = New-OSImage -Name "$Prefix-base" -Path $imageFile -DiskFormat raw `
            -Property @{ hw_firmware_type = 'uefi'; vmware_adaptertype = 'lsiLogicsas'; os_distro = 'ubuntu' } -ErrorAction Stop
        $script:Networks = foreach ($n in 1, 2) {
            $net = New-OSNetwork "$Prefix-net$n" -ErrorAction Stop
            $null = $net | New-OSSubnet -Name "$Prefix-net$n-sub" -Cidr "10.$(140 + $n).0.0/24" -ErrorAction Stop
            $net
        }
        $script:Server = "$Prefix-vm"
        $script:ServerObject = New-OSServer -Name $Server -Image $BaseImage.Id -Flavor m1.small -Network $Networks[0].Id, $Networks[1].Id -ErrorAction Stop
        $script:Volume = New-OSVolume -Name "$Prefix-data" -SizeGB 2 -ErrorAction Stop | Add-OSVolumeAttachment -VM $Server -ErrorAction Stop
        $script:Flavor = Get-OSFlavor -Name m1.small -ErrorAction Stop
        $script:Ports = @(Get-OSPort -ErrorAction Stop | Where-Object DeviceId -EQ $ServerObject.Id)
    }
}

AfterAll {
    if (Get-OSCloud -ErrorAction SilentlyContinue) {
        Get-OSServer -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSServer -Confirm:$false -ErrorAction SilentlyContinue
        Get-OSVolume -ErrorAction SilentlyContinue | Where-Object Name -Like "$Prefix*" | Remove-OSVolume -Force -Confirm:$false -ErrorAction SilentlyContinue
        Get-OSImage -ErrorAction SilentlyContinue | Where-Object Name -Like "$Prefix*" | Remove-OSImage -Confirm:$false -ErrorAction SilentlyContinue
        foreach ($n in 1, 2) { Get-OSNetwork -Name "$Prefix-net$n" -ErrorAction SilentlyContinue | Remove-OSNetwork -Confirm:$false -ErrorAction SilentlyContinue }
    }
    if (-not $env:OSO_KEEP_VAPP) { Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue }
}

Describe 'Export-OSVApp as an OVF folder' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $script:run = Invoke-Export Ovf (Join-Path $Work 'ovf')
        $script:folder = Join-Path $Work "ovf/$Server"
        $script:ovf = Read-Ovf (Get-Content -Raw (Join-Path $folder "$Server.ovf"))
    }

    It 'returns the .ovf inside a folder named after the server, beside the .mf and one file per disk' {
        $run.Task.State | Should -Be 'Success'
        $run.Result.FullName | Should -Be (Join-Path $folder "$Server.ovf")
        @(Get-ChildItem $folder | Sort-Object Name | ForEach-Object Name) | Should -Be @("$Server-disk1.img", "$Server-disk2.vmdk", "$Server.mf", "$Server.ovf")
        @(Get-ChildItem (Join-Path $Work 'ovf')).Name | Should -Be @($Server)
    }

    It 'describes the server: name, CPU and memory of its flavor, UEFI firmware and the image''s controller' {
        $ovf.Name | Should -Be $Server
        $ovf.Cpu | Should -Be $Flavor.VCpus
        $ovf.MemoryMB | Should -Be $Flavor.MemoryMB
        $ovf.Firmware | Should -Be 'efi'
        $ovf.Scsi | Should -Be 'lsilogicsas'
    }

    It 'has one disk per file with its size and capacity: the snapshot first, then the 2 GB volume as a VMDK' {
        $ovf.Files.Href | Should -Be @("$Server-disk1.img", "$Server-disk2.vmdk")
        foreach ($f in $ovf.Files) { $f.Size | Should -Be (Get-Item (Join-Path $folder $f.Href)).Length }
        $ovf.Disks | Should -HaveCount 2
        $ovf.DiskItems | Should -HaveCount 2
        $ovf.Disks[1].Capacity | Should -Be 2
        $ovf.Disks[1].Units | Should -Be 'byte * 2^30'
        $ovf.Disks[1].Format | Should -BeLike 'http://www.vmware.com/interfaces/specifications/vmdk.html#*'
        [Text.Encoding]::ASCII.GetString([IO.File]::ReadAllBytes((Join-Path $folder "$Server-disk2.vmdk")), 0, 4) | Should -Be 'KDMV'
    }

    It 'has one NIC per port, on the port''s network, with the port''s MAC' {
        $expected = $Ports | ForEach-Object { [pscustomobject]@{ Network = ($Networks | Where-Object Id -EQ $_.NetworkId).Name; Mac = $_.MacAddress } } | Sort-Object Mac
        $ovf.Nics | Sort-Object Mac | ForEach-Object { "$($_.Network)=$($_.Mac)" } | Should -Be @($expected | ForEach-Object { "$($_.Network)=$($_.Mac)" })
        $ovf.Networks | Sort-Object | Should -Be @("$Prefix-net1", "$Prefix-net2")
    }

    It 'keeps the server''s interface order: the NICs are on the networks in the order the server was given them' {
        $ovf.Nics.Network | Should -Be @("$Prefix-net1", "$Prefix-net2")
    }

    It 'lists every file in the .mf with its SHA-256' {
        $lines = @(Get-Content (Join-Path $folder "$Server.mf"))
        $lines | Should -HaveCount 3
        foreach ($line in $lines) {
            $line -match '^SHA256\((?<file>.+)\)= (?<digest>[0-9a-f]{64})$' | Should -BeTrue
            Get-Sha256 ([IO.File]::ReadAllBytes((Join-Path $folder $Matches.file))) | Should -Be $Matches.digest
        }
    }

    It 'warns that the root disk is not VMDK, naming it and its format' {
        $run.Result.ExportWarnings | Where-Object { $_ -like '*Not VMDK: disk 1 *root disk*is raw*' } | Should -HaveCount 1
    }

    It 'leaves no temporary image in Glance and no clone volume' {
        Get-TemporaryImage | Should -BeNullOrEmpty
        @(Get-OSVolume -ErrorAction Stop | Where-Object Name -Like "$Server-export-*") | Should -BeNullOrEmpty
        (Get-OSVolume -Name "$Prefix-data" -ErrorAction Stop).Status | Should -Be 'in-use'
    }
}

Describe 'Export-OSVApp -Format Ova' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $script:run = Invoke-Export Ova (Join-Path $Work 'ova')
        $script:ova = Join-Path $Work "ova/$Server.ova"
        $script:entries = @(Read-Tar $ova)
    }

    It 'writes only the .ova: a tar of the .ovf first, then the .mf, then the disks' {
        $run.Result.FullName | Should -Be $ova
        @(Get-ChildItem (Join-Path $Work 'ova')).Name | Should -Be @("$Server.ova")
        $entries.Name | Should -Be @("$Server.ovf", "$Server.mf", "$Server-disk1.img", "$Server-disk2.vmdk")
    }

    It 'has digests in the .mf that match the entries, and a descriptor that matches the disks' {
        $manifest = [Text.Encoding]::UTF8.GetString($entries[1].Data) -split "`n" | Where-Object { $_ }
        $manifest | Should -HaveCount 3
        foreach ($line in $manifest) {
            $line -match '^SHA256\((?<file>.+)\)= (?<digest>[0-9a-f]{64})$' | Should -BeTrue
            $entry = $entries | Where-Object Name -EQ $Matches.file
            Get-Sha256 $entry.Data | Should -Be $Matches.digest
        }
        $ovf = Read-Ovf ([Text.Encoding]::UTF8.GetString($entries[0].Data))
        $ovf.Cpu | Should -Be $Flavor.VCpus
        $ovf.Files | ForEach-Object { $_.Size | Should -Be ($entries | Where-Object Name -EQ $_.Href).Data.Length }
        @($ovf.Nics.Mac | Sort-Object) | Should -Be @($Ports.MacAddress | Sort-Object)
    }

    It 'leaves no temporary image in Glance' {
        Get-TemporaryImage | Should -BeNullOrEmpty
    }

    It 'is what Import-OSVApp reads: the package verifies and describes the server' {
        $package = [OpenStackOrchestrator.Client.VApp.OvfPackage]::Open($ova)
        $package.Verify($null, [Threading.CancellationToken]::None)
        $package.Descriptor.NumCpu | Should -Be $Flavor.VCpus
        $package.Descriptor.MemoryMB | Should -Be $Flavor.MemoryMB
        $package.Descriptor.Firmware | Should -Be 'Efi'
        $package.Descriptor.GuestOsId | Should -Be 'ubuntu64Guest'
        $package.Descriptor.Disks.CapacityGB | Should -Be @(1, 2)
        @($package.Descriptor.Nics.MacAddress | Sort-Object) | Should -Be @($Ports.MacAddress | Sort-Object)
    }
}

Describe 'Export-OSVApp of a server booted from a volume' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $script:bfv = New-OSServer -Name "$Prefix-bfv" -Image $BaseImage.Id -Flavor m1.tiny -BootVolumeSizeGB 1 -Network none -ErrorAction Stop
        $script:bootVolume = @(Get-OSVolume -VM $bfv.Id -ErrorAction Stop)
        $destination = Join-Path $Work 'bfv'
        $script:file = Export-OSVApp -VM $bfv -Destination $destination -ErrorAction Stop -WarningVariable script:warnings
        $script:ovf = Read-Ovf (Get-Content -Raw $file.FullName)
    }

    It 'uploads the boot volume (no Nova snapshot) as the one disk, a VMDK of the volume''s size, with the image''s firmware' {
        $bootVolume | Should -HaveCount 1
        $ovf.Files.Href | Should -Be @("$Prefix-bfv-disk1.vmdk")
        $ovf.Disks[0].Capacity | Should -Be 1
        $ovf.Disks[0].Units | Should -Be 'byte * 2^30'
        $ovf.Firmware | Should -Be 'efi'
        $ovf.Nics | Should -BeNullOrEmpty
        @(Get-OSImage -ErrorAction Stop | Where-Object Name -Like "$Prefix-bfv-export-*") | Should -BeNullOrEmpty
        @(Get-OSVolume -ErrorAction Stop | Where-Object Name -Like "$Prefix-bfv-export-*") | Should -BeNullOrEmpty
    }

    It 'warns without -RunAsync that the VMDK Cinder wrote is not streamOptimized' {
        $warnings | Where-Object { $_ -like '*Not streamOptimized: disk 1 (volume*monolithicSparse VMDK*' } | Should -HaveCount 1
    }
}

Describe 'Export-OSVApp errors' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'a server that does not exist is a NameNotFound error, and nothing is written' {
        $target = Join-Path $Work 'none'
        $null = Export-OSVApp -VM "$Prefix-missing" -Destination $target -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be "NameNotFound,$Cmdlet"
        $e[0].Exception.Message | Should -BeLike "*$Prefix-missing*"
        Test-Path (Join-Path $target "$Prefix-missing") | Should -BeFalse
    }

    It 'a destination that cannot be written is a DestinationNotWritable error before any snapshot is made' {
        $file = Join-Path $Work 'a-file'
        Set-Content -Path $file -Value 'x'
        $null = Export-OSVApp -VM $Server -Destination (Join-Path $file 'sub') -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be "DestinationNotWritable,$Cmdlet"
        $e[0].CategoryInfo.Category | Should -Be 'WriteError'
        $e[0].Exception.Message | Should -BeLike "*$file*"
        Get-TemporaryImage | Should -BeNullOrEmpty
    }

    It '-WhatIf says what it would snapshot and write, and makes nothing' {
        $target = Join-Path $Work 'whatif'
        $run = Invoke-OsoPwsh -Script "`$null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop; Export-OSVApp -VM '$Server' -Destination '$target' -Format Ova -WhatIf"
        $run.ExitCode | Should -Be 0
        $run.Errors | Should -BeNullOrEmpty
        $run.Text -replace '\s+', ' ' | Should -BeLike "*What if:*snapshot the root disk*upload volume '$Prefix-data'*$Server.ova*"
        Get-TemporaryImage | Should -BeNullOrEmpty
        Test-Path $target | Should -BeFalse
    }

    It 'a stopped export (Stop-OSTask, as Ctrl+C) deletes the temporary images it made and writes nothing' {
        $target = Join-Path $Work 'stopped'
        $task = Export-OSVApp -VM $Server -Destination $target -RunAsync -ErrorAction Stop
        $null = Wait-OsoCondition -TimeoutSec 30 -IntervalMs 200 -Because 'a temporary image' { Get-TemporaryImage }
        $null = $task | Stop-OSTask -Confirm:$false -ErrorAction Stop
        $task.State | Should -Be 'Cancelled'
        Get-TemporaryImage | Should -BeNullOrEmpty
        @(Get-ChildItem $target -ErrorAction SilentlyContinue) | Should -BeNullOrEmpty
    }
}
