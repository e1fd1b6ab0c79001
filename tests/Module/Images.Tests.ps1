# Images uploaded, downloaded, changed, snapshotted and removed through the cmdlets against the local Glance (file
# store) and Nova (fake driver), and what goes wrong with them: missing files, ambiguous names, existing files.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $script:Prefix = New-OsoName 'oso-img'
    $script:Cmdlets = 'OpenStackOrchestrator.Cmdlets.Images.'
    $script:Folder = (New-Item -ItemType Directory -Path (Join-Path $TestDrive 'images')).FullName
    if (-not (Get-OsoCloudSkipReason)) { $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop }

    function New-RandomFile([string] $Name, [int] $Size) {
        $bytes = [byte[]]::new($Size)
        [System.Random]::Shared.NextBytes($bytes)
        $path = Join-Path $Folder $Name
        [System.IO.File]::WriteAllBytes($path, $bytes)
        $path
    }

    function New-TestImage([string] $Name, [int] $Size = 4096) {
        New-OSImage -Name $Name -Path (New-RandomFile "$Name-$([guid]::NewGuid().ToString('N')).raw" $Size) -ErrorAction Stop
    }

    function Get-ImageId([string] $Name) {
        @(Get-OSImage -Name $Name -ErrorAction SilentlyContinue | ForEach-Object Id)
    }

    <# Glance as the demo project sees it, straight over REST: the test plays the part a real Nova driver plays. #>
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
}

AfterAll {
    if (Get-OSCloud -ErrorAction SilentlyContinue) {
        Get-OSImage -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSImage -Confirm:$false -ErrorAction SilentlyContinue
        Get-OSServer -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSServer -Confirm:$false -ErrorAction SilentlyContinue
    }
}

Describe 'Uploading and downloading images' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'an 8 MiB file uploaded with New-OSImage is active with its size and hashes, and comes back byte-identical with Save-OSImage' {
        $name = "$Prefix-roundtrip"
        $source = New-RandomFile 'disk.qcow2.raw' (8MB)

        $image = New-OSImage -Name $name -Path $source -DiskFormat raw -ErrorAction Stop

        $image | Should -HaveCount 1
        $image.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Image'
        $image.Status | Should -Be 'active'
        $image.SizeBytes | Should -Be (8MB)
        $image.Checksum | Should -Be (Get-FileHash $source -Algorithm MD5).Hash.ToLowerInvariant()
        $image.HashValue | Should -Be (Get-FileHash $source -Algorithm SHA512).Hash.ToLowerInvariant()

        $target = Join-Path $Folder 'downloaded.raw'
        $file = Get-OSImage -Name $name | Save-OSImage -Path $target -ErrorAction Stop
        $file | Should -BeOfType [System.IO.FileInfo]
        $file.FullName | Should -Be $target
        (Get-Item $target).Length | Should -Be (8MB)
        (Get-FileHash $target -Algorithm SHA256).Hash | Should -Be (Get-FileHash $source -Algorithm SHA256).Hash
        Get-ChildItem $Folder -Filter '*.partial' | Should -BeNullOrEmpty
    }

    It 'Save-OSImage into a folder names the file after the image and its disk format' {
        $name = "$Prefix-named"
        $null = New-TestImage $name
        $into = (New-Item -ItemType Directory -Path (Join-Path $Folder 'into')).FullName

        Save-OSImage -Image $name -Path $into -ErrorAction Stop

        (Get-ChildItem $into).FullName | Should -Be @(Join-Path $into "$name.img")
    }

    It 'Save-OSImage does not overwrite an existing file without -Force (FileExists), and does with it' {
        $name = "$Prefix-keep"
        $null = New-TestImage $name -Size 2048
        $target = Join-Path $Folder 'existing.img'
        Set-Content -Path $target -Value 'precious' -NoNewline

        $null = Save-OSImage -Image $name -Path $target -ErrorVariable e -ErrorAction SilentlyContinue

        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be "FileExists,$($Cmdlets)SaveOSImageCommand"
        $e[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        Get-Content $target -Raw | Should -Be 'precious'

        $null = Save-OSImage -Image $name -Path $target -Force -ErrorAction Stop
        (Get-Item $target).Length | Should -Be 2048
    }

    It 'a missing file is a PathNotFound error and creates no image' {
        $name = "$Prefix-missing"

        $null = New-OSImage -Name $name -Path (Join-Path $Folder 'no-such-disk.qcow2') -ErrorVariable e -ErrorAction SilentlyContinue

        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be "PathNotFound,$($Cmdlets)NewOSImageCommand"
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-ImageId $name | Should -BeNullOrEmpty
    }
}

