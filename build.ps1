<#
.SYNOPSIS
    Builds the OpenStackOrchestrator module into out/OpenStackOrchestrator and optionally runs the tests.
.DESCRIPTION
    For contributors who have pwsh. It calls the same dotnet commands as CI:
    dotnet build Module.sln, then dotnet test Module.sln. The PowerShell-level tests (tests/*.Tests.ps1)
    run under real Pester when it is installed.
.EXAMPLE
    ./build.ps1 -Configuration Release -Clean -Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug',
    [switch] $Clean,
    [switch] $Test
)
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

if ($Clean) {
    dotnet clean Module.sln -c $Configuration | Out-Null
    if (Test-Path out) { Remove-Item out -Recurse -Force }
}

dotnet run --project tools/HelpBuilder -c $Configuration -- $PSScriptRoot   # docs/*.md -> en-US/ help (MAML, about_)
if ($LASTEXITCODE) { throw "help generation failed ($LASTEXITCODE)" }
dotnet build Module.sln -c $Configuration
if ($LASTEXITCODE) { throw "dotnet build failed ($LASTEXITCODE)" }
Write-Host "Module: $(Join-Path $PSScriptRoot 'out/OpenStackOrchestrator/OpenStackOrchestrator.psd1')"

if ($Test) {
    dotnet test Module.sln -c $Configuration --no-build
    if ($LASTEXITCODE) { throw "dotnet test failed ($LASTEXITCODE)" }
    if (Get-Module -ListAvailable Pester | Where-Object Version -ge '5.0') {
        $result = Invoke-Pester -Path (Join-Path $PSScriptRoot 'tests') -PassThru
        if ($result.FailedCount) { throw "$($result.FailedCount) Pester test(s) failed" }
    }
}
