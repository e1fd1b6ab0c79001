# What a failure may have left behind (issue 16): a create whose answer was lost says whether the resource now
# exists (looked up by name, never by sending the POST again); a body cut off is TruncatedResponse with its request
# id; a refused TLS certificate names why; Ctrl+C during a create-and-wait names what was created and how to remove
# it. The faults come from a fault proxy of this file's own (los-demo-faulty); what exists is counted on the direct
# cloud (los-demo).

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
    if (-not $NoCloud -and -not (Get-Command mitmdump -ErrorAction SilentlyContinue) -and $env:OSO_REQUIRE_CLOUD -ne '1') {
        $NoCloud = 'mitmdump is not installed (tests/fault-proxy/up.sh installs it)'
    }
    $NoOpenSsl = if (Get-Command openssl -ErrorAction SilentlyContinue) { $null } else { 'openssl is not installed' }

    # One create per kind of resource, each through the shared create path of its service.
    $creates = @(
        @{ Kind = 'network'; Service = 'neutron'; Path = '/networks$'; Create = { param($n, $c) New-OSNetwork -Name $n -Cloud $c -Confirm:$false -ErrorAction Stop }
           Find = { param($n, $c) Get-OSNetwork -Name $n -Cloud $c -ErrorAction SilentlyContinue }; Remove = { param($id, $c) Remove-OSNetwork $id -Cloud $c -Confirm:$false } }
        @{ Kind = 'security group'; Service = 'neutron'; Path = '/security-groups$'; Create = { param($n, $c) New-OSSecurityGroup -Name $n -Cloud $c -Confirm:$false -ErrorAction Stop }
           Find = { param($n, $c) Get-OSSecurityGroup -Name $n -Cloud $c -ErrorAction SilentlyContinue }; Remove = { param($id, $c) Remove-OSSecurityGroup $id -Cloud $c -Confirm:$false } }
        @{ Kind = 'router'; Service = 'neutron'; Path = '/routers$'; Create = { param($n, $c) New-OSRouter -Name $n -Cloud $c -Confirm:$false -ErrorAction Stop }
           Find = { param($n, $c) Get-OSRouter -Name $n -Cloud $c -ErrorAction SilentlyContinue }; Remove = { param($id, $c) Remove-OSRouter $id -Cloud $c -Confirm:$false } }
        @{ Kind = 'volume'; Service = 'cinder'; Path = '/volumes$'; Create = { param($n, $c) New-OSVolume -Name $n -SizeGB 1 -Cloud $c -Confirm:$false -ErrorAction Stop }
           Find = { param($n, $c) Get-OSVolume -Name $n -Cloud $c -ErrorAction SilentlyContinue }; Remove = { param($id, $c) Remove-OSVolume $id -Cloud $c -Confirm:$false } }
        @{ Kind = 'server'; Service = 'nova'; Path = '/servers$'
           Create = { param($n, $c) New-OSServer -Name $n -Image los-fake-image -Flavor m1.tiny -Network none -Cloud $c -Confirm:$false -ErrorAction Stop }
           Find = { param($n, $c) Get-OSServer -Name $n -Cloud $c -ErrorAction SilentlyContinue }; Remove = { param($id, $c) Remove-OSServer $id -Cloud $c -Confirm:$false } }
        @{ Kind = 'key pair'; Service = 'nova'; Path = '/os-keypairs$'
           Create = { param($n, $c) New-OSKeyPair -Name $n -PrivateKeyFile (Join-Path $TestDrive $n) -Cloud $c -Confirm:$false -ErrorAction Stop }
           Find = { param($n, $c) Get-OSKeyPair -Name $n -Cloud $c -ErrorAction SilentlyContinue }; Remove = { param($id, $c) Remove-OSKeyPair $id -Cloud $c -Confirm:$false } }
    )
    $truncatedCreates = @($creates | Where-Object { $_.Kind -in 'network', 'volume', 'server' })
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-Module "$PSScriptRoot/TestSupport/OsoFaultProxy.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $script:made = [System.Collections.Generic.List[object]]::new()

    # Runs a create expected to fail; returns its error record.
    function Get-CreateError([scriptblock] $Create, [string] $Name) {
        try { & $Create $Name $faulty; $null }
        catch { $_ }
    }
    # What exists under that name on the direct cloud (remembered for the cleanup).
    function Find-Direct($Case, [string] $Name) {
        $found = @(& $Case.Find $Name $direct)
        foreach ($item in $found) { $made.Add([pscustomobject]@{ Case = $Case; Id = $item.Id }) }
        , $found
    }

    $noCloud = Get-OsoCloudSkipReason
    if ($noCloud -or (-not (Get-Command mitmdump -ErrorAction SilentlyContinue) -and $env:OSO_REQUIRE_CLOUD -ne '1')) { return }
    $script:proxy = Start-OsoFaultProxy -Services keystone, nova, neutron, cinder
    $script:direct = Connect-OSCloud -Cloud los-demo -NotDefault -ErrorAction Stop
    $script:faulty = Connect-OSCloud -Cloud los-demo-faulty -NotDefault -ErrorAction Stop
}

