# Hostile names against the local cloud: 10,000 characters, emoji, RTL overrides, NUL and control characters, query
# and path syntax, lone surrogates. Each New- either keeps the name exactly (read back, then removed) or refuses it
# with a clear ErrorRecord and creates nothing. Ids with dot segments and container names with '/' must never reach
# another resource. Filters that look like query injection: HostileFilters.Tests.ps1.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason

    # Template: '{0}' is the file's prefix. What each service does with the name: Accepted (kept exactly), an error
    # id, Http500 (the service fails: only a clear category and the cloud's status are asserted, the 500 mapping is
    # another change's), Generic (the module has no specific id for the status yet: the status is asserted).
    $HostileNames = @(
        @{ Label = '10,000 characters';           Template = '{0}-' + ('x' * 10000); Neutron = 'BadRequest'; KeyPair = 'BadRequest'; Container = 'Generic' }
        @{ Label = '255 characters in all';       Template = 'Max255';               Neutron = 'Accepted';   KeyPair = 'Accepted';   Container = 'Accepted' }
        @{ Label = 'emoji (4-byte UTF-8)';        Template = '{0}-🚀🇺🇸';             Neutron = 'Http500';    KeyPair = 'BadRequest'; Container = 'Accepted' }
        @{ Label = 'a right-to-left override';    Template = "{0}-`u{202E}gnp.exe";  Neutron = 'Accepted';   KeyPair = 'BadRequest'; Container = 'Accepted' }
        @{ Label = 'a NUL character';             Template = "{0}-a`0b";             Neutron = 'Accepted';   KeyPair = 'BadRequest'; Container = 'InvalidName' }
        @{ Label = 'BEL and ANSI escapes';        Template = "{0}-`a`e[31mred`e[0m"; Neutron = 'Accepted';   KeyPair = 'BadRequest'; Container = 'Accepted' }
        @{ Label = 'CR LF';                       Template = "{0}-l1`r`nl2";         Neutron = 'Accepted';   KeyPair = 'BadRequest'; Container = 'Accepted' }
        @{ Label = 'query syntax &all_tenants=1'; Template = '{0}-x&all_tenants=1';  Neutron = 'Accepted';   KeyPair = 'BadRequest'; Container = 'Accepted' }
        @{ Label = 'query syntax ?limit=1';       Template = '{0}-x?limit=1';        Neutron = 'Accepted';   KeyPair = 'BadRequest'; Container = 'Accepted' }
        @{ Label = 'percent escapes %00%2e%2e';   Template = '{0}-%00%2e%2e';        Neutron = 'Accepted';   KeyPair = 'BadRequest'; Container = 'Accepted' }
        @{ Label = 'a fragment #';                Template = '{0}-x#y';              Neutron = 'Accepted';   KeyPair = 'BadRequest'; Container = 'Accepted' }
        @{ Label = 'path traversal ../../';       Template = '{0}-../../etc/passwd'; Neutron = 'Accepted';   KeyPair = 'BadRequest'; Container = 'InvalidName' }
        @{ Label = 'leading and trailing spaces'; Template = ' {0}-padded ';         Neutron = 'Accepted';   KeyPair = 'BadRequest'; Container = 'Accepted' }
        @{ Label = 'zero-width and combining';    Template = "{0}-`u{200B}e`u{0301}"; Neutron = 'Accepted';  KeyPair = 'BadRequest'; Container = 'Accepted' }
        @{ Label = 'a lone surrogate';            Template = '{0}-' + [char]0xD800;  Neutron = 'InvalidText'; KeyPair = 'InvalidText'; Container = 'InvalidText' }
        @{ Label = "SQL quotes ' OR '1'='1";      Template = "{0}-x' OR '1'='1";     Neutron = 'Accepted';   KeyPair = 'BadRequest'; Container = 'Accepted' }
        @{ Label = 'a wildcard *';                Template = '{0}-*';                Neutron = 'Accepted';   KeyPair = 'BadRequest'; Container = 'Accepted' }
    )
    $Kinds = @(
        @{ Kind = 'network';        Service = 'Neutron' }
        @{ Kind = 'security group'; Service = 'Neutron' }
        @{ Kind = 'router';         Service = 'Neutron' }
        @{ Kind = 'key pair';       Service = 'KeyPair' }
        @{ Kind = 'container';      Service = 'Container' }
    )
    $DotIds = @(
        @{ Id = '.' }, @{ Id = '..' }, @{ Id = '../ports' }, @{ Id = '%2e%2e' }, @{ Id = 'x?fields=id' }, @{ Id = 'x#y' }
    )
    $IdCommands = @(
        @{ Command = 'Get-OSNetwork' }, @{ Command = 'Get-OSKeyPair' }, @{ Command = 'Get-OSServer' }, @{ Command = 'Get-OSVolume' }, @{ Command = 'Get-OSImage' }
    )
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-Module "$PSScriptRoot/TestSupport/OsoHostile.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $Prefix = New-OsoName 'oso-hn'
    $PublicKey = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGJ4m3CIfR5x1cwT8C2JYyZ6Q2PoeLqQw6xLC1PU1N8y hostile'
    if (-not (Get-OsoCloudSkipReason)) { $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop }

    function Get-Mine([string] $Kind) {
        $all = @{ ErrorAction = 'SilentlyContinue' }
        switch ($Kind) {
            'network' { Get-OSNetwork -Name "*$Prefix*" @all }
            'security group' { Get-OSSecurityGroup -Name "*$Prefix*" @all }
            'router' { Get-OSRouter -Name "*$Prefix*" @all }
            'key pair' { Get-OSKeyPair -Name "*$Prefix*" @all }
            'container' { Get-OSContainer -Name "*$Prefix*" @all }
        }
    }
    function New-Named([string] $Kind, [string] $Name) {
        switch ($Kind) {
            'network' { New-OSNetwork -Name $Name }
            'security group' { New-OSSecurityGroup -Name $Name }
            'router' { New-OSRouter -Name $Name }
            'key pair' { New-OSKeyPair -Name $Name -PublicKey $PublicKey }
            'container' { New-OSContainer -Name $Name }
        }
    }
    function Read-Named([string] $Kind, $Created) {
        switch ($Kind) {
            'network' { Get-OSNetwork -Id $Created.Id -ErrorAction Stop }
            'security group' { Get-OSSecurityGroup -Id $Created.Id -ErrorAction Stop }
            'router' { Get-OSRouter -Id $Created.Id -ErrorAction Stop }
            'key pair' { Get-OSKeyPair -Id $Created.Name -ErrorAction Stop }
            # Listed and compared here: a name with wildcard characters cannot be asked for exactly.
            'container' { Get-OSContainer -Name "*$Prefix*" -ErrorAction Stop | Where-Object Name -CEQ $Created.Name }
        }
    }
    function Remove-Named([string] $Kind, $Created) {
        $quiet = @{ Confirm = $false; ErrorAction = 'Continue' }
        switch ($Kind) {
            'network' { $Created | Remove-OSNetwork @quiet }
            'security group' { $Created | Remove-OSSecurityGroup @quiet }
            'router' { $Created | Remove-OSRouter @quiet }
            'key pair' { $Created | Remove-OSKeyPair @quiet }
            'container' { $Created | Remove-OSContainer -Recurse @quiet }
        }
    }
    function Resolve-Template([string] $Template) {
        if ($Template -eq 'Max255') { return "$Prefix-" + ('y' * (255 - $Prefix.Length - 1)) }
        $Template.Replace('{0}', $Prefix)
    }
}

