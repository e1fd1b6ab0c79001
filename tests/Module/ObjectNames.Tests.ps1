# Object names are literals: a name with '.' or '..' parts (or anything that looks like URL syntax) is stored, read,
# downloaded, changed, copied, signed and removed in the container asked for, under its exact name, and no other
# container changes. Against the real Swift: the victim container holds the objects an escaping name would reach.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
    # {victim} becomes the victim container's name.
    $Names = @(
        '../{victim}/evil.txt', '../{victim}/x', './x', 'a/../../{victim}/x', '..', '.', '%2e%2e/{victim}/x',
        '%2E%2E%2F{victim}%2Fx', 'x/./y', '../../{victim}/x', './../{victim}/x', 'dir/../../{victim}/x', '.../x',
        'x/..', 'x/.', '..%2f{victim}%2fx', '.%2e/{victim}/x', 'ünïcödé/名前.txt', 'with space/a b.txt',
        'question?mark=1&x', 'hash#fragment', 'percent%20encoded', 'back\slash\..\..\x', ';semi;..;x', '..\{victim}\x'
    ) | ForEach-Object { @{ Template = $_ } }
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    if (-not (Get-OsoCloudSkipReason)) {
        $script:Demo = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
        $script:Box = New-OsoName 'oso-names'
        $script:Victim = New-OsoName 'oso-victim'
        $script:Copies = New-OsoName 'oso-copies'
        $script:Key = 'oso-test-temp-url-key'
        foreach ($c in $Box, $Victim, $Copies) { $null = New-OSContainer -Name $c -ErrorAction Stop }
        Set-OSContainer -Container $Box -TempUrlKey (ConvertTo-SecureString $Key -AsPlainText -Force) -ErrorAction Stop
        # What an escaping name would read, overwrite or delete.
        foreach ($name in 'x', 'evil.txt', 'y', 'x/y') {
            Set-Content -Path "$TestDrive/victim" -Value "victim $name" -NoNewline
            $null = Send-OSObject -Path "$TestDrive/victim" -Container $Victim -Name $name -ErrorAction Stop
        }
        $script:VictimState = Get-OSObject -Container $Victim -ErrorAction Stop | ForEach-Object { "$($_.Name) $($_.Hash) $($_.SizeBytes)" }
        $script:ObjectCount = { param($c) @(Get-OSObject -Container $c -ErrorAction Stop).Count }
        function script:Assert-VictimUntouched {
            @(Get-OSObject -Container $Victim -ErrorAction Stop | ForEach-Object { "$($_.Name) $($_.Hash) $($_.SizeBytes)" }) | Should -Be $VictimState
        }
        function script:Get-Exact([string] $Container, [string] $Name) {
            @(Get-OSObject -Container $Container -ErrorAction Stop | Where-Object Name -CEQ $Name)
        }
    }
}

AfterAll {
    if ($script:Box) {
        foreach ($c in $Box, "${Box}_segments", $Victim, $Copies) { Remove-OSContainer -Container $c -Recurse -Confirm:$false -ErrorAction SilentlyContinue }
    }
}

Describe 'Object name <Template>' -Tag Cloud -Skip:([bool]$NoCloud) -ForEach $Names {
    BeforeAll {
        $name = $Template.Replace('{victim}', $Victim)
        $content = "content of '$name' $(New-Guid)"
        $file = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        Set-Content -Path $file -Value $content -NoNewline
        $md5 = (Get-FileHash -Path $file -Algorithm MD5).Hash.ToLowerInvariant()
        $boxCount = & $ObjectCount $Box
    }

    It 'Send-OSObject stores it in the container asked for, under the exact name' {
        $sent = Send-OSObject -Path $file -Container $Box -Name $name -ErrorAction Stop
        $sent.Name | Should -BeExactly $name
        $stored = Get-Exact $Box $name
        $stored | Should -HaveCount 1
        $stored[0].Hash | Should -Be $md5
        & $ObjectCount $Box | Should -Be ($boxCount + 1) -Because 'one object more, in this container only'
        Assert-VictimUntouched
    }

    It 'Get-OSObject -Name reads that object' {
        $found = @(Get-OSObject -Container $Box -Name $name -ErrorAction Stop | Where-Object Name -CEQ $name)
        $found | Should -HaveCount 1
        $found[0].Hash | Should -Be $md5
        $found[0].Container | Should -Be $Box
    }

    It 'Receive-OSObject downloads its bytes, not another object''s' {
        $target = Join-Path $TestDrive "received-$([guid]::NewGuid().ToString('N'))"
        $null = Receive-OSObject -Container $Box -Name $name -Destination $target -ErrorAction Stop
        Get-Content -Path $target -Raw | Should -BeExactly $content
    }

    It 'Set-OSObject changes its metadata and no other object''s' {
        Set-OSObject -Container $Box -Name $name -Metadata @{ marker = 'set' } -ErrorAction Stop
        if ([WildcardPattern]::ContainsWildcardCharacters($name)) {
            # Get-OSObject -Name would take it for a pattern (and a listing has no metadata): ask the openstack CLI.
            $shown = & openstack --os-cloud los-demo object show $Box $name -f json | ConvertFrom-Json
            $shown.properties.Marker ?? $shown.properties.marker | Should -Be 'set'
        }
        else {
            (Get-OSObject -Container $Box -Name $name -ErrorAction Stop).Metadata['marker'] | Should -Be 'set'
        }
        Assert-VictimUntouched
    }

    It 'Copy-OSObject copies it into the destination container under the exact name' {
        $null = Copy-OSObject -Container $Box -Name $name -DestinationContainer $Copies -DestinationName $name -ErrorAction Stop
        $copy = Get-Exact $Copies $name
        $copy | Should -HaveCount 1
        $copy[0].Hash | Should -Be $md5
        Get-Exact $Box $name | Should -HaveCount 1 -Because 'the source stays'
        Assert-VictimUntouched
    }

    It 'Get-OSObjectTempUrl signs a URL that serves this object' {
        $url = Get-OSObjectTempUrl -Container $Box -Name $name -Lifetime ([timespan]::FromMinutes(5)) -ErrorAction Stop
        # curl sends the path as written (no dot-segment resolution), as Swift's own clients do.
        $body = & curl --silent --show-error --path-as-is --max-time 20 --fail "$url"
        $LASTEXITCODE | Should -Be 0
        ($body -join "`n") | Should -BeExactly $content
    }

    It 'Remove-OSObject deletes it and nothing else' {
        Remove-OSObject -Container $Box -Name $name -Confirm:$false -ErrorAction Stop
        Get-Exact $Box $name | Should -HaveCount 0
        & $ObjectCount $Box | Should -Be $boxCount
        Get-OSContainer $Box -ErrorAction Stop | Should -Not -BeNullOrEmpty -Because "'.' must not address the container itself"
        Get-Exact $Copies $name | Should -HaveCount 1 -Because 'the copy is in another container'
        Assert-VictimUntouched
    }
}

Describe 'Container names Swift would split' -Tag Cloud -Skip:([bool]$NoCloud) -ForEach @(
    @{ Container = 'a/b' }, @{ Container = '{victim}/x' }, @{ Container = '/' }
) {
    It "'<Container>' is refused before anything is sent" {
        $container = $Container.Replace('{victim}', $Victim)
        Set-Content -Path "$TestDrive/f" -Value 'f' -NoNewline
        { Send-OSObject -Path "$TestDrive/f" -Container $container -Name 'n' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidName,*' -PassThru | ForEach-Object { $_.CategoryInfo.Category } | Should -Be 'InvalidArgument'
        Assert-VictimUntouched
    }
}