AfterAll {
    if ($proxy) { Set-OsoFaultRules $proxy '[]' }
    foreach ($item in $made) { try { & $item.Case.Remove $item.Id $direct } catch { Write-Warning "cleanup of $($item.Id): $_" } }
    Get-OSCloud -ErrorAction SilentlyContinue | Disconnect-OSCloud -Confirm:$false -ErrorAction SilentlyContinue
    Stop-OsoFaultProxy $proxy
}

Describe 'A create whose answer is lost' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'a <Kind>: a reset after the service acted names what now exists, and the POST went out once' -ForEach $creates {
        $name = New-OsoName 'oso-aftermath'
        Set-OsoFaultRules $proxy (@{ service = $Service; method = 'POST'; path = $Path; reset = $true; phase = 'response'; first_n = 1 } | ConvertTo-Json -AsArray -Compress)

        $err = Get-CreateError $Create $name

        $found = Find-Direct $_ $name
        $found.Count | Should -Be 1 -Because 'the service created it once before the connection was reset'
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'CreateOutcomeUnknown,*'
        $err.CategoryInfo.Category | Should -Be 'ResourceExists'
        "$err" | Should -Match 'connection was reset after the request was sent'
        "$err" | Should -Match ([regex]::Escape("a $Kind named '$name' now exists (id $($found[0].Id)): check it before retrying"))
        $err.Exception.FoundIds | Should -Be @($found[0].Id)
        (Get-OsoFaultStats $proxy).rules[0].matched | Should -Be 1 -Because 'a POST is never sent again'
    }

    It 'a <Kind>: a reset before the service saw the request says nothing was created' -ForEach $creates {
        $name = New-OsoName 'oso-aftermath'
        Set-OsoFaultRules $proxy (@{ service = $Service; method = 'POST'; path = $Path; reset = $true; first_n = 1 } | ConvertTo-Json -AsArray -Compress)

        $err = Get-CreateError $Create $name

        (Find-Direct $_ $name).Count | Should -Be 0
        $err.FullyQualifiedErrorId | Should -BeLike 'CreateOutcomeUnknown,*'
        $err.CategoryInfo.Category | Should -Be 'ConnectionError'
        "$err" | Should -Match ([regex]::Escape("no $Kind named '$name' exists, so nothing was created: it is safe to retry"))
        $err.Exception.FoundIds.Count | Should -Be 0
        (Get-OsoFaultStats $proxy).rules[0].matched | Should -Be 1
    }
}

