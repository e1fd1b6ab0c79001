<#
.SYNOPSIS
    Writes a PowerShell Gallery-format .nupkg of a built module folder (manifest, DLLs, formats, help).
.DESCRIPTION
    PSResourceGet (it ships with pwsh 7.4 and later) makes the package exactly as it would for the PowerShell
    Gallery: Publish-PSResource into a local folder repository registered for this run only under a unique name,
    and unregistered again in a finally, so the user's PSResourceRepository.xml is left as it was and two runs at
    once do not share a repository. The package is then moved to -OutputDirectory and returned as a FileInfo.
    Users install it by name: Install-PSResource OpenStackOrchestrator -Repository <a repository that holds it>.
.EXAMPLE
    tools/New-ModulePackage.ps1 -ModulePath out/OpenStackOrchestrator -OutputDirectory out/packages
#>
[CmdletBinding()]
[OutputType([System.IO.FileInfo])]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $OutputDirectory
)
$ErrorActionPreference = 'Stop'
Import-Module Microsoft.PowerShell.PSResourceGet -ErrorAction Stop

$ModulePath = (Resolve-Path $ModulePath).Path
$name = Split-Path $ModulePath -Leaf
$manifest = Join-Path $ModulePath "$name.psd1"
if (-not (Test-Path $manifest)) { throw "No module manifest $manifest (build the module first: dotnet build Module.sln)." }
$version = (Import-PowerShellDataFile $manifest).ModuleVersion
$OutputDirectory = (New-Item -ItemType Directory -Force -Path $OutputDirectory).FullName
$package = Join-Path $OutputDirectory "$name.$version.nupkg"

$repository = 'oso-package-' + [guid]::NewGuid().ToString('N')
$staging = Join-Path ([System.IO.Path]::GetTempPath()) $repository
$null = New-Item -ItemType Directory -Path $staging
try {
    Register-PSResourceRepository -Name $repository -Uri $staging -Trusted
    # The module has no module dependencies; -SkipDependenciesCheck keeps Publish from looking for any in a gallery.
    Publish-PSResource -Path $ModulePath -Repository $repository -SkipDependenciesCheck
    $built = Join-Path $staging "$name.$version.nupkg"
    if (-not (Test-Path $built)) { throw "Publish-PSResource wrote no $name.$version.nupkg into $staging." }
    Move-Item -Path $built -Destination $package -Force
}
finally {
    Unregister-PSResourceRepository -Name $repository -ErrorAction SilentlyContinue
    Remove-Item $staging -Recurse -Force -ErrorAction SilentlyContinue
}
Write-Host "Package: $package"
Get-Item $package
