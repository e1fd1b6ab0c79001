# Key pairs generated and imported through the cmdlets, checked against Nova and ssh-keygen (listing and removing: KeyPairListing.Tests.ps1).

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $PSStyle.OutputRendering = 'PlainText'
    $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
    $script:prefix = New-OsoName 'oso-kp'
    $script:folder = Join-Path ([System.IO.Path]::GetTempPath()) (New-OsoName 'oso-kp')
    $null = New-Item -ItemType Directory -Path $folder

    function Invoke-SshKeygen {
        $output = & ssh-keygen @args 2>&1
        if ($LASTEXITCODE) { throw "ssh-keygen $args failed: $output" }
        ($output -join "`n").Trim()
    }
    <# "aa:bb:..." as Nova writes fingerprints: ssh-keygen's MD5 one without the prefix. #>
    function Get-Md5Fingerprint([string] $KeyFile) { ((Invoke-SshKeygen -l -E md5 -f $KeyFile) -split ' ')[1] -replace '^MD5:' }
    <# "ssh-rsa AAAA..." without the comment. #>
    function Get-KeyAndType([string] $Line) { ($Line.Trim() -split ' ' | Select-Object -First 2) -join ' ' }
    function Get-Stored([string] $Name) { Get-OSKeyPair -Name $Name -ErrorAction Stop }
    function Get-DebugAndOutput([scriptblock] $Script) {
        $all = & { $DebugPreference = 'Continue'; & $Script } 5>&1
        [pscustomobject]@{
            Debug  = @($all | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message)
            Output = @($all | Where-Object { $_ -isnot [System.Management.Automation.DebugRecord] })
        }
    }
}

