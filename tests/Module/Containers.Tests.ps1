# Swift containers and object operations against the local cloud: metadata, public access, temporary URLs,
# server-side copies, and the error paths.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-Module "$PSScriptRoot/TestSupport/OsoStorage.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $script:Storage = Initialize-OsoStorage 'oso-swc'
    $script:Prefix = $Storage.Prefix

    function Send-TestObject([string] $Container, [string] $Name, [int] $Size = 4096) {
        $file = New-OsoRandomFile ($Name.Replace('/', '_')) $Size
        Send-OSObject -Path $file -Container $Container -Name $Name -ErrorAction Stop | Out-Null
        $file
    }
}

AfterAll {
    Clear-OsoStorage
}

Describe 'Containers and objects' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        Connect-OSCloud -Cloud los-demo -ErrorAction Stop | Out-Null
    }

    It 'a new container has its metadata and counts, and Get-OSContainer finds it by wildcard' {
        $container = New-OsoContainer 'meta' @{ Metadata = @{ Owner = 'ops'; Tier = 'gold' } }
        Send-TestObject $container 'one.txt' 1000 | Out-Null

        $found = @(Get-OSContainer -Name "$Prefix-me*" -ErrorAction Stop)

        $found | Should -HaveCount 1
        $found[0].PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Container'
        $found[0].Name | Should -Be $container
        $found[0].ObjectCount | Should -Be 1
        $found[0].SizeBytes | Should -Be 1000
        $found[0].IsPublic | Should -BeFalse
        $found[0].Metadata['Owner'] | Should -Be 'ops'
        $found[0].Metadata['Tier'] | Should -Be 'gold'
        (Get-OSContainer -Name $container | Get-OSObject -ErrorAction Stop).Name | Should -Be 'one.txt'

        $table = Get-OSContainer -Name $container | Format-Table | Out-String -Width 200
        $table | Should -Match 'Name\s+ObjectCount\s+SizeMB\s+IsPublic\s+LastModified'
        $table | Should -Match "$container\s+1\s+0\s+False"
        $line = "Get-OSObject -Container $Prefix-me"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @($container)

        New-OSContainer -Name $container -ErrorVariable again -ErrorAction SilentlyContinue | Out-Null
        $again | Should -HaveCount 1
        $again[0].FullyQualifiedErrorId | Should -Be 'Conflict,OpenStackOrchestrator.Cmdlets.ObjectStorage.NewOSContainerCommand'
    }

    It 'a public container is readable without a token until it is made private' {
        $container = New-OsoContainer 'pub' @{ Public = $true }
        $file = Send-TestObject $container 'dir/page one.html'
        $url = Get-OsoObjectUrl $container 'dir/page one.html'

        $read = Invoke-OsoAnonymousGet $url
        $read.StatusCode | Should -Be 200
        [System.Linq.Enumerable]::SequenceEqual($read.Bytes, [System.IO.File]::ReadAllBytes($file)) | Should -BeTrue
        (Invoke-OsoAnonymousGet ((Get-OsoObjectUrl $container).TrimEnd('/') + '?format=json')).StatusCode | Should -Be 200

        $made = Set-OSContainer -Container $container -Public:$false -ErrorAction Stop

        $made.IsPublic | Should -BeFalse
        (Invoke-OsoAnonymousGet $url).StatusCode | Should -Be 401
    }

    It 'a temporary URL downloads without a token, and the key never shows in -Debug' {
        $container = New-OsoContainer 'temp'
        $file = Send-TestObject $container 'report 2026+final.pdf'

        $run = Invoke-OsoRunspace -Variables @{ Container = $container } -Script {
            $DebugPreference = 'Continue'
            $key = [securestring]::new()
            foreach ($c in 'oso-T3mp-key'.ToCharArray()) { $key.AppendChar($c) }
            Set-OSContainer -Container $Container -TempUrlKey $key
            Get-OSObjectTempUrl -Container $Container -Name 'report 2026+final.pdf' -Lifetime 00:10:00
        }

        $run.Errors | Should -BeNullOrEmpty
        $set, $url = $run.Output
        $set.HasTempUrlKey | Should -BeTrue
        $url | Should -BeLike '*temp_url_sig=*'
        $download = Invoke-OsoAnonymousGet $url
        $download.StatusCode | Should -Be 200
        [System.Linq.Enumerable]::SequenceEqual($download.Bytes, [System.IO.File]::ReadAllBytes($file)) | Should -BeTrue
        (Invoke-OsoAnonymousGet ($url.Replace('temp_url_sig=', 'temp_url_sig=0'))).StatusCode | Should -Be 401
        $run.Debug.Where({ $_ -like '*Temp-URL-Key: {SHA256}*' }) | Should -Not -BeNullOrEmpty
        $run.Debug.Where({ $_ -like '*oso-T3mp-key*' }) | Should -BeNullOrEmpty
        ($set.Metadata.Values -join ' ') | Should -Not -BeLike '*oso-T3mp-key*'
    }

    It 'without a key, Get-OSObjectTempUrl is a TempUrlKeyMissing error' {
        $container = New-OsoContainer 'nokey'
        Send-TestObject $container 'a.bin' | Out-Null

        Get-OSObjectTempUrl -Container $container -Name a.bin -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'TempUrlKeyMissing,OpenStackOrchestrator.Cmdlets.ObjectStorage.GetOSObjectTempUrlCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
    }

    It 'Copy-OSObject copies on the server into another container, keeping and adding metadata' {
        $source = New-OsoContainer 'src'
        $target = New-OsoContainer 'dst'
        $file = New-OsoRandomFile 'orig.bin' 50000
        Send-OSObject -Path $file -Container $source -Metadata @{ Origin = 'lab' } -ErrorAction Stop | Out-Null

        $copy = @(Get-OSObject -Container $source -Name orig.bin |
                Copy-OSObject -DestinationContainer $target -DestinationName copies/orig.bin -Metadata @{ Copied = 'yes' } -ErrorAction Stop)

        $copy | Should -HaveCount 1
        $copy[0].Container | Should -Be $target
        $copy[0].Hash | Should -Be (Get-OsoMd5 $file)
        $copy[0].Metadata['Origin'] | Should -Be 'lab'
        $copy[0].Metadata['Copied'] | Should -Be 'yes'
        @(Get-OSObject -Container $source -ErrorAction Stop) | Should -HaveCount 1
    }

    It 'Set-OSObject sets and removes metadata and keeps the rest' {
        $container = New-OsoContainer 'set'
        $file = New-OsoRandomFile 'm.txt' 100
        Send-OSObject -Path $file -Container $container -Metadata @{ Keep = '1'; Drop = '2'; Null = '3' } -ErrorAction Stop | Out-Null

        $updated = Set-OSObject -Container $container -Name m.txt -Metadata @{ Added = 'new'; Null = $null } -RemoveMetadata Drop -ContentType text/x-test -ErrorAction Stop

        @($updated.Metadata.Keys | Sort-Object) | Should -Be @('Added', 'Keep')
        $updated.Metadata['Added'] | Should -Be 'new'
        $updated.ContentType | Should -Be 'text/x-test'
        $updated.Hash | Should -Be (Get-OsoMd5 $file)
    }

    Context 'A container or object that does not exist' {
        BeforeAll {
            $script:Existing = New-OsoContainer 'there'
            $script:Scratch = New-OsoRandomFile 'x.bin' 10
        }

        It '<Line> is NameNotFound, ObjectNotFound, with one wording' -TestCases @(
            @{ Line = 'Get-OSContainer <c>'; Missing = 'container' }
            @{ Line = 'Get-OSObject -Container <c>'; Missing = 'container' }
            @{ Line = 'Send-OSObject -Path <file> -Container <c>'; Missing = 'container' }
            @{ Line = 'Set-OSContainer <c> -Metadata @{ a = 1 }'; Missing = 'container' }
            @{ Line = 'Remove-OSContainer <c> -Confirm:$false'; Missing = 'container' }
            @{ Line = 'Get-OSObject -Container <here> -Name nothing-here'; Missing = 'object' }
            @{ Line = 'Set-OSObject -Container <here> -Name nothing-here -Metadata @{ a = 1 }'; Missing = 'object' }
            @{ Line = 'Receive-OSObject -Container <here> -Name nothing-here -Destination <folder>'; Missing = 'object' }
            @{ Line = 'Remove-OSObject -Container <here> -Name nothing-here -Confirm:$false'; Missing = 'object' }
        ) {
            $container = "$Prefix-none"
            $line = $Line.Replace('<c>', "'$container'").Replace('<here>', "'$Existing'").Replace('<file>', "'$Scratch'").Replace('<folder>', "'$($Storage.Folder)'")
            $script = [scriptblock]::Create($line + ' -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null; $failures')

            $failures = @(& $script)

            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'NameNotFound,OpenStackOrchestrator.Cmdlets.ObjectStorage.*'
            $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $expected = if ($Missing -eq 'container') { "No container named '$container' was found." } else { "No object named '$Existing/nothing-here' was found." }
            $failures[0].Exception.Message | Should -BeExactly $expected
            $target = if ($Missing -eq 'container') { $container } else { "$Existing/nothing-here" }
            "$($failures[0].TargetObject)" | Should -Be $target
        }
    }

    It "removing a container with objects without -Recurse gives Swift's 409 and keeps it; -Recurse removes it" {
        $container = New-OsoContainer 'full'
        Send-TestObject $container 'a.txt' | Out-Null
        Send-TestObject $container 'b/c.txt' | Out-Null

        Remove-OSContainer -Container $container -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'ContainerNotEmpty,OpenStackOrchestrator.Cmdlets.ObjectStorage.RemoveOSContainerCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ResourceBusy'
        $failures[0].Exception.Message | Should -BeLike '*HTTP 409*'
        $failures[0].Exception.Message | Should -BeLike '*There was a conflict when trying to complete your request.*'
        $failures[0].ErrorDetails.RecommendedAction | Should -BeLike '*-Recurse*'
        @(Get-OSContainer -Name $container -ErrorAction Stop) | Should -HaveCount 1

        Remove-OSContainer -Container $container -Recurse -Confirm:$false -ErrorAction Stop
        Get-OSContainer -Name "$container*" -ErrorAction Stop | Where-Object Name -eq $container | Should -BeNullOrEmpty
    }

    It 'Remove-OSObject asks first, and -WhatIf removes nothing' {
        $container = New-OsoContainer 'ask'
        Send-TestObject $container 'keep.txt' | Out-Null

        Remove-OSObject -Container $container -Name keep.txt -WhatIf -ErrorAction Stop
        # A real console host asks; "N" answers No.
        $asked = Invoke-OsoPwsh -Interactive -InputLines 'N' -Script @"
Connect-OSCloud -Cloud los-demo | Out-Null
Remove-OSObject -Container '$container' -Name keep.txt
"@

        ([regex]::Matches($asked.Text, '\[N\] No')).Count | Should -Be 1 -Because "one prompt: $($asked.Text)"
        @(Get-OSObject -Container $container -ErrorAction Stop) | Should -HaveCount 1
    }
}
