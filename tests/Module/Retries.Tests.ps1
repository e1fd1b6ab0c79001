# Retries against a flaky Nova, through a fault proxy of this file's own (tests/fault-proxy): its rules reach only
# this file's requests. What a user relies on: 503s that come and go cost no failure, a request the service may have
# acted on is not sent twice, a Retry-After is honoured, and -Debug shows each retry with its wait.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-Module "$PSScriptRoot/TestSupport/OsoFaultProxy.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
    if (-not $NoCloud -and -not (Test-OsoFaultProxyAvailable) -and $env:OSO_REQUIRE_CLOUD -ne '1') {
        $NoCloud = 'mitmdump is not installed (tests/fault-proxy/up.sh installs it)'
    }
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-Module "$PSScriptRoot/TestSupport/OsoFaultProxy.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    if ($NoCloud) { return }
    $script:proxy = Start-OsoFaultProxy -Services keystone, nova
    $script:publicKey = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFaGwnItjEBI0wv1XSgkfIyfQ3h916Bfq6ofLImF8zID oso-test'
    function Get-Rule([int] $Index = 0) { (Get-OsoFaultStats $proxy).rules[$Index] }
    function Get-DebugLines([scriptblock] $Script) {
        @(& $Script 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message)
    }
}

AfterAll {
    if ($proxy) {
        Use-OsoLocalCloud
        Stop-OsoFaultProxy $proxy
    }
    Use-OsoLocalCloud
}

