<#
.SYNOPSIS
    Onboards a team's project on an OpenStack cloud. Safe to re-run: it creates only what is missing.

.DESCRIPTION
    Run as an administrator (a scheduled script, say). It makes sure that:
      - the project exists, tagged 'onboarded';
      - a group "<project>-members" exists and has the member role on the project;
      - the users given with -Member are in that group;
      - the project's quotas are what -Quota says (rows named as Get-OSQuota shows them);
      - the project has a network "<project>-net" with a subnet, and a router "<project>-router" from it to the
        external network.
    Everything is looked up by name first, so a second run changes nothing, and a run after someone deleted the router
    puts only the router back. -WhatIf shows what a run would create.

.EXAMPLE
    ./onboard-project.ps1 -Cloud los-admin -Project team-a -Member alice, bob -Quota @{ Instances = 10; Cores = 20 }
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)]
    [string] $Project,

    # The clouds.yaml entry of an administrator's connection.
    [string] $Cloud = $env:OS_CLOUD,

    [string] $Description = 'Onboarded by onboard-project.ps1',

    # Existing users (names or ids) to put in the project's group.
    [string[]] $Member = @(),

    # Quota rows to set, e.g. @{ Instances = 10; Cores = 20; Volumes = 5 }.
    [hashtable] $Quota = @{},

    [string] $Cidr = '10.10.0.0/24',

    [string] $ExternalNetwork = 'public',

    [string] $Role = 'member'
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Module OpenStackOrchestrator)) { Import-Module OpenStackOrchestrator }
$admin = Connect-OSCloud -Cloud $Cloud -NotDefault

function Find-Owned($Found, $ProjectId) { @($Found) | Where-Object { $_ -and $_.ProjectId -eq $ProjectId } | Select-Object -First 1 }

$theProject = Get-OSProject -Cloud $admin -Name $Project -ErrorAction SilentlyContinue
if (-not $theProject) {
    $theProject = New-OSProject -Cloud $admin -Name $Project -Description $Description -Tag onboarded
    if (-not $theProject) { return }   # -WhatIf: nothing below can be looked up in a project that is not there
}

$groupName = "$Project-members"
$group = Get-OSGroup -Cloud $admin -Name $groupName -ErrorAction SilentlyContinue
if (-not $group) {
    $group = New-OSGroup -Cloud $admin -Name $groupName -Description "Members of project $Project"
}
if ($group) {
    # Keystone's role assignments and group memberships are idempotent: adding one that exists changes nothing.
    $null = Add-OSRoleAssignment -Cloud $admin -Role $Role -Group $group.Id -Project $theProject.Id
    foreach ($user in $Member) { $null = Add-OSGroupMember -Cloud $admin -Group $group.Id -User $user }
}

if ($Quota.Count) { $null = Set-OSQuota -Cloud $admin -Project $theProject.Id @Quota }

$network = Find-Owned (Get-OSNetwork -Cloud $admin -Name "$Project-net" -ErrorAction SilentlyContinue) $theProject.Id
if (-not $network) { $network = New-OSNetwork -Cloud $admin -Name "$Project-net" -Project $theProject.Id }

$subnet = Find-Owned (Get-OSSubnet -Cloud $admin -Name "$Project-subnet" -ErrorAction SilentlyContinue) $theProject.Id
if (-not $subnet -and $network) {
    $subnet = $network | New-OSSubnet -Name "$Project-subnet" -Cidr $Cidr -Project $theProject.Id
}

$router = Find-Owned (Get-OSRouter -Cloud $admin -Name "$Project-router" -ErrorAction SilentlyContinue) $theProject.Id
if (-not $router) {
    $router = New-OSRouter -Cloud $admin -Name "$Project-router" -ExternalNetwork $ExternalNetwork -Project $theProject.Id
}
if ($router -and $subnet) {
    $attached = Get-OSPort -Cloud $admin -Network $network | Where-Object { $_.DeviceId -eq $router.Id }
    if (-not $attached) { $null = Add-OSRouterInterface -Cloud $admin -Router $router -Subnet $subnet }
}

$theProject
