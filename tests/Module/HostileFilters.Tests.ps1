# Names that look like query injection given to Get- cmdlets of every service: they must not widen a listing. A
# decoy of each kind is made; a Get of "<decoy><injection>" returns nothing and a NameNotFound naming exactly what
# was asked for, never the decoy, other resources or other projects' ones. Then the paging parameters at their
# extremes.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason

    # '?' and '*' are wildcards (documented), so they are not here: see the wildcard cases below.
    $Injections = @(
        @{ Injection = '&all_tenants=1' }
        @{ Injection = '&name=' }
        @{ Injection = '&limit=1' }
        @{ Injection = '%00' }
        @{ Injection = '%26all_tenants%3D1' }
        @{ Injection = '#fragment' }
        @{ Injection = "`r`nX-Auth-Token: forged" }
        @{ Injection = ';sort_key=name' }
        @{ Injection = "' OR '1'='1" }
        @{ Injection = '\' }
        @{ Injection = '|x' }
    )
    # DecoyKind: the kind this file makes one of (named <prefix>-decoy); the others have no resource of the file.
    $Getters = @(
        @{ Command = 'Get-OSNetwork';       DecoyKind = 'network' }
        @{ Command = 'Get-OSSecurityGroup'; DecoyKind = 'security group' }
        @{ Command = 'Get-OSKeyPair';       DecoyKind = 'key pair' }
        @{ Command = 'Get-OSContainer';     DecoyKind = 'container' }
        @{ Command = 'Get-OSRouter';        DecoyKind = $null }
        @{ Command = 'Get-OSPort';          DecoyKind = $null }
        @{ Command = 'Get-OSSubnet';        DecoyKind = $null }
        @{ Command = 'Get-OSServer';        DecoyKind = $null }
        @{ Command = 'Get-OSVolume';        DecoyKind = $null }
        @{ Command = 'Get-OSImage';         DecoyKind = $null }
        @{ Command = 'Get-OSStack';         DecoyKind = $null }
    )
    $Cases = foreach ($g in $Getters) { foreach ($i in $Injections) { @{ Command = $g.Command; DecoyKind = $g.DecoyKind; Injection = $i.Injection } } }
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-Module "$PSScriptRoot/TestSupport/OsoHostile.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $Prefix = New-OsoName 'oso-hf'
    $Decoy = "$Prefix-decoy"
    if (-not (Get-OsoCloudSkipReason)) {
        $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
        $null = New-OSNetwork -Name $Decoy -ErrorAction Stop
        $null = New-OSNetwork -Name "$Decoy-2" -ErrorAction Stop
        $null = New-OSSecurityGroup -Name $Decoy -ErrorAction Stop
        $null = New-OSKeyPair -Name $Decoy -PublicKey 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGJ4m3CIfR5x1cwT8C2JYyZ6Q2PoeLqQw6xLC1PU1N8y decoy' -ErrorAction Stop
        $null = New-OSContainer -Name $Decoy -ErrorAction Stop
    }
}

AfterAll {
    if (-not (Get-OsoCloudSkipReason)) {
        $quiet = @{ Confirm = $false; ErrorAction = 'SilentlyContinue' }
        Get-OSNetwork -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSNetwork @quiet
        Get-OSSecurityGroup -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSSecurityGroup @quiet
        Get-OSKeyPair -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSKeyPair @quiet
        Get-OSContainer -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSContainer -Recurse @quiet
    }
}

