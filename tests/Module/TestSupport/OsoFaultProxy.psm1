# A fault proxy (tests/fault-proxy) of the calling test file's own, on a random free port offset, so that its rules
# reach only that file's requests (the shared proxy's rules belong to whoever set them last).
#
#   BeforeAll { Import-Module "$PSScriptRoot/TestSupport/OsoFaultProxy.psm1" -Force
#               $script:proxy = Start-OsoFaultProxy -Services keystone, nova, neutron }
#   It '...' { Set-OsoFaultRules $proxy '[{"service": "nova", "status": 503, "rate": 0.3}]'
#              Connect-OSCloud los-demo-faulty ...   # clouds.yaml: $proxy.CloudsYaml (OS_CLIENT_CONFIG_FILE is set)
#              (Get-OsoFaultStats $proxy).rules[0].matched }
#   AfterAll { Stop-OsoFaultProxy $proxy }

Import-Module "$PSScriptRoot/OsoTest.psm1"
$script:FaultProxyRoot = (Resolve-Path "$PSScriptRoot/../../fault-proxy").Path

function Test-OsoFaultProxyAvailable { [bool](Get-Command mitmdump -ErrorAction SilentlyContinue) }

<#
.SYNOPSIS
    Starts a private fault proxy for -Services (keystone is always included) and points OS_CLIENT_CONFIG_FILE at
    a clouds.yaml holding the local cloud's clouds and, through the proxy, the same clouds as <name>-faulty.
#>
function Start-OsoFaultProxy {
    param([string[]] $Services = @('keystone', 'nova', 'neutron'))
    $services = @('keystone') + @($Services | Where-Object { $_ -ne 'keystone' })
    $ports = @{ keystone = 5000; glance = 9292; placement = 8778; nova = 8774; neutron = 9696; cinder = 8776; heat = 8004; swift = 8080; gnocchi = 8041; aodh = 8042 }
    $dir = Join-Path ([System.IO.Path]::GetTempPath()) ('oso-faults-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $null = New-Item -ItemType Directory -Path $dir -Force
    $saved = @{}
    foreach ($name in 'FAULT_PROXY_DIR', 'FAULT_PROXY_OFFSET', 'FAULT_PROXY_SERVICES', 'FAULT_CLOUDS_YAML') {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
    }
    $faultyYaml = Join-Path $dir 'clouds-faulty.yaml'
    $log = $null
    $offset = 0
    foreach ($attempt in 1..5) {
        $offset = Get-Random -Minimum 20000 -Maximum 29000
        if (@($services | Where-Object { Test-OsoPort ($ports[$_] + $offset) })) { continue }
        $env:FAULT_PROXY_DIR = $dir
        $env:FAULT_PROXY_OFFSET = $offset
        $env:FAULT_PROXY_SERVICES = $services -join ' '
        $env:FAULT_CLOUDS_YAML = $faultyYaml
        $log = & bash "$script:FaultProxyRoot/up.sh" 2>&1
        if (-not $LASTEXITCODE) { break }
        & bash "$script:FaultProxyRoot/down.sh" *> $null
        $log = "attempt $attempt failed: $log"
    }
    if (-not (Test-Path $faultyYaml)) { throw "The test's fault proxy did not start: $log" }

    # One clouds.yaml with both the direct and the proxied clouds.
    $direct = "`n" + (Get-Content (Get-OsoCloudsYaml) -Raw)
    $faulty = "`n" + (Get-Content $faultyYaml -Raw)
    $entries = { param($text) $text.Substring($text.IndexOf("`nclouds:") + "`nclouds:".Length).TrimEnd() }
    $cloudsYaml = Join-Path $dir 'clouds.yaml'
    Set-Content -Path $cloudsYaml -Encoding utf8 -Value ("clouds:" + (& $entries $direct) + (& $entries $faulty) + "`n")
    $env:OS_CLIENT_CONFIG_FILE = $cloudsYaml
    [pscustomobject]@{ Dir = $dir; Offset = $offset; Services = $services; CloudsYaml = $cloudsYaml; KeystonePort = 5000 + $offset; SavedEnvironment = $saved }
}

<# Replaces the proxy's rules (JSON, see tests/fault-proxy/README.md); '[]' lets everything through. #>
function Set-OsoFaultRules([Parameter(Mandatory)] $Proxy, [Parameter(Mandatory)] [string] $Json) {
    $env:FAULT_PROXY_DIR = $Proxy.Dir
    $out = & bash "$script:FaultProxyRoot/fault.sh" set $Json 2>&1
    if ($LASTEXITCODE) { throw "fault.sh set failed: $out" }
}

<# The proxy's counters (stats.json): requests, faults, services.<name>, rules[i].matched/injected. #>
function Get-OsoFaultStats([Parameter(Mandatory)] $Proxy) {
    Get-Content (Join-Path $Proxy.Dir 'stats.json') -Raw | ConvertFrom-Json
}

function Stop-OsoFaultProxy($Proxy) {
    if (-not $Proxy) { return }
    $env:FAULT_PROXY_DIR = $Proxy.Dir
    & bash "$script:FaultProxyRoot/down.sh" *> $null
    Remove-Item $Proxy.Dir -Recurse -Force -ErrorAction SilentlyContinue
    foreach ($entry in $Proxy.SavedEnvironment.GetEnumerator()) {
        [Environment]::SetEnvironmentVariable($entry.Key, $entry.Value)
    }
}

Export-ModuleMember -Function Test-OsoFaultProxyAvailable, Start-OsoFaultProxy, Set-OsoFaultRules, Get-OsoFaultStats, Stop-OsoFaultProxy
