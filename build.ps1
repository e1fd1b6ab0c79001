<#
.SYNOPSIS
    Builds the OpenStackOrchestrator module into out/OpenStackOrchestrator; optionally tests it and packages it.
.DESCRIPTION
    dotnet build Module.sln restores Pester 5.7.1 from NuGet, builds the help (MAML) from docs/ and assembles the
    module folder. -Test then runs the xUnit client tests and the Pester module tests (in real pwsh, each file in
    its own process) and ends with one line over both: "N passed, N failed, N skipped". -Package writes a
    PowerShell Gallery-format .nupkg of the module to out/packages.
.EXAMPLE
    dotnet tool restore; dotnet pwsh -NoProfile -File build.ps1 -Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',
    [switch] $Clean,
    [switch] $Test,
    [switch] $Package
)
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

if ($Clean) {
    dotnet clean Module.sln -c $Configuration | Out-Null
    if (Test-Path out) { Remove-Item out -Recurse -Force }
}

dotnet build Module.sln -c $Configuration -nologo -clp:ErrorsOnly
if ($LASTEXITCODE) { throw "dotnet build failed ($LASTEXITCODE)" }
$module = Join-Path $PSScriptRoot 'out/OpenStackOrchestrator'
Write-Host "Module: $module"

if ($Package) {
    $null = & (Join-Path $PSScriptRoot 'tools/New-ModulePackage.ps1') -ModulePath $module -OutputDirectory (Join-Path $PSScriptRoot 'out/packages')
}

if ($Test) {
    $xunitLog = Join-Path $PSScriptRoot 'TestResults/xunit.log'
    New-Item -ItemType Directory -Force -Path (Split-Path $xunitLog) | Out-Null
    dotnet test Module.sln -c $Configuration --no-build -nologo 2>&1 | Tee-Object -FilePath $xunitLog | Write-Host
    $xunitExit = $LASTEXITCODE
    $xunit = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0 }
    foreach ($m in [regex]::Matches((Get-Content $xunitLog -Raw), 'Failed: +(\d+), Passed: +(\d+), Skipped: +(\d+)')) {
        $xunit.Failed += [int]$m.Groups[1].Value; $xunit.Passed += [int]$m.Groups[2].Value; $xunit.Skipped += [int]$m.Groups[3].Value
    }
    if ($xunitExit -and -not $xunit.Failed) { $xunit.Failed = 1 }   # a crash or build error counts as a failure
    Write-Host ("xUnit: {0} passed, {1} failed, {2} skipped" -f $xunit.Passed, $xunit.Failed, $xunit.Skipped)

    $pester = & (Join-Path $PSScriptRoot 'tests/Invoke-ModuleTests.ps1') -PassThru
    $passed = $xunit.Passed + $pester.Passed
    $failed = $xunit.Failed + $pester.Failed
    $skipped = $xunit.Skipped + $pester.Skipped
    # The failures again, last, where a log's tail shows them (the xUnit ones scrolled by before the Pester run).
    $xunitFailures = Select-String -Path $xunitLog -Pattern '^\s*Failed [\w.]+ \[' | ForEach-Object { $_.Line.Trim() }
    foreach ($line in @($xunitFailures) + @($pester.FailedNames)) { if ($line) { Write-Host "FAILED: $line" } }
    Write-Host ("{0} passed, {1} failed, {2} skipped" -f $passed, $failed, $skipped)
    if ($failed) { exit 1 }
}
