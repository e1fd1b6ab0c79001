# Helpers of the networking Pester files (Networks, Ports, Routers, SecurityGroups, FloatingIps, ServerInterfaces):
# every resource a file makes is named with one prefix, and Remove-OsoNetworkResources deletes it all in dependency
# order, looking only at what carries the prefix (or whose id the file recorded).

<# A network named <Prefix>-<Suffix> with one IPv4 subnet <name>-sub; returns the network's name. #>
function New-OsoNetworkWithSubnet {
    param([Parameter(Mandatory)] [string] $Prefix, [Parameter(Mandatory)] [string] $Suffix, [Parameter(Mandatory)] [string] $Cidr)
    $name = "$Prefix-$Suffix"
    $null = New-OSNetwork $name -ErrorAction Stop | New-OSSubnet -Name "$name-sub" -Cidr $Cidr -ErrorAction Stop
    $name
}

<#
.SYNOPSIS
    Deletes servers, floating IPs, router interfaces, routers, ports, networks (with their subnets) and security
    groups named <Prefix>*, plus the floating IPs whose ids are given. Errors are reported as warnings: cleanup never
    hides the test's own failure.
#>
function Remove-OsoNetworkResources {
    param([Parameter(Mandatory)] [string] $Prefix, [string[]] $FloatingIpId = @(), $Cloud)
    $c = if ($Cloud) { @{ Cloud = $Cloud } } else { @{} }
    $common = @{ ErrorAction = 'SilentlyContinue'; ErrorVariable = '+problems' }
    $problems = @()
    Get-OSServer -Name "$Prefix*" @c @common | Remove-OSServer -Confirm:$false @common
    $routers = @(Get-OSRouter -Name "$Prefix*" @c @common)
    $ips = @(foreach ($id in $FloatingIpId) { Get-OSFloatingIP -Id $id @c -ErrorAction SilentlyContinue })
    # Addresses allocated on our routers or described with our prefix, in case a test failed before recording an id.
    $ips += @(Get-OSFloatingIP @c @common | Where-Object { $_.RouterId -in $routers.Id -or $_.Description -like "$Prefix*" })
    $ips | Sort-Object Id -Unique | Remove-OSFloatingIP -Release -Confirm:$false @common
    $networks = @(Get-OSNetwork -Name "$Prefix*" @c @common)
    $ports = @($networks | ForEach-Object { Get-OSPort -Network $_ @common })
    $ports | Where-Object DeviceOwner -eq 'network:router_interface' | ForEach-Object {
        Remove-OSRouterInterface -Router $_.DeviceId -Port $_.Id -Confirm:$false @c @common }
    $routers | Remove-OSRouter -Confirm:$false @common
    $ports | Where-Object DeviceOwner -ne 'network:router_interface' | Remove-OSPort -Confirm:$false @common
    $networks | Remove-OSNetwork -Confirm:$false @common
    Get-OSSecurityGroup -Name "$Prefix*" @c @common | Remove-OSSecurityGroup -Confirm:$false @common
    # A name pattern that matches nothing is no error; anything else is worth a look.
    $problems | Where-Object { $_.FullyQualifiedErrorId -notlike 'NameNotFound,*' -and $_.FullyQualifiedErrorId -notlike 'ResourceNotFound,*' } |
        ForEach-Object { Write-Warning "cleanup of $Prefix*: $_" }
}

Export-ModuleMember -Function *-Oso*