AfterAll {
    if (-not (Get-OsoCloudSkipReason)) {
        $quiet = @{ Confirm = $false; ErrorAction = 'SilentlyContinue' }
        Get-OSRouter -Name "*$Prefix*" -ErrorAction SilentlyContinue | Remove-OSRouter @quiet
        Get-OSNetwork -Name "*$Prefix*" -ErrorAction SilentlyContinue | Remove-OSNetwork @quiet
        Get-OSSecurityGroup -Name "*$Prefix*" -ErrorAction SilentlyContinue | Remove-OSSecurityGroup @quiet
        Get-OSKeyPair -Name "*$Prefix*" -ErrorAction SilentlyContinue | Remove-OSKeyPair @quiet
        Get-OSContainer -Name "*$Prefix*" -ErrorAction SilentlyContinue | Remove-OSContainer -Recurse @quiet
    }
}

Describe 'A hostile name given to New- (<Kind>)' -Tag Cloud -Skip:([bool]$NoCloud) -ForEach $Kinds {
    It '<Label>: kept exactly, or refused clearly with nothing created' -ForEach $HostileNames {
        $name = Resolve-Template $Template
        $expected = (Get-Variable -Name $Service -ValueOnly)
        $before = @(Get-Mine $Kind).Count

        $result = Invoke-OsoHostile { New-Named $Kind $name }

        if ($expected -eq 'Accepted') {
            $created = Assert-OsoAccepted $result
            try {
                $created | Should -HaveCount 1
                $created.Name | Should -BeExactly $name
                (Read-Named $Kind $created).Name | Should -BeExactly $name
            }
            finally { Remove-Named $Kind $created }
            return
        }
        switch ($expected) {
            'Http500' {
                $result.Errors | Should -HaveCount 1
                "$($result.Errors[0].CategoryInfo.Category)" | Should -Not -Be 'NotSpecified'
                "$($result.Errors[0])" | Should -Match 'HTTP 500'
            }
            'Generic' {
                # Swift answers a HEAD of a too-long name with a bodyless 4xx the module has no id for yet.
                $result.Errors | Should -HaveCount 1
                $result.Errors[0].Exception.StatusCode | Should -BeGreaterOrEqual 400
                $result.Errors[0].Exception.StatusCode | Should -BeLessThan 500
                "$($result.Errors[0])" | Should -Match 'HTTP 4\d\d'
            }
            'BadRequest' { Assert-OsoRefusal $result -ErrorId BadRequest -Category InvalidArgument -Message "HTTP 400: .*name" }
            'InvalidText' { Assert-OsoRefusal $result -ErrorId InvalidText -Category InvalidArgument -Message '-Name .*not valid Unicode' }
            'InvalidName' { Assert-OsoRefusal $result -ErrorId InvalidName -Category InvalidArgument -Message 'cannot be a container name' }
            default { throw "Unknown expectation $expected" }
        }
        @(Get-Mine $Kind).Count | Should -Be $before -Because 'a refused name creates nothing'
    }
}

