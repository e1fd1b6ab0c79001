# Hostile configuration and local files: bad clouds.yaml files (OS_CLIENT_CONFIG_FILE pointing at temp files), hostile
# -AuthUrl values, and file paths that are devices, pipes, folders, missing or not writable. Each is refused with a
# clear ErrorRecord; the crash-prone ones run in a child pwsh, which must exit normally.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason

    $Good = "clouds:`n  x:`n    auth:`n      auth_url: http://127.0.0.1:5000/v3`n      username: demo`n      password: nope`n      project_name: demo`n      user_domain_name: Default`n      project_domain_name: Default`n"
    $Yamls = @(
        @{ Label = 'not YAML';                Text = 'clouds: [unclosed';                        Message = 'is not valid YAML \(line' }
        @{ Label = 'an empty file';           Text = '';                                         Message = "Cloud 'x' was not found" }
        @{ Label = 'a list at the top';       Text = "- a`n- b";                                 Message = "must be a mapping with a 'clouds' key" }
        @{ Label = 'clouds as a string';      Text = 'clouds: nope';                             Message = "'clouds' in .* must be a mapping" }
        @{ Label = 'a cloud as a list';       Text = "clouds:`n  x: [1, 2]";                    Message = "Cloud 'x' in .* must be a mapping" }
        @{ Label = 'no auth';                 Text = "clouds:`n  x:`n    region_name: r";       Message = 'has no auth.auth_url' }
        @{ Label = 'auth as a string';        Text = "clouds:`n  x:`n    auth: nope";           Message = 'auth must be a mapping' }
        @{ Label = 'auth_url not a URL';      Text = $Good.Replace('http://127.0.0.1:5000/v3', 'not a url');          Message = 'is not an http or https URL' }
        @{ Label = 'auth_url ftp://';         Text = $Good.Replace('http://127.0.0.1:5000/v3', 'ftp://127.0.0.1/v3'); Message = 'is not an http or https URL' }
        @{ Label = 'auth_url file://';        Text = $Good.Replace('http://127.0.0.1:5000/v3', 'file:///etc/passwd'); Message = 'is not an http or https URL' }
        @{ Label = 'auth_url with user:password@'; Text = $Good.Replace('http://127.0.0.1', 'http://admin:s3cret@127.0.0.1'); Message = 'has credentials in it' }
        @{ Label = 'verify: maybe';           Text = $Good + "    verify: maybe`n";                Message = "verify must be true or false, not 'maybe'" }
        @{ Label = 'api_timeout: -5';         Text = $Good + "    api_timeout: -5`n";              Message = 'api_timeout must be a positive number' }
        @{ Label = 'api_timeout: 1e400';      Text = $Good + "    api_timeout: 1e400`n";           Message = 'api_timeout must be a positive number' }
        @{ Label = 'a password as a mapping'; Text = $Good.Replace('password: nope', 'password: {a: 1}'); Message = 'auth.password must be a single value' }
        @{ Label = 'tabs as indentation';     Text = "clouds:`n`tx: 1";                          Message = 'is not valid YAML' }
        @{ Label = 'a duplicate cloud';       Text = "clouds:`n  x: {}`n  x: {}";               Message = 'Duplicate key' }
        @{ Label = 'aliases of aliases (billion laughs)'; Text = 'Bomb';                          Message = 'expands to more than 100000 values' }
        @{ Label = '100 levels of nesting';   Text = 'Deep';                                     Message = 'nested too deeply' }
        @{ Label = 'random bytes';            Text = 'Binary';                                   Message = 'is not valid YAML' }
        @{ Label = 'a 20 MB file';            Text = 'Huge';                                     Message = 'larger than 16 MB' }
    )
    $AuthUrls = @(
        @{ Url = 'not a url';                        Id = 'CloudConfigurationInvalid'; Message = 'not an http or https URL' }
        @{ Url = 'ftp://127.0.0.1/v3';               Id = 'CloudConfigurationInvalid'; Message = 'not an http or https URL' }
        @{ Url = 'http://';                          Id = 'CloudConfigurationInvalid'; Message = 'not an http or https URL' }
        @{ Url = 'file:///etc/passwd';               Id = 'CloudConfigurationInvalid'; Message = 'not an http or https URL' }
        @{ Url = 'javascript:alert(1)';              Id = 'CloudConfigurationInvalid'; Message = 'not an http or https URL' }
        @{ Url = 'http://127.0.0.1:5000/v2.0';       Id = 'CloudConfigurationInvalid'; Message = 'Keystone v2.0' }
        @{ Url = 'http://admin:s3cret@127.0.0.1:5000/v3'; Id = 'CloudConfigurationInvalid'; Message = 'has credentials in it' }
        @{ Url = 'http://127.0.0.1:5000/v3?x=1';     Id = 'CloudConfigurationInvalid'; Message = 'has a query, a fragment' }
        @{ Url = 'http://127.0.0.1:5000/v3#frag';    Id = 'CloudConfigurationInvalid'; Message = 'has a query, a fragment' }
        @{ Url = "http://127.0.0.1:5000/v3`r`nX-Evil: 1"; Id = 'CloudConfigurationInvalid'; Message = 'control character' }
        @{ Url = 'http://127.0.0.1:1/v3';            Id = 'ServiceUnreachable';        Message = 'Could not reach identity' }
        @{ Url = 'http://127.0.0.1:5000/' + ('x' * 10000); Id = 'ServiceUnreachable';  Message = 'did not answer as Keystone v3' }
        @{ Url = '';                                 Id = 'ParameterArgumentValidationError'; Message = "'AuthUrl'" }
    )
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-Module "$PSScriptRoot/TestSupport/OsoHostile.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $Prefix = New-OsoName 'oso-hcfg'
    $Folder = Join-Path ([System.IO.Path]::GetTempPath()) $Prefix
    $null = New-Item -ItemType Directory -Path $Folder
    $Pipe = Join-Path $Folder 'pipe'
    & mkfifo $Pipe
    $Password = ConvertTo-SecureString 'nope' -AsPlainText -Force

    function Write-Yaml([string] $Name, [string] $Text) {
        $path = Join-Path $Folder "$Name.yaml"
        switch ($Text) {
            'Bomb' {
                $lines = @('l0: &l0 [x, x, x, x, x, x, x, x, x]') + (1..8 | ForEach-Object { $p = $_ - 1; "l${_}: &l$_ [" + ((1..9 | ForEach-Object { "*l$p" }) -join ', ') + ']' })
                Set-Content -Path $path -Value (($lines + 'clouds: *l8') -join "`n")
            }
            'Deep' { Set-Content -Path $path -Value ("clouds:`n  x: " + ('[' * 100) + (']' * 100)) }
            'Binary' { $bytes = [byte[]]::new(4096); [System.Random]::new(16).NextBytes($bytes); [System.IO.File]::WriteAllBytes($path, $bytes) }
            'Huge' { $stream = [System.IO.File]::Create($path); $stream.SetLength(20MB); $stream.Dispose() }
            default { Set-Content -Path $path -Value $Text -NoNewline }
        }
        $path
    }
}