Describe 'A truncated answer' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'a <Kind> create cut off in its body is CreateOutcomeUnknown over TruncatedResponse, with the request id, sent once' -ForEach $truncatedCreates {
        $name = New-OsoName 'oso-aftermath'
        Set-OsoFaultRules $proxy (@{ service = $Service; method = 'POST'; path = $Path; truncate = 0.5; first_n = 1 } | ConvertTo-Json -AsArray -Compress)

        $err = Get-CreateError $Create $name

        $found = Find-Direct $_ $name
        $found.Count | Should -Be 1
        $err.FullyQualifiedErrorId | Should -BeLike 'CreateOutcomeUnknown,*'
        $err.Exception.Cause | Should -BeOfType ([OpenStackOrchestrator.Client.Errors.TruncatedResponseException])
        $err.Exception.RequestId | Should -Match '^req-[0-9a-f-]{36}$'
        "$err" | Should -Match ([regex]::Escape("(request id $($err.Exception.RequestId))"))
        "$err" | Should -Match ([regex]::Escape("now exists (id $($found[0].Id))"))
        (Get-OsoFaultStats $proxy).rules[0].matched | Should -Be 1
    }

    It 'a listing cut off is TruncatedResponse (InvalidResult) naming its request id, after the retries a GET may have' {
        Set-OsoFaultRules $proxy '[{"service": "neutron", "method": "GET", "path": "/networks$", "truncate": 0.5}]'

        $err = try { Get-OSNetwork -Cloud $faulty -ErrorAction Stop; $null } catch { $_ }

        $err.FullyQualifiedErrorId | Should -BeLike 'TruncatedResponse,*'
        $err.CategoryInfo.Category | Should -Be 'InvalidResult'
        $err.Exception.RequestId | Should -Match '^req-[0-9a-f-]{36}$'
        "$err" | Should -Match ([regex]::Escape("request id $($err.Exception.RequestId)"))
        "$err" | Should -Match 'GET http://127\.0\.0\.1:\d+/v2\.0/networks \(HTTP 200\) broke off after \d+ of \d+ bytes'
        (Get-OsoFaultStats $proxy).rules[0].matched | Should -BeGreaterThan 1 -Because 'a GET may be sent again'
    }

    It 'a listing cut off once is retried and succeeds' {
        Set-OsoFaultRules $proxy '[{"service": "neutron", "method": "GET", "path": "/networks$", "truncate": 0.5, "first_n": 1}]'

        $networks = @(Get-OSNetwork -Cloud $faulty -ErrorAction Stop)

        $networks.Count | Should -BeGreaterThan 0
        (Get-OsoFaultStats $proxy).rules[0].injected | Should -Be 1
    }
}

