# The foundation slice end to end against the local cloud (tests/cloud/up.sh writes its clouds.yaml).
# Run: pwsh -File examples/demo.ps1   (or, without pwsh: dotnet run --project tools/OsoShell -- -Module out/OpenStackOrchestrator/OpenStackOrchestrator.psd1 -File examples/demo.ps1)
if (-not $env:OS_CLIENT_CONFIG_FILE) { $env:OS_CLIENT_CONFIG_FILE = '/var/lib/los/clouds.yaml' }

Connect-OSCloud -Cloud los-demo | Out-Default
Get-OSFlavor | Out-Default
Get-OSImage -Name los-* | Out-Default
Get-OSServer | Where-Object Status -eq ACTIVE | Out-Default

$cred = [pscredential]::new('admin', [Net.NetworkCredential]::new('', 'adminpass').SecurePassword)
Connect-OSCloud -AuthUrl http://127.0.0.1:5000/v3 -Credential $cred -ProjectName admin -NotDefault | Out-Default
Get-OSCloud | Out-Default
Get-OSServer -Cloud (Get-OSCloud)[0] -AllProjects | Out-Default
(Invoke-OSApiRequest -Service compute -Path /os-availability-zone).availabilityZoneInfo | Out-Default
Get-OSCloud | Disconnect-OSCloud -Confirm:$false