Describe 'A name that looks like query injection does not widen a listing' -Tag Cloud -Skip:([bool]$NoCloud) {
    It '<Command> "<decoy><Injection>" returns nothing and a NameNotFound for exactly that name' -ForEach $Cases {
        $asked = if ($Injection -eq '&name=') { "$Decoy&name=$Decoy-2" } else { "$Decoy$Injection" }

        $result = Invoke-OsoHostile { & $Command -Name $asked }

        $result.Output | Should -BeNullOrEmpty -Because 'no resource is named so; the decoy and the rest must not come back'
        # A NUL in a container name cannot be sent at all (InvalidName); everything else is an ordinary miss.
        $id = if ($Command -eq 'Get-OSContainer' -and $Injection -match '\x00') { 'InvalidName' } else { 'NameNotFound' }
        Assert-OsoRefusal $result -ErrorId $id -Category $(if ($id -eq 'NameNotFound') { 'ObjectNotFound' } else { 'InvalidArgument' })
        $result.Errors | Should -HaveCount 1
        "$($result.Errors[0])" | Should -Match ([regex]::Escape("'$asked'"))
        if ($DecoyKind) {
            # The same call with the plain name finds the decoy: the filter itself works.
            @(& $Command -Name $Decoy -ErrorAction Stop).Name | Should -BeExactly @($Decoy)
        }
    }

    It 'Get-OSNetwork "<decoy>?" is a wildcard (one character) and matches nothing more than its pattern' {
        @(Get-OSNetwork -Name "$Decoy-?" -ErrorAction Stop).Name | Should -BeExactly @("$Decoy-2")
        @(Get-OSNetwork -Name "${Decoy}?limit=1" -ErrorAction Stop) | Should -BeNullOrEmpty
    }

    It 'Get-OSServer "<prefix>.*" is no regular expression: Nova is sent the pattern escaped' {
        @(Get-OSServer -Name "$Prefix.*" -ErrorAction Stop) | Should -BeNullOrEmpty
        Assert-OsoRefusal (Invoke-OsoHostile { Get-OSServer -Name "$Prefix-(a|b)" }) -ErrorId NameNotFound -Category ObjectNotFound
    }

    It 'Get-OSImage finds an image whose name has the characters Glance reads as filter syntax (:, comma, quotes)' {
        $file = Join-Path ([System.IO.Path]::GetTempPath()) "$Prefix.img"
        Set-Content -Path $file -Value 'not really a disk'
        $name = "$Prefix-in:`"a`",b: c"
        $quoted = "$Prefix-say `"hi`""
        try {
            $image = New-OSImage -Name $name -Path $file -DiskFormat raw -ErrorAction Stop
            @(Get-OSImage -Name $name -ErrorAction Stop).Id | Should -Be @($image.Id)
            $other = New-OSImage -Name $quoted -Path $file -DiskFormat raw -ErrorAction Stop
            @(Get-OSImage -Name $quoted -ErrorAction Stop).Id | Should -Be @($other.Id)
            @(Get-OSImage -Name $quoted -First 1 -ErrorAction Stop).Id | Should -Be @($other.Id)
            Assert-OsoRefusal (Invoke-OsoHostile { Get-OSImage -Name "$Prefix-in:`"a`"" }) -ErrorId NameNotFound -Category ObjectNotFound
        }
        finally {
            Get-OSImage -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSImage -Confirm:$false -ErrorAction Continue
            Remove-Item $file -ErrorAction SilentlyContinue
        }
    }

    It 'Get-OSObject -Prefix with query syntax lists only names that start with it' {
        $file = Join-Path ([System.IO.Path]::GetTempPath()) "$Prefix.txt"
        Set-Content -Path $file -Value 'x'
        try {
            $null = Send-OSObject -Path $file -Container $Decoy -Name 'a/one' -ErrorAction Stop
            $null = Send-OSObject -Path $file -Container $Decoy -Name 'b/two' -ErrorAction Stop
            @(Get-OSObject -Container $Decoy -Prefix 'a/&prefix=b' -ErrorAction Stop) | Should -BeNullOrEmpty
            @(Get-OSObject -Container $Decoy -Prefix 'a/' -ErrorAction Stop).Name | Should -BeExactly @('a/one')
            @(Get-OSObject -Container $Decoy -Prefix '%' -ErrorAction Stop) | Should -BeNullOrEmpty
        }
        finally { Remove-Item $file -ErrorAction SilentlyContinue }
    }
}

Describe 'Paging parameters at their extremes' -Tag Cloud -Skip:([bool]$NoCloud) {
    It '<Command> -First <First> gives every match, at most that many' -ForEach @(
        @{ Command = 'Get-OSNetwork'; First = [uint64]::MaxValue; Expected = 2 }
        @{ Command = 'Get-OSNetwork'; First = [uint64][math]::Pow(2, 63); Expected = 2 }
        @{ Command = 'Get-OSNetwork'; First = [uint64][int]::MaxValue + 1; Expected = 2 }
        @{ Command = 'Get-OSNetwork'; First = 1; Expected = 1 }
        @{ Command = 'Get-OSNetwork'; First = 0; Expected = 0 }
    ) {
        @(& $Command -Name "$Decoy*" -First $First -ErrorAction Stop) | Should -HaveCount $Expected
    }

    It '<Command> -Skip <Skip> skips them all, without an error' -ForEach @(
        @{ Command = 'Get-OSNetwork'; Skip = [uint64]::MaxValue }
        @{ Command = 'Get-OSKeyPair'; Skip = [uint64]::MaxValue }
        @{ Command = 'Get-OSContainer'; Skip = [uint64][math]::Pow(2, 63) }
        @{ Command = 'Get-OSVolume'; Skip = [uint64]::MaxValue }
    ) {
        $result = Invoke-OsoHostile { & $Command -Skip $Skip }
        $result.Errors | Should -BeNullOrEmpty
        $result.Output | Should -BeNullOrEmpty
    }

    It '<Command> -<Parameter> <Value> is a binding error naming the parameter' -ForEach @(
        @{ Command = 'Get-OSNetwork'; Parameter = 'First'; Value = -1 }
        @{ Command = 'Get-OSImage'; Parameter = 'Skip'; Value = -5 }
        @{ Command = 'Get-OSServer'; Parameter = 'First'; Value = '1e400' }
        @{ Command = 'Get-OSVolume'; Parameter = 'First'; Value = 'all' }
        @{ Command = 'Get-OSKeyPair'; Parameter = 'Skip'; Value = [double]::NaN }
    ) {
        $arguments = @{ $Parameter = $Value }
        $result = Invoke-OsoHostile { & $Command @arguments }
        Assert-OsoRefusal $result -ErrorId CannotConvertArgumentNoMessage -Category InvalidArgument -Message "'$Parameter'"
    }
}
