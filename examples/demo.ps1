# The foundation slice end to end against the local cloud (tests/cloud/up.sh writes its clouds.yaml).
# Run: dotnet pwsh -NoProfile -File examples/demo.ps1   (after tests/cloud/up.sh and dotnet build Module.sln)
$ErrorActionPreference = 'Stop'
if (-not $env:OS_CLIENT_CONFIG_FILE) { $env:OS_CLIENT_CONFIG_FILE = '/var/lib/los/clouds.yaml' }
# The built module folder; an installed module loads by name instead: Import-Module OpenStackOrchestrator
Import-Module "$PSScriptRoot/../out/OpenStackOrchestrator/OpenStackOrchestrator.psd1"

Connect-OSCloud -Cloud los-demo | Out-Default
Get-OSFlavor | Out-Default
Get-OSImage -Name los-* | Out-Default
Get-OSServer | Where-Object Status -eq ACTIVE | Out-Default

$cred = [pscredential]::new('admin', [Net.NetworkCredential]::new('', 'adminpass').SecurePassword)
$admin = Connect-OSCloud -AuthUrl http://127.0.0.1:5000/v3 -Credential $cred -ProjectName admin -NotDefault
Get-OSCloud | Out-Default
Get-OSServer -Cloud $admin -AllProjects | Out-Default
(Invoke-OSApiRequest -Service compute -Path /os-availability-zone).availabilityZoneInfo | Out-Default
Get-OSCloud | Disconnect-OSCloud -Confirm:$false