Describe 'Retries through a flaky Nova' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeEach {
        Set-OsoFaultRules $proxy '[]'
        $null = Connect-OSCloud los-demo-faulty -ErrorAction Stop
    }
    AfterEach {
        Set-OsoFaultRules $proxy '[]'
        Use-OsoLocalCloud
        $env:OS_CLIENT_CONFIG_FILE = $proxy.CloudsYaml
    }

    It '100 flavor listings with 30 % of them answered 503 all succeed, on one token' {
        Set-OsoFaultRules $proxy '[{"service": "nova", "method": "GET", "path": "^/v2.1/flavors", "status": 503, "rate": 0.3}]'

        $failures = 0
        foreach ($i in 1..100) {
            try { $null = Get-OSFlavor -ErrorAction Stop }
            catch { $failures++; Write-Warning "call $i failed: $_" }
        }

        $failures | Should -Be 0
        $rule = Get-Rule
        $rule.injected | Should -BeGreaterThan 0 -Because 'about 30 of the first 100 requests get a 503'
        ($rule.matched - $rule.injected) | Should -Be 100 -Because 'each listing ends with one request that passed, after its retries'
        (Get-OsoFaultStats $proxy).services.keystone.tokens_issued | Should -Be 1 -Because 'a retry reuses the token'
    }

    It 'a burst of eight 503s in a row still gets through, on the ninth attempt' {
        Set-OsoFaultRules $proxy '[{"service": "nova", "method": "GET", "path": "^/v2.1/flavors", "status": 503, "first_n": 8}]'

        $flavors = Get-OSFlavor -ErrorAction Stop

        $flavors | Should -Not -BeNullOrEmpty
        (Get-Rule).matched | Should -Be 9
        (Get-Rule).injected | Should -Be 8
    }

    It '-Debug shows a RETRY line with its wait for each retried 503' {
        Set-OsoFaultRules $proxy '[{"service": "nova", "method": "GET", "path": "^/v2.1/flavors", "status": 503, "first_n": 3}]'

        $debug = Get-DebugLines { Get-OSFlavor -Debug -ErrorAction Stop }

        (Get-Rule).matched | Should -Be 4
        $retries = @($debug | Where-Object { $_ -match '^RETRY \d+/8 in \d+ ms after HTTP 503' })
        $retries | Should -HaveCount 3
        $retries[0] | Should -Match '^RETRY 1/8 in \d+ ms'
        foreach ($line in $retries) { [int]($line -replace '^RETRY \d+/\d+ in (\d+) ms.*', '$1') | Should -BeLessThan 5000 }
    }

    It 'a 429 with Retry-After: 1 is retried after the second asked for, twice, then succeeds' {
        Set-OsoFaultRules $proxy '[{"service": "nova", "method": "GET", "path": "^/v2.1/flavors", "status": 429, "retry_after": 1, "first_n": 2}]'

        $records = @(Get-OSFlavor -Debug -ErrorAction Stop 5>&1)

        @($records | Where-Object { $_ -isnot [System.Management.Automation.DebugRecord] }) | Should -Not -BeNullOrEmpty
        $rule = Get-Rule
        $rule.matched | Should -Be 3
        $rule.injected | Should -Be 2
        $retries = @($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] -and $_.Message -like 'RETRY *' } | ForEach-Object Message)
        $retries | Should -Be @('RETRY 1/8 in 1000 ms after HTTP 429 (Retry-After: 1)', 'RETRY 2/8 in 1000 ms after HTTP 429 (Retry-After: 1)')
    }

    It 'a POST answered 503 is sent again (Nova never saw it) and creates the key pair once' {
        $name = New-OsoName 'oso-retry-kp'
        Set-OsoFaultRules $proxy '[{"service": "nova", "method": "POST", "path": "/os-keypairs$", "status": 503, "first_n": 2}]'
        try {
            $pair = New-OSKeyPair $name -PublicKey $publicKey -Confirm:$false -ErrorAction Stop

            $pair.Name | Should -Be $name
            (Get-Rule).matched | Should -Be 3
            (Get-Rule).injected | Should -Be 2
            @(Get-OSKeyPair $name -ErrorAction Stop) | Should -HaveCount 1
        }
        finally { Remove-OSKeyPair $name -Confirm:$false -ErrorAction SilentlyContinue }
    }

    It 'a POST whose connection is reset after Nova acted is not sent again: the error comes, the key pair exists once' {
        $name = New-OsoName 'oso-retry-kp'
        Set-OsoFaultRules $proxy '[{"service": "nova", "method": "POST", "path": "/os-keypairs$", "reset": true, "phase": "response", "first_n": 1}]'
        try {
            $made = New-OSKeyPair $name -PublicKey $publicKey -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err

            $made | Should -BeNullOrEmpty
            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'CreateOutcomeUnknown*'
            $err[0].Exception.Message | Should -Match 'now exists' -Because 'the module looked the key pair up after the reset'
            (Get-Rule).matched | Should -Be 1 -Because 'the POST was sent once'
            @(Get-OSKeyPair $name -ErrorAction Stop) | Should -HaveCount 1 -Because 'Nova created it before the reset'
        }
        finally { Remove-OSKeyPair $name -Confirm:$false -ErrorAction SilentlyContinue }
    }

    It 'a 503 that lasts gives up after RetryCount retries with an error that says how many attempts were made' {
        Set-OSConfiguration -Scope Session -RetryCount 2 | Out-Null
        try {
            Use-OsoLocalCloud
            $env:OS_CLIENT_CONFIG_FILE = $proxy.CloudsYaml
            $null = Connect-OSCloud los-demo-faulty -ErrorAction Stop
            Set-OsoFaultRules $proxy '[{"service": "nova", "method": "GET", "path": "^/v2.1/flavors", "status": 503}]'

            $flavors = Get-OSFlavor -ErrorAction SilentlyContinue -ErrorVariable err

            $flavors | Should -BeNullOrEmpty
            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'ServiceUnavailable*'
            $err[0].Exception.Attempts | Should -Be 3
            "$err" | Should -Match '3 attempts in [0-9.]+ s; the retry limit \(RetryCount 2\)'
            (Get-Rule).matched | Should -Be 3
        }
        finally { Set-OSConfiguration -Scope Session -Unset RetryCount | Out-Null }
    }
}
