# Glance interoperable import beside the direct upload: New-OSImage -Method GlanceDirect (stage, then import) and
# -Uri (web-download) from a python3 http.server on this host, a URL Glance filters out, a failed download with the
# import task's message, and -WhatIf. (A method the cloud does not offer: ImageImportTests.cs, the local cloud offers all.)

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
    # Glance refuses loopback URLs and, by default, ports other than 80 and 443 ([import_filtering_opts]): the file is
    # served on port 80 of this host's own non-loopback address, which needs the right to bind port 80.
    $script:ServeAddress = [System.Net.NetworkInformation.NetworkInterface]::GetAllNetworkInterfaces() |
        Where-Object { $_.OperationalStatus -eq 'Up' -and $_.NetworkInterfaceType -ne 'Loopback' } |
        ForEach-Object { $_.GetIPProperties().UnicastAddresses.Address } |
        Where-Object { $_.AddressFamily -eq 'InterNetwork' -and -not $_.ToString().StartsWith('169.254.') } |
        Select-Object -First 1
    $NoServer = if (-not $ServeAddress) { 'no non-loopback IPv4 address to serve the file on' }
    elseif (-not (Get-Command python3 -ErrorAction SilentlyContinue)) { 'no python3 for http.server' }
    else {
        try { $probe = [System.Net.Sockets.TcpListener]::new($ServeAddress, 80); $probe.Start(); $probe.Stop(); $null }
        catch { "port 80 of $ServeAddress cannot be bound: $($_.Exception.Message)" }
    }
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $PSStyle.OutputRendering = 'PlainText'
    $script:Prefix = New-OsoName 'oso-import'
    $script:Cmdlets = 'OpenStackOrchestrator.Cmdlets.Images.'
    # The address discovery found (discovery's variables do not reach the run).
    $script:ServeAddress = [System.Net.NetworkInformation.NetworkInterface]::GetAllNetworkInterfaces() |
        Where-Object { $_.OperationalStatus -eq 'Up' -and $_.NetworkInterfaceType -ne 'Loopback' } |
        ForEach-Object { $_.GetIPProperties().UnicastAddresses.Address } |
        Where-Object { $_.AddressFamily -eq 'InterNetwork' -and -not $_.ToString().StartsWith('169.254.') } |
        Select-Object -First 1
    $script:Folder = Join-Path ([IO.Path]::GetTempPath()) $Prefix
    $null = New-Item -ItemType Directory $Folder -Force
    $script:Bytes = [byte[]]::new(65536)
    [Random]::new(7).NextBytes($Bytes)
    $script:File = Join-Path $Folder 'disk.img'
    [IO.File]::WriteAllBytes($File, $Bytes)
    $script:Md5 = (Get-FileHash $File -Algorithm MD5).Hash.ToLowerInvariant()
    if (-not (Get-OsoCloudSkipReason)) {
        $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
        $script:Offered = @((Invoke-OSApiRequest -Service image -Path /v2/info/import -ErrorAction Stop).'import-methods'.value)
    }
}

AfterAll {
    if ($Server) { Stop-Process -Id $Server.Id -ErrorAction SilentlyContinue }
    if (Get-OSCloud -ErrorAction SilentlyContinue) {
        Get-OSImage -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSImage -Confirm:$false -ErrorAction SilentlyContinue
    }
    Remove-Item $Folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'New-OSImage -Method GlanceDirect' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'stages the file and imports it: the image is active with the file''s size and checksum' {
        $Offered | Should -Contain 'glance-direct' -Because 'the local cloud enables glance-direct (enabled_import_methods)'
        $image = New-OSImage "$Prefix-direct" $File -Method GlanceDirect -Confirm:$false -ErrorAction Stop
        $image.Status | Should -Be 'active'
        $image.SizeBytes | Should -Be $Bytes.Length
        $image.Checksum | Should -Be $Md5
        $tasks = @((Invoke-OSApiRequest -Service image -Path "/v2/images/$($image.Id)/tasks" -ErrorAction Stop).tasks)
        @($tasks | Where-Object type -EQ 'api_image_import' | ForEach-Object status) | Should -Be @('success') -Because 'the data came through the import task, not a direct upload'
    }

    It '-WhatIf creates no image' {
        New-OSImage "$Prefix-whatif" $File -Method GlanceDirect -WhatIf -ErrorAction Stop
        @(Get-OSImage "$Prefix-whatif*" -ErrorAction Stop) | Should -BeNullOrEmpty
    }
}

Describe 'New-OSImage -Uri (web-download)' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'a loopback URL is filtered out by Glance: a BadRequest error with its message, and no image is left' {
        $Offered | Should -Contain 'web-download'
        New-OSImage "$Prefix-loop" -Uri "http://127.0.0.1/disk.img" -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Be "BadRequest,$($Cmdlets)NewOSImageCommand"
        $failed[0].Exception.Message | Should -Match 'does not pass filtering'
        @(Get-OSImage "$Prefix-loop*" -ErrorAction Stop) | Should -BeNullOrEmpty -Because 'the image created for the import is deleted'
    }

    It 'a URL that is not http or https is refused before anything is sent' {
        New-OSImage "$Prefix-ftp" -Uri 'ftp://example.org/disk.img' -WhatIf -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].FullyQualifiedErrorId | Should -Be "InvalidImageUri,$($Cmdlets)NewOSImageCommand"
    }

    Context 'from a web server on this host' -Skip:([bool]$NoServer) {
        BeforeAll {
            $script:Server = Start-Process python3 -ArgumentList '-m', 'http.server', '80', '--bind', "$ServeAddress" -WorkingDirectory $Folder -PassThru `
                -RedirectStandardOutput (Join-Path $Folder 'http.out') -RedirectStandardError (Join-Path $Folder 'http.err')
            Wait-OsoCondition -TimeoutSec 20 -Because 'the http.server to answer' -Condition { try { (Invoke-WebRequest "http://$ServeAddress/disk.img" -UseBasicParsing).StatusCode -eq 200 } catch { $false } }
        }

        It 'Glance downloads the file: the image is active with its size and checksum' {
            $image = New-OSImage "$Prefix-web" -Uri "http://$ServeAddress/disk.img" -Confirm:$false -ErrorAction Stop
            $image.Status | Should -Be 'active'
            $image.DiskFormat | Should -Be 'raw'
            $image.SizeBytes | Should -Be $Bytes.Length
            $image.Checksum | Should -Be $Md5
        }

        It 'a download that fails is an ImageFailed error with the import task''s message, and no image is left' {
            New-OSImage "$Prefix-missing" -Uri "http://$ServeAddress/missing.img" -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed
            $failed | Should -HaveCount 1
            $failed[0].FullyQualifiedErrorId | Should -Be "ImageFailed,$($Cmdlets)NewOSImageCommand"
            $failed[0].CategoryInfo.Category | Should -Be 'InvalidResult'
            $failed[0].Exception.Message | Should -Match "The import of image '$Prefix-missing' \(.*\) failed: .+\. The image was deleted\."
            $failed[0].Exception.ServiceMessage | Should -Not -BeNullOrEmpty -Because 'the message is the import task''s'
            @(Get-OSImage "$Prefix-missing*" -ErrorAction Stop) | Should -BeNullOrEmpty
        }
    }
}
