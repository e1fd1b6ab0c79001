# Get- cmdlets over several clouds ask them all at once, yet write in cloud order. The clouds are the local cloud,
# connected directly (los-admin, los-demo) and through a fault proxy of this file's own (los-*-slow via 127.0.0.1,
# los-*-slow2 via localhost: four distinct connections), so that its delays and errors reach only the proxied
# clouds and never another test file's requests (the shared proxy's rules belong to whoever set them last).

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
    if (-not $NoCloud -and -not (Get-Command mitmdump -ErrorAction SilentlyContinue) -and $env:OSO_REQUIRE_CLOUD -ne '1') {
        $NoCloud = 'mitmdump is not installed (tests/fault-proxy/up.sh installs it)'
    }
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $faultProxy = Join-Path (Get-OsoRepoRoot) 'tests/fault-proxy'
    $script:proxyDir = Join-Path ([System.IO.Path]::GetTempPath()) (New-OsoName 'oso-fanout-proxy')
    $savedProxyDir = $env:FAULT_PROXY_DIR
    $env:FAULT_PROXY_DIR = $proxyDir

    function Set-ProxyRules([string] $Json) {
        $out = & "$faultProxy/fault.sh" set $Json 2>&1
        if ($LASTEXITCODE) { throw "fault.sh set failed: $out" }
    }
    function Get-ProxyRule([int] $Index) {
        (Get-Content (Join-Path $proxyDir 'stats.json') -Raw | ConvertFrom-Json).rules[$Index]
    }
    # The script's output and errors (-ErrorAction Continue lets them through), and the time it took.
    function Measure-Seconds([scriptblock] $Script) {
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $all = @(& $Script 2>&1)
        $seconds = $watch.Elapsed.TotalSeconds
        [pscustomobject]@{
            Seconds = $seconds
            Output  = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
            Errors  = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        }
    }
    # What the sequential version wrote: each cloud's output, one cloud after the other.
    function Get-OneByOne([scriptblock] $Get, [string[]] $Clouds) { foreach ($c in $Clouds) { & $Get $c } }
    function Get-Rows($Items) { @($Items | ForEach-Object { '{0} {1}' -f $_.Cloud.Name, $_.Id }) }
    # The rows of $Items whose ids $Other has too: other test files may create or delete networks in between.
    # A row is a cloud and an id: a network made in between may be seen by one cloud's listing and not another's.
    function Get-CommonRows($Items, $Other) {
        $others = @(Get-Rows $Other)
        $rows = @(Get-Rows $Items | Where-Object { $_ -in $others })
        $rows.Count | Should -BeGreaterThan 0 -Because 'the two listings share at least the public network'
        $rows
    }

    if ($NoCloud) { return }
    # A port offset whose keystone, nova and neutron ports are free (up.sh refuses taken ports).
    $started = $false
    foreach ($attempt in 1..5) {
        $offset = Get-Random -Minimum 20000 -Maximum 29000
        if ((5000, 8774, 9696).Where({ Test-OsoPort ($_ + $offset) })) { continue }
        $env:FAULT_PROXY_OFFSET = $offset
        $env:FAULT_PROXY_SERVICES = 'keystone nova neutron'
        $env:FAULT_CLOUDS_YAML = Join-Path $proxyDir 'clouds-faulty.yaml'
        $log = & bash "$faultProxy/up.sh" 2>&1
        if (-not $LASTEXITCODE) { $started = $true; break }
        & bash "$faultProxy/down.sh" *> $null
    }
    if (-not $started) { throw "The test's fault proxy did not start: $log" }
    $keystone = 5000 + $offset

    # The local cloud's clouds.yaml, plus its clouds again through the proxy under two host names.
    $source = "`n" + (Get-Content (Get-OsoCloudsYaml) -Raw)
    $entries = $source.Substring($source.IndexOf("`nclouds:") + "`nclouds:".Length)
    function Convert-Entries([string] $Suffix, [string] $AuthUrl) {
        ($entries -replace '(?m)^  ([A-Za-z0-9_.-]+):', "  `${1}$Suffix`:") -replace '(?m)^(\s+auth_url:\s*)\S+', "`${1}$AuthUrl"
    }
    $script:cloudsYaml = Join-Path $proxyDir 'clouds.yaml'
    Set-Content -Path $cloudsYaml -Encoding utf8 -Value ("clouds:" + $entries.TrimEnd() +
        (Convert-Entries '-slow' "http://127.0.0.1:$keystone/v3").TrimEnd() +
        (Convert-Entries '-slow2' "http://localhost:$keystone/v3").TrimEnd() + "`n")
    $env:OS_CLIENT_CONFIG_FILE = $cloudsYaml
    $script:slow = 'los-demo-slow', 'los-admin-slow', 'los-demo-slow2', 'los-admin-slow2'
    foreach ($name in 'los-admin', 'los-demo') { $null = Connect-OSCloud $name -NotDefault -ErrorAction Stop }
    foreach ($name in $slow) {   # the default clouds
        try { $null = Connect-OSCloud $name -ErrorAction Stop }
        catch {
            # Seen once in CI: the proxy listened when up.sh checked, then refused. Its logs say why; one restart.
            $logs = Get-ChildItem (Join-Path $proxyDir 'logs') -Filter *.log -ErrorAction SilentlyContinue | ForEach-Object { "--- $($_.Name)"; Get-Content $_.FullName -Tail 15 }
            Write-Warning "Connecting $name through the test's fault proxy failed ($($_.Exception.Message)); restarting it. Its logs:`n$($logs -join "`n")"
            & bash "$faultProxy/down.sh" *> $null
            $log = & bash "$faultProxy/up.sh" 2>&1
            if ($LASTEXITCODE) { throw "The test's fault proxy did not start again: $log" }
            $null = Connect-OSCloud $name -ErrorAction Stop
        }
    }
}

AfterAll {
    if (Test-Path $proxyDir) {
        & bash "$faultProxy/down.sh" *> $null
        Remove-Item $proxyDir -Recurse -Force -ErrorAction SilentlyContinue
    }
    $env:FAULT_PROXY_DIR = $savedProxyDir
    Remove-Item Env:FAULT_PROXY_OFFSET, Env:FAULT_PROXY_SERVICES, Env:FAULT_CLOUDS_YAML -ErrorAction SilentlyContinue
    Use-OsoLocalCloud
}

Describe 'Listing several clouds at once' -Tag Cloud -Skip:([bool]$NoCloud) {
    AfterEach { Set-ProxyRules '[]' }

    It 'four default clouds whose listings each wait 3 s take about 3 s in all, not 12' {
        $order = @($DefaultOSClouds.Name)
        $order | Should -HaveCount 4
        $expected = Get-OneByOne { param($c) Get-OSNetwork -Cloud $c -ErrorAction Stop } $order
        Set-ProxyRules '[{"service": "neutron", "method": "GET", "path": "^/v2.0/networks$", "delay_ms": 3000}]'

        $run = Measure-Seconds { Get-OSNetwork -ErrorAction Stop }

        (Get-ProxyRule 0).injected | Should -Be 4 -Because 'every cloud''s listing was held 3 s'
        $run.Seconds | Should -BeGreaterThan 2.9
        $run.Seconds | Should -BeLessThan 7.5 -Because 'one after another they take 12 s'
        Get-CommonRows $run.Output $expected | Should -Be (Get-CommonRows $expected $run.Output)
        @($run.Output.Cloud.Name | Select-Object -Unique) | Should -Be $order
    }

    It 'the output is in cloud order when the first cloud answers last' {
        $clouds = 'los-demo-slow', 'los-admin', 'los-demo'
        $expected = Get-OneByOne { param($c) Get-OSNetwork -Cloud $c -ErrorAction Stop } $clouds
        Set-ProxyRules '[{"service": "neutron", "method": "GET", "path": "^/v2.0/networks$", "delay_ms": 1500}]'

        $networks = Get-OSNetwork -Cloud $clouds -ErrorAction Stop

        (Get-ProxyRule 0).injected | Should -Be 1
        Get-CommonRows $networks $expected | Should -Be (Get-CommonRows $expected $networks)
        $networks[0].Cloud.Name | Should -Be 'los-demo-slow'
    }

    It '-First, -Skip and -IncludeTotalCount count across the clouds in cloud order' {
        # Key pairs of this test's own: other test files create and delete flavors and networks while it runs.
        $prefix = New-OsoName 'oso-fanout-page'
        $publicKey = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFaGwnItjEBI0wv1XSgkfIyfQ3h916Bfq6ofLImF8zID oso-test'
        $made = @(foreach ($i in 1..2) { @{ Name = "$prefix-a$i"; Cloud = 'los-admin' } }) + @(foreach ($i in 1..3) { @{ Name = "$prefix-d$i"; Cloud = 'los-demo' } })
        try {
            foreach ($k in $made) { $null = New-OSKeyPair $k.Name -PublicKey $publicKey -Cloud $k.Cloud -Confirm:$false -ErrorAction Stop }
            $clouds = 'los-admin', 'los-demo-slow', 'los-demo'
            $all = @(Get-OneByOne { param($c) Get-OSKeyPair "$prefix*" -Cloud $c -ErrorAction Stop } $clouds)
            $all | Should -HaveCount 8 -Because 'the admin has two, and the demo user three seen through two clouds'

            $first = Get-OSKeyPair "$prefix*" -Cloud $clouds -First 3 -ErrorAction Stop
            $first | Should -HaveCount 3
            Get-Rows $first | Should -Be (Get-Rows $all[0..2])
            Get-Rows (Get-OSKeyPair "$prefix*" -Cloud $clouds -Skip 2 -First 2 -ErrorAction Stop) | Should -Be (Get-Rows $all[2..3])
            $counted = @(Get-OSKeyPair "$prefix*" -Cloud $clouds -First 1 -IncludeTotalCount -ErrorAction Stop)
            $counted | Should -HaveCount 2
            $counted[1] | Should -Match 'Total count: 8'
        }
        finally {
            foreach ($k in $made) { Remove-OSKeyPair $k.Name -Cloud $k.Cloud -Confirm:$false -ErrorAction SilentlyContinue }
        }
    }

    It '-First satisfied by the first cloud cancels the slow one instead of waiting for it' {
        Set-ProxyRules '[{"service": "neutron", "method": "GET", "path": "^/v2.0/networks$", "delay_ms": 20000}]'

        $run = Measure-Seconds { Get-OSNetwork -Cloud los-admin, los-demo-slow -First 1 -ErrorAction Stop }

        $run.Output | Should -HaveCount 1
        $run.Output[0].Cloud.Name | Should -Be 'los-admin'
        $run.Seconds | Should -BeLessThan 5 -Because 'its listing is held 20 s'
    }

    It 'an error from one cloud is written in its place and the other clouds'' items all come' {
        $clouds = 'los-admin', 'los-demo-slow', 'los-demo'
        $expected = Get-OneByOne { param($c) Get-OSNetwork -Cloud $c -ErrorAction Stop } 'los-admin', 'los-demo'
        Set-ProxyRules '[{"service": "neutron", "method": "GET", "path": "^/v2.0/networks$", "status": 403}]'

        $all = @(Get-OSNetwork -Cloud $clouds -ErrorAction Continue 2>&1)

        $errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors | Should -HaveCount 1
        $errors[0].TargetObject | Should -Be 'los-demo-slow'
        $errors[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $items = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
        Get-CommonRows $items $expected | Should -Be (Get-CommonRows $expected $items)
        $adminCount = @($items | Where-Object { $_.Cloud.Name -eq 'los-admin' }).Count
        [array]::IndexOf($all, $errors[0]) | Should -Be $adminCount -Because 'the error comes after the first cloud''s items, before the third''s'
    }

    It 'PowerShell.Stop() cancels every cloud''s request at once' {
        Set-ProxyRules '[{"service": "neutron", "method": "GET", "path": "^/v2.0/networks$", "delay_ms": 30000}]'
        $ps = [powershell]::Create()
        try {
            # Connections belong to a runspace: this one opens its own.
            $connect = ($slow | ForEach-Object { "`$null = Connect-OSCloud $_ -NotDefault -ErrorAction Stop" }) -join '; '
            $null = $ps.AddScript("Import-Module '$(Get-OsoModulePath)' -ErrorAction Stop; $connect; Get-OSNetwork -Cloud $($slow -join ',')")
            $async = $ps.BeginInvoke()
            $null = Wait-OsoCondition -TimeoutSec 30 -IntervalMs 100 -Because 'the four listings at the proxy' { try { (Get-ProxyRule 0).matched -eq 4 } catch { $false } }
            $async.IsCompleted | Should -BeFalse
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 3 -Because 'the cmdlet returns only once every request has ended'
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $ps.Dispose() }
    }
}

