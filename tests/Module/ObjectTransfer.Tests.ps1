# Send-OSObject and Receive-OSObject against the local Swift: byte-identical round trips of a plain object, of a
# static large object and of a folder, the refusal to overwrite a file, and -RunAsync.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-Module "$PSScriptRoot/TestSupport/OsoStorage.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $script:Storage = Initialize-OsoStorage 'oso-swx'
    $script:Folder = $Storage.Folder

    function Get-SegmentCount([string] $Container) { @(Get-OSObject -Container "${Container}_segments" -ErrorAction Stop).Count }
}

AfterAll {
    Clear-OsoStorage
}

Describe 'Object transfers' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        Connect-OSCloud -Cloud los-demo -ErrorAction Stop | Out-Null
    }

    It 'a 64 MiB file goes up and comes back byte-identical, with a progress bar' {
        $container = New-OsoContainer 'plain'
        $source = New-OsoRandomFile 'big.bin' (64MB)

        # In a runspace of its own, to see the progress records.
        $run = Invoke-OsoRunspace -Variables @{ Source = $source; Container = $container } -Script {
            Send-OSObject -Path $Source -Container $Container
        }

        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Should -HaveCount 1
        $uploaded = $run.Output[0]
        $uploaded.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.StorageObject'
        $uploaded.Name | Should -Be 'big.bin'
        $uploaded.SizeBytes | Should -Be (64MB)
        $uploaded.Hash | Should -Be (Get-OsoMd5 $source)
        $uploaded.IsLargeObject | Should -BeFalse
        $run.Progress.Where({ $_.Activity -eq 'Uploading objects' -and $_.StatusDescription -like '*uploading*' }) | Should -Not -BeNullOrEmpty

        $target = Join-Path $Folder 'back.bin'
        $file = @(Receive-OSObject -Container $container -Name big.bin -Destination $target -ErrorAction Stop)

        $file | Should -HaveCount 1
        $file[0] | Should -BeOfType [System.IO.FileInfo]
        $file[0].FullName | Should -Be $target
        Get-OsoMd5 $target | Should -Be (Get-OsoMd5 $source)
        Test-OsoSameBytes $source $target | Should -BeTrue
        Get-ChildItem $Folder -Filter '*.partial' | Should -BeNullOrEmpty
    }

    It 'a 20 MiB file in 4 MiB segments is one object that round-trips and goes away with its segments' {
        $container = New-OsoContainer 'slo'
        $source = New-OsoRandomFile 'disk.img' (20MB)

        $uploaded = Send-OSObject -Path $source -Container $container -Name images/disk.img -SegmentSizeMB 4 -Metadata @{ Kind = 'disk' } -ErrorAction Stop

        $uploaded.IsLargeObject | Should -BeTrue
        $listed = @(Get-OSObject -Container $container -ErrorAction Stop)
        $listed | Should -HaveCount 1
        $listed[0].Name | Should -Be 'images/disk.img'
        $listed[0].SizeBytes | Should -Be (20MB)
        $listed[0].IsLargeObject | Should -BeTrue
        (Get-OSObject -Container $container -Name images/disk.img -ErrorAction Stop).Metadata['Kind'] | Should -Be 'disk'
        Get-SegmentCount $container | Should -Be 5

        $target = Join-Path $Folder 'disk.back'
        Receive-OSObject -Container $container -Name images/disk.img -Destination $target -ErrorAction Stop | Out-Null
        Test-OsoSameBytes $source $target | Should -BeTrue

        Get-OSObject -Container $container | Remove-OSObject -Confirm:$false -ErrorAction Stop
        Get-SegmentCount $container | Should -Be 0
    }

    It 'a folder sent with -Recurse keeps its relative paths, and Receive-OSObject -Prefix brings it back' {
        $container = New-OsoContainer 'tree'
        $site = Join-Path $Folder 'site'
        $files = [ordered]@{}
        foreach ($relative in 'index.html', 'css/site.css', 'img/logo/logo.png', 'a b/c+d.txt') {
            $files[$relative] = New-OsoRandomFile (Join-Path 'site' $relative) (1000 + $relative.Length)
        }

        $uploaded = @(Send-OSObject -Path $site -Container $container -Recurse -Name www -ErrorAction Stop)

        $uploaded.Name | Sort-Object | Should -Be @($files.Keys | ForEach-Object { "www/$_" } | Sort-Object)
        $uploaded.Where({ $_.Name -eq 'www/css/site.css' })[0].ContentType | Should -Be 'text/css'

        $copy = Join-Path $Folder 'copy'
        $received = @(Receive-OSObject -Container $container -Prefix www/ -Destination $copy -ErrorAction Stop)

        $received | Should -HaveCount $files.Count
        foreach ($relative in $files.Keys) {
            Test-OsoSameBytes $files[$relative] (Join-Path $copy "www/$relative") | Should -BeTrue -Because $relative
        }
    }

    It 'a folder without -Recurse is an error and uploads nothing' {
        $container = New-OsoContainer 'norec'
        New-OsoRandomFile 'lone/x.txt' 10 | Out-Null

        Send-OSObject -Path (Join-Path $Folder 'lone') -Container $container -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'FolderWithoutRecurse,OpenStackOrchestrator.Cmdlets.ObjectStorage.SendOSObjectCommand'
        Get-OSObject -Container $container -ErrorAction Stop | Should -BeNullOrEmpty
    }

    It 'Receive-OSObject does not overwrite an existing file without -Force' {
        $container = New-OsoContainer 'keep'
        $source = New-OsoRandomFile 'data.bin' 2048
        Send-OSObject -Path $source -Container $container -ErrorAction Stop | Out-Null
        $target = Join-Path $Folder 'existing.bin'
        Set-Content -Path $target -Value 'precious' -NoNewline

        Receive-OSObject -Container $container -Name data.bin -Destination $target -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'FileExists,OpenStackOrchestrator.Cmdlets.ObjectStorage.ReceiveOSObjectCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        Get-Content -Path $target -Raw | Should -Be 'precious'

        Receive-OSObject -Container $container -Name data.bin -Destination $target -Force -ErrorAction Stop | Out-Null
        Test-OsoSameBytes $source $target | Should -BeTrue
    }

    It '-RunAsync returns a task that Wait-OSTask turns into the object' {
        $container = New-OsoContainer 'async'
        $source = New-OsoRandomFile 'later.bin' 100000

        $task = Send-OSObject -Path $source -Container $container -RunAsync -ErrorAction Stop
        $result = @($task | Wait-OSTask -ErrorAction Stop)

        $task.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Task'
        $result | Should -HaveCount 1
        $result[0].Name | Should -Be 'later.bin'
        $result[0].Hash | Should -Be (Get-OsoMd5 $source)
    }
}
