# What a short admin script does: import, connect, the 10 lists of bench/sdk_ten_lists.py, exit.
param([string] $Module, [string] $Cloud = 'los-demo')
$ErrorActionPreference = 'Stop'
Import-Module $Module
$null = Connect-OSCloud -Cloud $Cloud
$flavors = Get-OSFlavor
$images = Get-OSImage
$servers = Get-OSServer
$networks = Get-OSNetwork
$volumes = Get-OSVolume
$stacks = Get-OSStack
$containers = Get-OSContainer
$zones = Get-OSAvailabilityZone
$keys = Get-OSKeyPair
$flavors = Get-OSFlavor
if (-not $flavors) { throw 'no flavors' }
