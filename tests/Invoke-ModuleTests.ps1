<#
.SYNOPSIS
    Runs the module's Pester files (tests/**/*.Tests.ps1) with Pester 5.7.1 from NuGet, each file in its own pwsh
    process, several at once, and returns their summed counts.
.DESCRIPTION
    Each file gets a fresh pwsh, like a user's script: no state leaks from one file to another. Files run
    -Jobs at a time (default 3: most of a cloud test's time is spent waiting on the cloud). Output of each file is
    printed whole when the file ends.
#>
[CmdletBinding()]
param(
    [string[]] $Path = @($PSScriptRoot),
    [int] $Jobs = $(if ($env:OSO_TEST_JOBS) { [int]$env:OSO_TEST_JOBS } else { 3 }),
    [string] $ResultDirectory = (Join-Path $PSScriptRoot '../TestResults/pester'),
    [switch] $PassThru
)
$ErrorActionPreference = 'Stop'

function Find-PesterManifest {
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else {
        ((dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
    }
    $manifest = Join-Path $packages 'pester/5.7.1/tools/Pester.psd1'
    if (-not (Test-Path $manifest)) { throw "Pester 5.7.1 is not restored ($manifest): run dotnet restore Module.sln." }
    $manifest
}

$Path = @($Path | ForEach-Object { $_ -split ',' })   # pwsh -File passes "a,b" as one string
$pester = Find-PesterManifest
$files = @(Get-ChildItem -Path $Path -Recurse -Filter '*.Tests.ps1' | Sort-Object FullName)
if (-not $files) { throw "No *.Tests.ps1 under $($Path -join ', ')" }
New-Item -ItemType Directory -Force -Path $ResultDirectory | Out-Null
$ResultDirectory = (Resolve-Path $ResultDirectory).Path
$pwsh = @(foreach ($name in 'pwsh', 'pwsh.exe') { Join-Path $PSHOME $name } ).Where({ Test-Path $_ }, 'First')[0]
$worker = Join-Path $PSScriptRoot 'Module/TestSupport/Invoke-PesterFile.ps1'
Write-Host "Pester: $pester; $($files.Count) files, $Jobs at a time"
Import-Module (Join-Path $PSScriptRoot 'Module/TestSupport/OsoTest.psm1') -Force
if ($reason = Get-OsoCloudSkipReason) { Write-Host "Cloud tests are skipped: $reason" }

$results = $files | ForEach-Object -ThrottleLimit $Jobs -Parallel {
    $file = $_
    $name = $file.BaseName
    $resultFile = Join-Path $using:ResultDirectory "$name.json"
    $logFile = Join-Path $using:ResultDirectory "$name.log"
    Remove-Item $resultFile -ErrorAction SilentlyContinue
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    & $using:pwsh -NoProfile -NonInteractive -File $using:worker -PesterManifest $using:pester -File $file.FullName -ResultFile $resultFile *> $logFile
    $exit = $LASTEXITCODE
    $log = Get-Content $logFile -Raw
    if (Test-Path $resultFile) {
        $r = Get-Content $resultFile -Raw | ConvertFrom-Json
    }
    else {
        $r = [pscustomobject]@{ File = $file.FullName; Passed = 0; Failed = 1; Skipped = 0; NotRun = 0; Duration = $watch.Elapsed.TotalSeconds; FailedNames = @("$name (the pwsh process exited $exit without results)") }
    }
    [Console]::Out.Write("===== $name ($([math]::Round($watch.Elapsed.TotalSeconds)) s)`n$log`n")
    $r
}

$summary = [pscustomobject]@{
    Passed  = ($results | Measure-Object Passed -Sum).Sum
    Failed  = ($results | Measure-Object Failed -Sum).Sum
    Skipped = ($results | Measure-Object Skipped -Sum).Sum
    FailedNames = @($results | ForEach-Object FailedNames | Where-Object { $_ })
}
Write-Host ("Pester: {0} passed, {1} failed, {2} skipped in {3} files" -f $summary.Passed, $summary.Failed, $summary.Skipped, $files.Count)
$summary.FailedNames | ForEach-Object { Write-Host "  failed: $_" }
if ($PassThru) { $summary } elseif ($summary.Failed) { exit 1 }