Describe 'Changing images' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'Set-OSImage changes name, tags and properties, and Get-OSImage -Tag finds the image' {
        $name = "$Prefix-set"
        $tag = "$Prefix-tag"
        $null = New-OSImage -Name $name -Path (New-RandomFile 'set.raw' 1024) -Tag old, kept -Property @{ stale = 'x'; kept_property = 'y' } -ErrorAction Stop

        $updated = Set-OSImage -Image $name -Name "$name-renamed" -AddTag $tag -RemoveTag old -Property @{ os_distro = 'cirros' } -RemoveProperty stale -ErrorAction Stop

        $updated | Should -HaveCount 1
        $updated.Name | Should -Be "$name-renamed"
        $updated.Tags | Sort-Object | Should -Be @('kept', $tag)
        $properties = (Get-OSImage -Name "$name-renamed" -ErrorAction Stop).Properties
        $properties['os_distro'] | Should -Be 'cirros'
        $properties['kept_property'] | Should -Be 'y'
        $properties.ContainsKey('stale') | Should -BeFalse
        @(Get-OSImage -Tag $tag -ErrorAction Stop).Name | Should -Be @("$name-renamed")
        @(Get-OSImage -Tag $tag, kept -ErrorAction Stop).Name | Should -Be @("$name-renamed")
        Get-OSImage -Tag $tag, old -ErrorAction Stop | Should -BeNullOrEmpty
        $selected = @(Get-OSImage "$name-renamed" -Property Name, Tags -ErrorAction Stop)
        $selected | Should -HaveCount 1
        $selected[0].Tags | Sort-Object | Should -Be @('kept', $tag)
        $selected[0].PSObject.Properties.Name | Where-Object { $_ -in 'Status', 'SizeBytes', 'Properties' } | Should -BeNullOrEmpty
        (Get-OSImage -Id $updated.Id -Property Status -ErrorAction Stop).Status | Should -Be 'active'
    }

    It 'an ambiguous name is an AmbiguousName error listing both ids, for Save- and Remove-OSImage, which change nothing' {
        $name = "$Prefix-twin"
        $first = (New-TestImage $name).Id
        $second = (New-TestImage $name).Id
        $saved = (New-Item -ItemType Directory -Path (Join-Path $Folder 'twins')).FullName

        $null = Save-OSImage -Image $name -Path $saved -ErrorVariable saveErrors -ErrorAction SilentlyContinue
        Remove-OSImage -Image $name -Confirm:$false -ErrorVariable removeErrors -ErrorAction SilentlyContinue

        $saveErrors | Should -HaveCount 1
        $saveErrors[0].FullyQualifiedErrorId | Should -Be "AmbiguousName,$($Cmdlets)SaveOSImageCommand"
        $saveErrors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $saveErrors[0].Exception.Message | Should -BeLike "*$first*"
        $saveErrors[0].Exception.Message | Should -BeLike "*$second*"
        $removeErrors | Should -HaveCount 1
        $removeErrors[0].FullyQualifiedErrorId | Should -Be "AmbiguousName,$($Cmdlets)RemoveOSImageCommand"
        Get-ImageId $name | Sort-Object | Should -Be @($first, $second | Sort-Object)
        Get-ChildItem $saved | Should -BeNullOrEmpty
    }

    It 'Remove-OSImage -WhatIf names the image it would remove and leaves it; -Confirm:$false removes it' {
        $name = "$Prefix-rm"
        $id = (New-TestImage $name).Id

        $run = Invoke-OsoPwsh -Script "`$null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop; Get-OSImage -Name $name | Remove-OSImage -WhatIf"

        $run.ExitCode | Should -Be 0
        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Where-Object { $_ -like 'What if:*' -and $_ -like "*$name ($id)*" } | Should -HaveCount 1
        Get-ImageId $name | Should -Be @($id)

        Remove-OSImage -Image $id -Confirm:$false -ErrorAction Stop
        Get-ImageId $name | Should -BeNullOrEmpty
    }
}

Describe 'Server snapshots' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        # One server for both snapshots: the demo project's instance quota is shared with every other test run.
        $script:server = "$Prefix-srv"
        $script:serverId = (New-OSServer -Name $server -Image los-fake-image -Flavor m1.tiny -Network none -ErrorAction Stop).Id
    }

    AfterAll {
        Get-OSServer -Name $server -ErrorAction SilentlyContinue | Remove-OSServer -Confirm:$false -ErrorAction SilentlyContinue
    }

    It 'New-OSImage -VM snapshots a server into an active image with the server''s id and the given properties' {
        $snapshot = "$Prefix-snap"

        # Nova here runs the fake virt driver, whose snapshot uploads nothing. The test plays the part a real driver
        # plays while New-OSImage waits: it sets the formats and uploads the disk into the queued image.
        $task = New-OSImage -VM $server -Name $snapshot -Property @{ purpose = 'template' } -RunAsync -ErrorAction Stop
        $queued = Wait-OsoCondition -TimeoutSec 30 -IntervalMs 200 -Because 'the queued snapshot image' { Get-OSImage -Name $snapshot -ErrorAction SilentlyContinue }
        $patch = ConvertTo-Json -Compress @(@{ op = 'replace'; path = '/disk_format'; value = 'raw' }, @{ op = 'replace'; path = '/container_format'; value = 'bare' })
        $null = Invoke-DemoGlance PATCH "/v2/images/$($queued.Id)" 'application/openstack-images-v2.1-json-patch' $patch
        $null = Invoke-DemoGlance PUT "/v2/images/$($queued.Id)/file" 'application/octet-stream' ([byte[]]::new(1MB))
        $image = $task | Wait-OSTask -ErrorAction Stop

        $image | Should -HaveCount 1
        $image.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Image'
        $image.Name | Should -Be $snapshot
        $image.Status | Should -Be 'active'
        $image.Properties['instance_uuid'] | Should -Be $serverId
        $image.Properties['purpose'] | Should -Be 'template'
    }

    It 'a snapshot that never gets data fails as ImageFailed and leaves no image' {
        $snapshot = "$Prefix-empty"

        $null = New-OSImage -VM $server -Name $snapshot -ErrorVariable e -ErrorAction SilentlyContinue

        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be "ImageFailed,OpenStackOrchestrator.Cmdlets.Images.NewOSImageCommand"
        $e[0].Exception.Message | Should -BeLike '*received no data*'
        Get-ImageId $snapshot | Should -BeNullOrEmpty
    }
}