Describe 'Ctrl+C while a create waits' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $script:hangWait = '[{"service": "nova", "method": "GET", "path": "/servers/[0-9a-f-]{36}$", "delay_ms": 60000}]'
    }
    AfterEach { Set-OsoFaultRules $proxy '[]' }

    # Ctrl+C as a user gives it: SIGINT to a real pwsh, whose console host shows the warning (a stopped pipeline
    # refuses writes to its streams, so the warning goes to the host).
    It 'Ctrl+C during New-<Noun> warns with the <Kind>''s name and id and a command that removes it' -ForEach @(
        @{ Kind = 'server'; Noun = 'OSServer'; Service = 'nova'; WaitPath = '/servers/[0-9a-f-]{36}$'; Arguments = '-Image los-fake-image -Flavor m1.tiny -Network none' }
        @{ Kind = 'volume'; Noun = 'OSVolume'; Service = 'cinder'; WaitPath = '/volumes/[0-9a-f-]{36}$'; Arguments = '-SizeGB 1' }
    ) {
        if ($IsWindows) { Set-ItResult -Skipped -Because 'SIGINT is a POSIX signal'; return }
        $name = New-OsoName 'oso-aftermath-stop'
        # The POST passes; the wait for the new resource hangs on the proxy's delayed GETs.
        Set-OsoFaultRules $proxy (@{ service = $Service; method = 'GET'; path = $WaitPath; delay_ms = 60000 } | ConvertTo-Json -AsArray -Compress)
        $script = Join-Path $TestDrive "$name.ps1"
        Set-Content -Path $script -Encoding utf8 -Value @"
`$PSStyle.OutputRendering = 'PlainText'
Import-Module '$(Get-OsoModulePath)' -ErrorAction Stop
`$env:OS_CLIENT_CONFIG_FILE = '$($proxy.CloudsYaml)'
Connect-OSCloud los-demo-faulty -ErrorAction Stop | Out-Null
New-$Noun -Name $name $Arguments -Confirm:`$false
'create-ended'
"@
        $process = Start-OsoInterruptiblePwsh $script
        try {
            $created = try { Wait-OsoCondition -TimeoutSec 60 -Because 'what the POST made' { & "Get-$Noun" -Name $name -Cloud $direct -ErrorAction SilentlyContinue } }
            catch { throw "$_ The script printed: $(Get-OsoScriptOutput $script)" }
            $made.Add([pscustomobject]@{ Case = @{ Remove = [scriptblock]::Create("param(`$id, `$c) Remove-$Noun `$id -Cloud `$c -Confirm:`$false -ErrorAction SilentlyContinue") }; Id = $created.Id })
            # The resource shows in a listing before the POST's answer reaches the module: stop once it is waiting.
            $null = Wait-OsoCondition -TimeoutSec 30 -Because 'the module waits for the new resource' { (Get-OsoFaultStats $proxy).rules[0].matched -ge 1 }
            Start-Sleep -Milliseconds 1500   # a volume's create reads it back once before its wait: let that pass too
            $process.HasExited | Should -BeFalse -Because 'the wait hangs'
            & kill -INT $process.Id
            Wait-OsoProcessExit $process -TimeoutSec 60 | Should -BeTrue -Because 'Ctrl+C ends the script'

            $output = Get-OsoScriptOutput $script
            $output | Should -Not -Match 'create-ended' -Because 'Ctrl+C stopped the script'
            $warning = ($output -split "`r?`n" | Where-Object { $_ -match 'Stopped\.' }) -join "`n"
            $title = $Kind.Substring(0, 1).ToUpper() + $Kind.Substring(1)
            $warning | Should -Match ([regex]::Escape("Stopped. $title '$name' (id $($created.Id)) was created")) -Because "the script printed: $output"
            $warning | Should -Match ([regex]::Escape("remove it with: Remove-$Noun $($created.Id) -Cloud los-demo-faulty"))
        }
        finally { if (-not $process.HasExited) { $process.Kill() } }

        Set-OsoFaultRules $proxy '[]'
        $command = [regex]::Match($warning, 'remove it with: (.+)$', 'Multiline').Groups[1].Value
        Invoke-Expression "$command -Confirm:`$false"
        Wait-OsoCondition -TimeoutSec 60 -Because 'the command in the warning removes it' { -not (& "Get-$Noun" -Name $name -Cloud $direct -ErrorAction SilentlyContinue) } | Should -BeTrue
    }

    It 'Ctrl+C at a console prints the warning and gives the prompt back' {
        if (-not (Get-Command tmux -ErrorAction SilentlyContinue)) { Set-ItResult -Skipped -Because 'tmux is not installed'; return }
        # tmux needs pseudo-terminals (/dev/pts): a container without them cannot run a console at all.
        $session = try { Start-OsoTmux -Width 250 } catch { $why = "$_"; $null }
        if (-not $session) { Set-ItResult -Skipped -Because "tmux cannot start a terminal here: $why"; return }
        $name = New-OsoName 'oso-aftermath-stop'
        Set-OsoFaultRules $proxy $hangWait
        try {
            Send-OsoTmuxKeys $session "`$env:OS_CLIENT_CONFIG_FILE = '$($proxy.CloudsYaml)'; Connect-OSCloud los-demo-faulty | Out-Null; New-OSServer -Name $name -Image los-fake-image -Flavor m1.tiny -Network none -Confirm:`$false" -Literal
            Send-OsoTmuxKeys $session Enter
            $server = Wait-OsoCondition -TimeoutSec 60 -Because 'the server the POST made' { Get-OSServer -Name $name -Cloud $direct -ErrorAction SilentlyContinue }
            $made.Add([pscustomobject]@{ Case = @{ Remove = { param($id, $c) Remove-OSServer $id -Cloud $c -Confirm:$false } }; Id = $server.Id })
            Send-OsoTmuxKeys $session C-c
            Send-OsoTmuxKeys $session "'back-' + (6*7)" -Literal
            Send-OsoTmuxKeys $session Enter
            $screen = Wait-OsoCondition -TimeoutSec 30 -Because 'the prompt after Ctrl+C' { $s = Get-OsoTmuxScreen $session; if ($s -match 'back-42') { $s } }
            ($screen -replace '\s*\n\s*', ' ') | Should -Match ([regex]::Escape("WARNING: Stopped. Server '$name' (id $($server.Id)) was created"))
            $screen | Should -Match ([regex]::Escape("Remove-OSServer $($server.Id) -Cloud los-demo-faulty"))
        }
        finally { Stop-OsoTmux $session }
    }
}