AfterAll {
    Get-OSKeyPair -Name "$prefix*" -ErrorAction SilentlyContinue | Remove-OSKeyPair -Confirm:$false -ErrorAction SilentlyContinue
    Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'New-OSKeyPair' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'saves a generated key with -PrivateKeyFile owner-only, and it is the key Nova stores' {
        $name = "$prefix-gen"
        $file = Join-Path $folder "$name.pem"
        $created = New-OSKeyPair -Name $name -PrivateKeyFile $file -Confirm:$false -ErrorAction Stop

        $created.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.KeyPair'
        $created.PrivateKey | Should -BeNullOrEmpty
        if (-not $IsWindows) { (Get-Item $file).UnixMode | Should -Be '-rw-------' }
        Get-Content $file -Raw | Should -BeLike '-----BEGIN RSA PRIVATE KEY-----*'
        $stored = Get-Stored $name
        $stored.Fingerprint | Should -Be (Get-Md5Fingerprint $file)
        $stored.Fingerprint | Should -Be $created.Fingerprint
        Get-KeyAndType $stored.PublicKey | Should -Be (Invoke-SshKeygen -y -f $file)
        Invoke-SshKeygen -l -f $file | Should -BeLike '4096 *'
        $stored.Type | Should -Be 'ssh'
        $stored.Created | Should -Not -BeNullOrEmpty
        $stored.UserId | Should -Not -BeNullOrEmpty
    }

    It 'without a file returns the private key once, and never shows it in debug lines' {
        $name = "$prefix-once"
        $run = Get-DebugAndOutput { New-OSKeyPair $name -Confirm:$false -ErrorAction Stop }
        $privateKey = $run.Output[0].PrivateKey
        $privateKey | Should -BeLike '-----BEGIN RSA PRIVATE KEY-----*'
        $run.Debug | Should -Not -BeNullOrEmpty
        $keyLine = ($privateKey -split "`n")[1]
        $run.Debug | Where-Object { $_ -match 'PRIVATE KEY' -or $_.Contains($keyLine) } | Should -BeNullOrEmpty
        $keyFile = Join-Path $folder 'once.pem'
        Set-Content -Path $keyFile -Value $privateKey -NoNewline
        if (-not $IsWindows) { chmod 600 $keyFile }
        (Get-Stored $name).Fingerprint | Should -Be (Get-Md5Fingerprint $keyFile)
        (Get-Stored $name).PrivateKey | Should -BeNullOrEmpty
    }

    It 'a private key Nova generates (microversion below 2.92) is redacted in debug lines' {
        $name = "$prefix-nova"
        $body = @{ keypair = @{ name = $name } }
        $run = Get-DebugAndOutput { (Invoke-OSApiRequest -Service compute -Path /os-keypairs -Method POST -Body $body -Microversion 2.91 -Confirm:$false -ErrorAction Stop).keypair.private_key }
        $run.Output[0] | Should -Match 'PRIVATE KEY-----'
        $run.Debug | Where-Object { $_.Contains('"private_key": "***"') } | Should -Not -BeNullOrEmpty
        $run.Debug | Where-Object { $_ -match 'PRIVATE KEY' } | Should -BeNullOrEmpty
    }

    It 'imports a public key from a file or a string' {
        $fromFile = "$prefix-file"
        $fromText = "$prefix-text"
        $keyFile = Join-Path $folder 'id_ed25519'
        $null = Invoke-SshKeygen -q -t ed25519 -N '' -C oso-test -f $keyFile
        $publicKey = (Get-Content "$keyFile.pub" -Raw).Trim()

        $imported = New-OSKeyPair -Name $fromFile -PublicKeyFile "$keyFile.pub" -Confirm:$false -ErrorAction Stop
        $null = New-OSKeyPair -Name $fromText -PublicKey $publicKey -Confirm:$false -ErrorAction Stop

        $imported.PublicKey | Should -Be $publicKey
        $imported.PrivateKey | Should -BeNullOrEmpty
        $imported.Fingerprint | Should -Be (Get-Md5Fingerprint "$keyFile.pub")
        (Get-Stored $fromText).Fingerprint | Should -Be $imported.Fingerprint
    }

    It 'refuses a private key given as the public key before anything is sent' {
        $name = "$prefix-priv"
        $keyFile = Join-Path $folder 'id_rsa_given'
        $null = Invoke-SshKeygen -q -t rsa -b 2048 -N '' -f $keyFile

        # Dot-sourced, so that -ErrorVariable sets $refused here.
        $all = . { $DebugPreference = 'Continue'; New-OSKeyPair -Name $name -PublicKeyFile $keyFile -Confirm:$false -ErrorVariable refused -ErrorAction SilentlyContinue } 5>&1
        $DebugPreference = 'SilentlyContinue'
        $run = [pscustomobject]@{ Debug = @($all | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message) }

        $refused | Should -HaveCount 1
        $refused[0].FullyQualifiedErrorId | Should -Be 'PrivateKeyGivenAsPublicKey,OpenStackOrchestrator.Cmdlets.Compute.NewOSKeyPairCommand'
        $run.Debug | Where-Object { $_ -match 'os-keypairs' } | Should -BeNullOrEmpty
        Get-OSKeyPair -Name $name -ErrorVariable gone -ErrorAction SilentlyContinue
        $gone[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'a duplicate name is a Conflict with Nova''s message, and leaves no key file' {
        $name = "$prefix-dup"
        $null = New-OSKeyPair -Name $name -Confirm:$false -ErrorAction Stop
        $file = Join-Path $folder 'dup.pem'

        New-OSKeyPair -Name $name -PrivateKeyFile $file -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue

        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be 'Conflict,OpenStackOrchestrator.Cmdlets.Compute.NewOSKeyPairCommand'
        $e[0].ToString() | Should -Match ([regex]::Escape("Key pair '$name' already exists"))
        Test-Path $file | Should -BeFalse
    }

    It 'never overwrites an existing private key file, and makes no key pair then' {
        $name = "$prefix-exists"
        $file = Join-Path $folder 'exists.pem'
        Set-Content -Path $file -Value 'keep me' -NoNewline

        New-OSKeyPair -Name $name -PrivateKeyFile $file -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue

        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be 'PrivateKeyFileNotCreated,OpenStackOrchestrator.Cmdlets.Compute.NewOSKeyPairCommand'
        Get-Content $file -Raw | Should -Be 'keep me'
        Get-OSKeyPair -Name $name -ErrorVariable gone -ErrorAction SilentlyContinue
        $gone[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}
