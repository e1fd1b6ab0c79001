# Get-OSObject against the local Swift: a 5,000-object listing followed page by page (about a minute: this Swift
# takes some 200 writes a second, so this file stays on its own), and pseudo-folders.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-Module "$PSScriptRoot/TestSupport/OsoStorage.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $null = Initialize-OsoStorage 'oso-swl'

    # Empty objects put straight through the client, 32 requests at a time (Swift's bulk upload may be missing on
    # other clouds, and Send-OSObject reads a file per object).
    function Add-EmptyObjects([string] $Container, [int] $Count) {
        $storage = (Get-OsoInternal $DefaultOSCloud ObjectStorage)
        $options = [OpenStackOrchestrator.Client.ObjectStorage.ObjectUploadOptions]::new()
        $none = [Threading.CancellationToken]::None
        for ($start = 0; $start -lt $Count; $start += 32) {
            $batch = foreach ($i in $start..([Math]::Min($start + 31, $Count - 1))) {
                $storage.UploadAsync($Container, ('item-{0:D5}' -f $i), [IO.MemoryStream]::new(), 0, $options, $null, $none)
            }
            [Threading.Tasks.Task]::WaitAll([Threading.Tasks.Task[]]$batch)
        }
    }
}

AfterAll {
    Clear-OsoStorage
}

Describe 'Object listings' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        Connect-OSCloud -Cloud los-demo -ErrorAction Stop | Out-Null
    }

    It 'listing 5000 objects follows every page' {
        $container = New-OsoContainer 'many'
        Add-EmptyObjects $container 5000
        (Get-OsoInternal $DefaultOSCloud ObjectStorage).ListPageSize = 1000

        $records = & { $DebugPreference = 'Continue'; Get-OSObject -Container $container -ErrorAction Stop } 5>&1
        $names = @($records.Where({ $_ -isnot [System.Management.Automation.DebugRecord] }).Name)
        $debug = @($records.Where({ $_ -is [System.Management.Automation.DebugRecord] }).Message)

        $names | Should -Be @(0..4999 | ForEach-Object { 'item-{0:D5}' -f $_ })
        $pages = @($debug.Where({ $_ -like 'REQ: *' -and $_ -like "*/$container`?format=json*" }))
        $pages | Should -HaveCount 6 -Because 'five full pages, then an empty one that ends the walk'
        $pages[1] | Should -BeLike '*marker=item-00999*'
        $pages[5] | Should -BeLike '*marker=item-04999*'
        (Get-OSObject -Container $container -Skip 1000 -First 3 -ErrorAction Stop).Name | Should -Be @('item-01000', 'item-01001', 'item-01002')
    }

    It '-Delimiter rolls names up into pseudo-folders, and -Prefix opens one' {
        $container = New-OsoContainer 'tree'
        $file = New-OsoRandomFile 'f.txt' 10
        foreach ($name in 'logs/2025/a.log', 'logs/2026/b.log', 'logs/top.log', 'readme.txt') {
            Send-OSObject -Path $file -Container $container -Name $name -ErrorAction Stop | Out-Null
        }

        $top = @(Get-OSObject -Container $container -Delimiter / -ErrorAction Stop)
        $logs = @(Get-OSObject -Container $container -Prefix logs/ -Delimiter / -ErrorAction Stop)

        $top.Name | Should -Be @('logs/', 'readme.txt')
        $top.IsFolder | Should -Be @($true, $false)
        $logs.Name | Should -Be @('logs/2025/', 'logs/2026/', 'logs/top.log')
        $table = Get-OSObject -Container $container -Delimiter / | Format-Table | Out-String -Width 200
        $table | Should -Match 'Name\s+SizeBytes\s+LastModified\s+ContentType'
        $table | Should -Match '(?m)^logs/\s+0\s*$' -Because 'a pseudo-folder has no size, date or type'
        $table | Should -Match 'readme.txt\s+10\s+\S+.*text/plain'
        @(Get-OSObject -Container $container -Name *.log -ErrorAction Stop) | Should -HaveCount 3
    }
}