Describe 'An id with dot segments or URL syntax' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $decoy = New-OSNetwork -Name "$Prefix-decoy" -ErrorAction Stop
    }

    It '<Command> -Id "<Id>" is not found, and reads no listing in its place' -ForEach ($IdCommands | ForEach-Object { $c = $_.Command; $DotIds | ForEach-Object { @{ Command = $c; Id = $_.Id } } }) {
        $result = Invoke-OsoHostile { & $Command -Id $Id }

        # networks/. would be the list and networks/.. the service root: an answer there is no resource.
        Assert-OsoRefusal $result -ErrorId ResourceNotFound -Category ObjectNotFound -Message ([regex]::Escape($Id) + '|HTTP 404')
    }

    It 'Remove-OSNetwork "<Name>" is a NameNotFound, and removes nothing' -ForEach @(@{ Name = '.' }, @{ Name = '..' }, @{ Name = '../networks' }) {
        $result = Invoke-OsoHostile { Remove-OSNetwork $Name -Confirm:$false }

        Assert-OsoRefusal $result -ErrorId NameNotFound -Category ObjectNotFound -Message ([regex]::Escape("'$Name'"))
        (Get-OSNetwork -Id $decoy.Id -ErrorAction Stop).Name | Should -Be "$Prefix-decoy"
    }

    It 'Remove-OSServer ".." is a NameNotFound' {
        Assert-OsoRefusal (Invoke-OsoHostile { Remove-OSServer '..' -Confirm:$false }) -ErrorId NameNotFound -Category ObjectNotFound -Message "'\.\.'"
    }

    It 'a network named ".." can still be found and removed by its name' {
        $dots = New-OSNetwork -Name '..' -Description $Prefix -ErrorAction Stop
        try {
            @(Get-OSNetwork -Name '..' -ErrorAction Stop | Where-Object Description -EQ $Prefix).Id | Should -Be $dots.Id
        }
        finally { Remove-OSNetwork $dots.Id -Confirm:$false -ErrorAction Continue }
        { Get-OSNetwork -Id $dots.Id -ErrorAction Stop } | Should -Throw -ErrorId 'ResourceNotFound,*'
    }
}

Describe "A container name with '/' or dot segments never reaches another container" -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $decoy = "$Prefix-box"
        $null = New-OSContainer -Name $decoy -ErrorAction Stop
        $file = Join-Path ([System.IO.Path]::GetTempPath()) "$Prefix.txt"
        Set-Content -Path $file -Value 'decoy content'
        $null = Send-OSObject -Path $file -Container $decoy -Name 'kept' -ErrorAction Stop
        function Get-DecoyObjects { @(Get-OSObject -Container $decoy -ErrorAction Stop).Name }
    }
    AfterAll { Remove-Item $file -ErrorAction SilentlyContinue }

    It 'New-OSContainer "<container>/evil" writes no object into <container>' {
        Assert-OsoRefusal (Invoke-OsoHostile { New-OSContainer -Name "$decoy/evil" }) -ErrorId InvalidName -Category InvalidArgument -Message "cannot contain '/'"
        Get-DecoyObjects | Should -Be @('kept')
    }

    It 'Remove-OSContainer "<container>/kept" does not delete the object kept' {
        Assert-OsoRefusal (Invoke-OsoHostile { Remove-OSContainer "$decoy/kept" -Confirm:$false }) -ErrorId InvalidName -Category InvalidArgument
        Get-DecoyObjects | Should -Be @('kept')
    }

    It 'Send-OSObject -Container "<container>/sub" uploads nothing anywhere' {
        Assert-OsoRefusal (Invoke-OsoHostile { Send-OSObject -Path $file -Container "$decoy/sub" }) -ErrorId InvalidName -Category InvalidArgument
        Get-DecoyObjects | Should -Be @('kept')
    }

    It 'Get-OSContainer "<Name>" is refused, not the account read as a container' -ForEach @(@{ Name = '.' }, @{ Name = '..' }) {
        Assert-OsoRefusal (Invoke-OsoHostile { Get-OSContainer -Name $Name }) -ErrorId InvalidName -Category InvalidArgument -Message "'\.\.?' cannot be a container name"
    }

    It 'Get-OSObject -Container ".." is refused' {
        Assert-OsoRefusal (Invoke-OsoHostile { Get-OSObject -Container '..' }) -ErrorId InvalidName -Category InvalidArgument
    }
}