Describe 'A refused TLS certificate names why' -Skip:([bool]$NoOpenSsl) {
    BeforeAll {
        $script:pki = Join-Path $TestDrive 'pki'
        $null = New-Item -ItemType Directory $pki
        function Invoke-OpenSsl {
            $out = & openssl @args 2>&1
            if ($LASTEXITCODE) { throw "openssl $($args -join ' ') failed: $out" }
        }
        $ec = @('-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes')
        Push-Location $pki
        try {
            Set-Content ca.ext "basicConstraints=critical,CA:TRUE`nkeyUsage=critical,keyCertSign,cRLSign"
            Set-Content ip.ext 'subjectAltName=IP:127.0.0.1'
            Set-Content other.ext 'subjectAltName=DNS:wrong.example'
            Invoke-OpenSsl req -x509 @ec -keyout ca.key -out ca.crt -days 30 -subj '/CN=OSO Test Root CA' -addext 'basicConstraints=critical,CA:TRUE' -addext 'keyUsage=critical,keyCertSign,cRLSign'
            Invoke-OpenSsl req @ec -keyout int.key -out int.csr -subj '/CN=OSO Test Intermediate CA'
            Invoke-OpenSsl x509 -req -in int.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out int.crt -days 30 -extfile ca.ext
            Invoke-OpenSsl req @ec -keyout leaf.key -out leaf.csr -subj '/CN=127.0.0.1'
            Invoke-OpenSsl x509 -req -in leaf.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out good.crt -days 30 -extfile ip.ext
            Invoke-OpenSsl req -new -key leaf.key -out other.csr -subj '/CN=wrong.example'
            Invoke-OpenSsl x509 -req -in other.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out wronghost.crt -days 30 -extfile other.ext
            Invoke-OpenSsl x509 -req -in leaf.csr -CA int.crt -CAkey int.key -CAcreateserial -out byintermediate.crt -days 30 -extfile ip.ext
            Invoke-OpenSsl req -x509 -key leaf.key -out selfsigned.crt -days 30 -subj '/CN=127.0.0.1' -addext 'subjectAltName=IP:127.0.0.1'
            # Validity dates in the past and in the future: openssl ca takes them as given.
            $null = New-Item -ItemType Directory newcerts
            $null = New-Item -ItemType File index.txt
            Set-Content serial '1000'
            Set-Content ca.cnf @"
[ ca ]
default_ca = test
[ test ]
dir = $pki
database = $pki/index.txt
new_certs_dir = $pki/newcerts
serial = $pki/serial
default_md = sha256
policy = any
unique_subject = no
[ any ]
commonName = supplied
"@
            Invoke-OpenSsl ca -batch -config ca.cnf -cert ca.crt -keyfile ca.key -in leaf.csr -out expired.crt -notext -extfile ip.ext -startdate 200101000000Z -enddate 210101000000Z
            Invoke-OpenSsl ca -batch -config ca.cnf -cert ca.crt -keyfile ca.key -in leaf.csr -out notyet.crt -notext -extfile ip.ext -startdate 450101000000Z -enddate 460101000000Z
        }
        finally { Pop-Location }

        # Connect-OSCloud to an s_server with that certificate; returns the error (or $null when it connected).
        function Get-ConnectError([string] $Certificate, [string[]] $Chain, [bool] $TrustCa) {
            # A random port below the shared fault proxy's (15000-19696), the test proxies' (25000 up) and the ephemeral
            # ones; one in use (s_server exits at once) is passed over.
            $listening = $null
            foreach ($attempt in 1..5) {
                $port = Get-Random -Minimum 10000 -Maximum 15000
                if (Test-OsoPort $port) { continue }
                $serverArgs = @('s_server', '-accept', "127.0.0.1:$port", '-cert', (Join-Path $pki $Certificate), '-key', (Join-Path $pki 'leaf.key'), '-www', '-quiet')
                if ($Chain) { $serverArgs += @('-cert_chain', (Join-Path $pki $Chain)) }
                $server = Start-Process openssl -ArgumentList $serverArgs -PassThru -RedirectStandardInput /dev/null -RedirectStandardOutput (Join-Path $pki "s$port.log") -RedirectStandardError (Join-Path $pki "s$port.err")
                $listening = Wait-OsoCondition -TimeoutSec 30 -Because 'openssl s_server listens or exits' { if (Test-OsoPort $port) { 'listening' } elseif ($server.HasExited) { 'exited' } }
                if ($listening -eq 'listening') { break }
            }
            if ($listening -ne 'listening') { throw "openssl s_server did not listen on a free port in 5 tries: $(Get-Content (Join-Path $pki "s$port.err") -Raw -ErrorAction SilentlyContinue)" }
            $savedConfig = $env:OS_CLIENT_CONFIG_FILE
            try {
                $yaml = Join-Path $pki "clouds$port.yaml"
                $cacert = if ($TrustCa) { "`n    cacert: $(Join-Path $pki 'ca.crt')" } else { '' }
                Set-Content $yaml @"
clouds:
  tls-test:
    auth:
      auth_url: https://127.0.0.1:$port/v3
      username: u
      password: not-the-password
      project_name: p
      user_domain_name: Default
      project_domain_name: Default$cacert
"@
                $env:OS_CLIENT_CONFIG_FILE = $yaml
                try { $null = Connect-OSCloud tls-test -NotDefault -TimeoutSec 10 -ErrorAction Stop; $null } catch { $_ }
            }
            finally {
                $env:OS_CLIENT_CONFIG_FILE = $savedConfig
                Stop-Process -Id $server.Id -ErrorAction SilentlyContinue
            }
        }
    }

    It '<Case>: ServiceUnreachable says "<Expect>"' -ForEach @(
        @{ Case = 'a certificate for another host name'; Certificate = 'wronghost.crt'; Chain = $null; TrustCa = $true; Expect = "host name mismatch: the certificate is for 'wrong.example', not '127.0.0.1'" }
        @{ Case = 'an expired certificate'; Certificate = 'expired.crt'; Chain = $null; TrustCa = $true; Expect = 'the certificate expired on 2021-01-01 00:00 UTC' }
        @{ Case = 'a certificate not yet valid'; Certificate = 'notyet.crt'; Chain = $null; TrustCa = $true; Expect = 'the certificate is not yet valid (valid from 2045-01-01 00:00 UTC)' }
        @{ Case = 'a self-signed certificate'; Certificate = 'selfsigned.crt'; Chain = $null; TrustCa = $false; Expect = "the certificate is self-signed ('CN=127.0.0.1') and not trusted" }
        @{ Case = 'a certificate from an untrusted CA'; Certificate = 'good.crt'; Chain = 'ca.crt'; TrustCa = $false; Expect = "untrusted root: the chain ends at 'CN=OSO Test Root CA', which is not a trusted CA" }
        @{ Case = 'a leaf sent without its intermediate'; Certificate = 'byintermediate.crt'; Chain = $null; TrustCa = $true; Expect = "partial chain: the issuer 'CN=OSO Test Intermediate CA' is neither sent by the server nor trusted here" }
    ) {
        $err = Get-ConnectError -Certificate $Certificate -Chain $Chain -TrustCa $TrustCa

        $err.FullyQualifiedErrorId | Should -BeLike 'ServiceUnreachable,*'
        "$err" | Should -Match 'TLS certificate was refused'
        "$err" | Should -Match ([regex]::Escape($Expect))
        $err.Exception.CertificateProblem | Should -Match ([regex]::Escape($Expect))
        "$err" | Should -Not -Match 'not-the-password'
    }

    It 'the same leaf sent with its intermediate, under the trusted root, passes the TLS check' {
        $err = Get-ConnectError -Certificate 'byintermediate.crt' -Chain 'int.crt' -TrustCa $true

        # s_server is no Keystone: what fails now is what came after the handshake.
        $err | Should -Not -BeNullOrEmpty
        "$err" | Should -Not -Match 'certificate'
    }
}