AfterAll {
    Use-OsoLocalCloud
    Remove-Item $Folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'A bad clouds.yaml' -Tag Cloud -Skip:([bool]$NoCloud) {
    AfterEach { $env:OS_CLIENT_CONFIG_FILE = Get-OsoCloudsYaml }

    It '<Label> is CloudConfigurationInvalid naming the reason, and connects nothing' -ForEach $Yamls {
        $before = @(Get-OSCloud -ErrorAction SilentlyContinue).Count
        $env:OS_CLIENT_CONFIG_FILE = Write-Yaml ($Label -replace '\W', '_') $Text

        $result = Invoke-OsoHostile { Connect-OSCloud -Cloud x -NotDefault }

        Assert-OsoRefusal $result -ErrorId CloudConfigurationInvalid -Category InvalidArgument -Message $Message
        "$($result.Errors[0])" | Should -Not -Match 's3cret' -Because 'a password in the file never shows in an error'
        @(Get-OSCloud -ErrorAction SilentlyContinue).Count | Should -Be $before
    }

    It 'OS_CLIENT_CONFIG_FILE=<Path> is CloudConfigurationInvalid' -ForEach @(
        @{ Path = '/dev/zero'; Message = 'larger than 16 MB' }
        @{ Path = 'Folder'; Message = 'no clouds.yaml was found' }
        @{ Path = 'Missing'; Message = 'no clouds.yaml was found' }
    ) {
        $env:OS_CLIENT_CONFIG_FILE = switch ($Path) { 'Folder' { $Folder } 'Missing' { Join-Path $Folder 'none.yaml' } default { $Path } }
        Assert-OsoRefusal (Invoke-OsoHostile { Connect-OSCloud -Cloud x -NotDefault }) -ErrorId CloudConfigurationInvalid -Category InvalidArgument -Message $Message
    }

    It 'an alias bomb and /dev/zero leave a fresh pwsh running: it reports and exits normally' {
        $bomb = Write-Yaml 'child-bomb' 'Bomb'
        $run = Invoke-OsoPwsh -TimeoutSec 90 -Script @"
foreach (`$file in '$bomb', '/dev/zero') {
    `$env:OS_CLIENT_CONFIG_FILE = `$file
    try { Connect-OSCloud -Cloud x -ErrorAction Stop } catch { 'refused: ' + `$_.FullyQualifiedErrorId }
}
'alive'
"@
        $run.ExitCode | Should -Be 0
        @($run.Output | Where-Object { $_ -like 'refused: CloudConfigurationInvalid,*' }) | Should -HaveCount 2
        $run.Output[-1] | Should -Be 'alive'
    }
}