Describe 'Looking up ids and names in several clouds at once' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $script:adminNetwork = New-OSNetwork (New-OsoName 'oso-fanout') -Cloud los-admin -ErrorAction Stop
        $script:keyPairName = New-OsoName 'oso-fanout-kp'
        $publicKey = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFaGwnItjEBI0wv1XSgkfIyfQ3h916Bfq6ofLImF8zID oso-test'
        $null = New-OSKeyPair $keyPairName -PublicKey $publicKey -Cloud los-demo -Confirm:$false -ErrorAction Stop
    }
    AfterAll {
        Set-ProxyRules '[]'
        if ($adminNetwork) { $adminNetwork | Remove-OSNetwork -Confirm:$false -ErrorAction SilentlyContinue }
        Remove-OSKeyPair $keyPairName -Cloud los-demo -Confirm:$false -ErrorAction SilentlyContinue
    }
    AfterEach { Set-ProxyRules '[]' }

    It 'each id comes from the first cloud that has it, all ids and clouds asked at once' {
        $public = Get-OSNetwork public -Cloud los-demo -ErrorAction Stop
        $missing = [guid]::NewGuid().ToString()
        Set-ProxyRules '[{"service": "neutron", "method": "GET", "path": "^/v2.0/networks/[^/]+$", "delay_ms": 3000}]'

        $run = Measure-Seconds { Get-OSNetwork -Id $adminNetwork.Id, $public.Id, $missing -Cloud los-demo-slow, los-admin-slow -ErrorAction Continue }

        (Get-ProxyRule 0).matched | Should -Be 6
        $run.Seconds | Should -BeLessThan 7.5 -Because 'one id after another, cloud after cloud, they take 15 s'
        (Get-Rows $run.Output) | Should -Be @("los-admin-slow $($adminNetwork.Id)", "los-demo-slow $($public.Id)")
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].TargetObject | Should -Be $missing
        $run.Errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'an exact name comes from every cloud that has it, in cloud order; a name none has is one error' {
        $missing = New-OsoName 'oso-fanout-none'
        Set-ProxyRules '[{"service": "nova", "method": "GET", "path": "^/v2.1/os-keypairs/", "delay_ms": 3000}]'

        $run = Measure-Seconds { Get-OSKeyPair $keyPairName, $missing -Cloud $slow -ErrorAction Continue }

        (Get-ProxyRule 0).matched | Should -Be 8
        $run.Seconds | Should -BeLessThan 7.5 -Because 'one name after another, cloud after cloud, they take 24 s'
        @($run.Output.Cloud.Name) | Should -Be @('los-demo-slow', 'los-demo-slow2')
        @($run.Output.Name | Select-Object -Unique) | Should -Be $keyPairName
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'NameNotFound*'
        "$($run.Errors[0])" | Should -Match ([regex]::Escape($missing))
    }
}