Describe 'Connect-OSCloud with a hostile -AuthUrl' -Tag Cloud -Skip:([bool]$NoCloud) {
    It '-AuthUrl "<Url>" is <Id>' -ForEach $AuthUrls {
        $before = @(Get-OSCloud -ErrorAction SilentlyContinue).Count

        $result = Invoke-OsoHostile { Connect-OSCloud -AuthUrl $Url -User demo -Password $Password -ProjectName demo -NotDefault -TimeoutSec 10 }

        Assert-OsoRefusal $result -ErrorId $Id -Message $Message
        "$($result.Errors[0])" | Should -Not -Match 's3cret'
        @(Get-OSCloud -ErrorAction SilentlyContinue).Count | Should -Be $before
    }

    It '<Label> is refused at binding, naming the parameter' -ForEach @(
        @{ Label = '-Interface sideways'; Options = @{ Interface = 'sideways' }; Parameter = 'Interface' }
        @{ Label = '-TimeoutSec 0'; Options = @{ TimeoutSec = 0 }; Parameter = 'TimeoutSec' }
        @{ Label = '-TimeoutSec -1'; Options = @{ TimeoutSec = -1 }; Parameter = 'TimeoutSec' }
        @{ Label = '-TimeoutSec 2^31'; Options = @{ TimeoutSec = [long][math]::Pow(2, 31) }; Parameter = 'TimeoutSec' }
    ) {
        Assert-OsoRefusal (Invoke-OsoHostile { Connect-OSCloud -Cloud los-demo -NotDefault @Options }) -Message "'$Parameter'"
    }

    It '-Cloud "<Cloud>" is CloudConfigurationInvalid' -ForEach @(@{ Cloud = 'los-*' }, @{ Cloud = 'x' * 10000 }, @{ Cloud = '../los-demo' }) {
        Assert-OsoRefusal (Invoke-OsoHostile { Connect-OSCloud -Cloud $Cloud -NotDefault }) -ErrorId CloudConfigurationInvalid -Category InvalidArgument -Message 'was not found|is neither a cloud in clouds.yaml'
    }
}

Describe 'Hostile local paths' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
        $Container = "$Prefix-c"
        $null = New-OSContainer -Name $Container -ErrorAction Stop
        $File = Join-Path $Folder 'a.txt'
        Set-Content -Path $File -Value 'hello'
        $null = Send-OSObject -Path $File -Container $Container -Name 'a.txt' -ErrorAction Stop
        $Template = "heat_template_version: 2018-08-31`nresources: {}"
        function Get-ObjectNames { @(Get-OSObject -Container $Container -ErrorAction Stop).Name }
    }
    AfterAll {
        Get-OSContainer -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSContainer -Recurse -Confirm:$false -ErrorAction SilentlyContinue
        Get-OSKeyPair -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSKeyPair -Confirm:$false -ErrorAction SilentlyContinue
        Get-OSImage -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSImage -Confirm:$false -ErrorAction SilentlyContinue
    }

    It '<Label> is <Id>, and nothing is uploaded or created' -ForEach @(
        @{ Label = 'Send-OSObject -Path /dev/zero'; Id = 'NotARegularFile'; Script = { Send-OSObject -Path /dev/zero -Container $Container } }
        @{ Label = 'Send-OSObject -Path a folder without -Recurse'; Id = 'FolderWithoutRecurse'; Script = { Send-OSObject -Path $Folder -Container $Container } }
        @{ Label = 'Send-OSObject -Path a missing file'; Id = 'PathNotFound'; Script = { Send-OSObject -Path (Join-Path $Folder 'none.txt') -Container $Container } }
        @{ Label = 'Send-OSObject -SegmentSizeMB 0.5'; Id = 'ParameterArgumentTransformationError'; Script = { Send-OSObject -Path $File -Container $Container -Name 'half' -SegmentSizeMB 0.5 } }
        @{ Label = 'New-OSKeyPair -PublicKeyFile /dev/zero'; Id = 'NotARegularFile'; Script = { New-OSKeyPair -Name "$Prefix-k" -PublicKeyFile /dev/zero } }
        @{ Label = 'New-OSKeyPair -PublicKeyFile a missing file'; Id = 'PublicKeyFileNotRead'; Script = { New-OSKeyPair -Name "$Prefix-k" -PublicKeyFile (Join-Path $Folder 'none.pub') } }
        @{ Label = 'New-OSKeyPair -PublicKeyFile a folder'; Id = 'PublicKeyFileNotRead'; Script = { New-OSKeyPair -Name "$Prefix-k" -PublicKeyFile $Folder } }
        @{ Label = 'New-OSKeyPair -PrivateKeyFile an existing file'; Id = 'PrivateKeyFileNotCreated'; Script = { New-OSKeyPair -Name "$Prefix-k" -PrivateKeyFile $File } }
        @{ Label = 'New-OSKeyPair -PublicKey garbage'; Id = 'BadRequest'; Script = { New-OSKeyPair -Name "$Prefix-k" -PublicKey 'ssh-rsa !!!notbase64' } }
        @{ Label = 'New-OSKeyPair -PublicKey a private key'; Id = 'PrivateKeyGivenAsPublicKey'; Script = { New-OSKeyPair -Name "$Prefix-k" -PublicKey "-----BEGIN OPENSSH PRIVATE KEY-----`nabc" } }
        @{ Label = 'New-OSImage -Path /dev/zero'; Id = 'NotARegularFile'; Script = { New-OSImage -Name "$Prefix-i" -Path /dev/zero -DiskFormat raw } }
        @{ Label = 'New-OSImage -Path a folder'; Id = 'PathNotFound'; Script = { New-OSImage -Name "$Prefix-i" -Path $Folder -DiskFormat raw } }
        @{ Label = 'New-OSImage -Uri file:///etc/passwd'; Id = 'InvalidImageUri'; Script = { New-OSImage -Name "$Prefix-i" -Uri 'file:///etc/passwd' -DiskFormat raw } }
        @{ Label = 'New-OSStack -TemplateFile /dev/zero'; Id = 'InvalidTemplate'; Script = { New-OSStack -Name "$Prefix-s" -TemplateFile /dev/zero } }
        @{ Label = 'New-OSStack -TemplateFile a folder'; Id = 'InvalidTemplate'; Script = { New-OSStack -Name "$Prefix-s" -TemplateFile $Folder } }
        @{ Label = 'New-OSStack -EnvironmentFile a missing file'; Id = 'InvalidTemplate'; Script = { New-OSStack -Name "$Prefix-s" -Template $Template -EnvironmentFile (Join-Path $Folder 'none.yaml') } }
        @{ Label = 'New-OSStack -Template garbage'; Id = 'InvalidTemplate'; Script = { New-OSStack -Name "$Prefix-s" -Template '{{{{ not yaml' } }
        @{ Label = 'New-OSStack -Parameter not in the template'; Id = 'BadRequest'; Script = { New-OSStack -Name "$Prefix-s" -Template $Template -Parameter @{ nope = 1 } } }
        @{ Label = 'New-OSStack -Name with a slash'; Id = 'BadRequest'; Script = { New-OSStack -Name "$Prefix/../x" -Template $Template } }
    ) {
        $objects = Get-ObjectNames

        Assert-OsoRefusal (Invoke-OsoHostile $Script) -ErrorId $Id

        Get-ObjectNames | Should -Be $objects
        Get-OSKeyPair -Name "$Prefix*" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-OSImage -Name "$Prefix*" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-OSStack -Name "$Prefix*" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'a named pipe as <Parameter> is refused in a fresh pwsh, which exits instead of blocking' -ForEach @(
        @{ Parameter = '-Path'; Call = 'Send-OSObject -Path ''{0}'' -Container ''{1}''' }
        @{ Parameter = '-PublicKeyFile'; Call = 'New-OSKeyPair -Name ''{1}-k'' -PublicKeyFile ''{0}''' }
        @{ Parameter = '-EnvironmentFile'; Call = "New-OSStack -Name '{1}-s' -Template 'heat_template_version: 2018-08-31' -EnvironmentFile '{0}'" }
    ) {
        $run = Invoke-OsoPwsh -TimeoutSec 90 -Script @"
Connect-OSCloud -Cloud los-demo -ErrorAction Stop | Out-Null
$($Call -f $Pipe, $Container) -ErrorVariable e -ErrorAction SilentlyContinue | Out-Null
'refused: ' + `$e[0].FullyQualifiedErrorId
"@
        $run.ExitCode | Should -Be 0
        $run.Output[-1] | Should -Match '^refused: (NotARegularFile|InvalidTemplate),'
    }

    It 'Receive-OSObject -Destination <Label> is DestinationNotWritable, and writes nothing' -ForEach @(
        @{ Label = 'under a file (a.txt/x)'; Destination = 'UnderFile' }
        @{ Label = 'in /proc'; Destination = '/proc/oso-hostile.txt' }
    ) {
        $target = if ($Destination -eq 'UnderFile') { Join-Path $File 'x' } else { $Destination }

        Assert-OsoRefusal (Invoke-OsoHostile { Receive-OSObject -Container $Container -Name a.txt -Destination $target }) -ErrorId DestinationNotWritable -Category WriteError -Message 'Cannot write'

        Test-Path $target | Should -BeFalse
        Get-Content $File | Should -Be 'hello'
    }

    It 'Receive-OSObject -Destination with ../ writes exactly the resolved file, nothing else' {
        $target = Join-Path $Folder 'sub/../b.txt'
        $null = New-Item -ItemType Directory -Path (Join-Path $Folder 'sub') -Force

        $received = Assert-OsoAccepted (Invoke-OsoHostile { Receive-OSObject -Container $Container -Name a.txt -Destination $target })

        $received.FullName | Should -Be (Join-Path $Folder 'b.txt')
        Get-Content (Join-Path $Folder 'b.txt') | Should -Be 'hello'
        Get-ChildItem (Join-Path $Folder 'sub') | Should -BeNullOrEmpty
    }

    It 'Receive-OSObject onto an existing file without -Force is FileExists, and the file is kept' {
        Set-Content -Path (Join-Path $Folder 'keep.txt') -Value 'mine'
        Assert-OsoRefusal (Invoke-OsoHostile { Receive-OSObject -Container $Container -Name a.txt -Destination (Join-Path $Folder 'keep.txt') }) -ErrorId FileExists -Category ResourceExists
        Get-Content (Join-Path $Folder 'keep.txt') | Should -Be 'mine'
    }
}
