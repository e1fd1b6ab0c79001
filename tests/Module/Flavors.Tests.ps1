# Flavors created and removed by an administrator, refused to a member, and picked by size. Every flavor made here
# is private, so that other tests choosing public flavors by size never see them.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $script:admin = Connect-OSCloud -Cloud los-admin -NotDefault -ErrorAction Stop
    $script:demo = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
    $script:prefix = New-OsoName 'oso-fl'

    function New-PrivateFlavor([string] $Suffix, [int] $Cpu, [double] $MemoryGB) {
        New-OSFlavor -Cloud $admin -Name "$prefix-$Suffix" -NumCpu $Cpu -MemoryGB $MemoryGB -Private -Confirm:$false -ErrorAction Stop
    }
}

AfterAll {
    Get-OSFlavor -Cloud $admin -IncludePrivate -Name "$prefix*" -ErrorAction SilentlyContinue | Remove-OSFlavor -Confirm:$false -ErrorAction SilentlyContinue
}

Describe 'New-OSFlavor and Remove-OSFlavor' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'an admin creates a flavor with every size and removes it' {
        $name = "$prefix-full"
        $created = New-OSFlavor -Cloud $admin -Name $name -Id "$name-id" -NumCpu 3 -MemoryGB 1.5 -DiskGB 5 -EphemeralGB 2 -SwapMB 256 `
            -Private -Description 'made by Flavors.Tests' -Confirm:$false -ErrorAction Stop
        $created.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Flavor'

        $read = Get-OSFlavor -Cloud $admin -Id "$name-id" -ErrorAction Stop
        $read.Name | Should -Be $name
        $read.VCpus | Should -Be 3
        $read.MemoryMB | Should -Be 1536
        $read.DiskGB | Should -Be 5
        $read.EphemeralGB | Should -Be 2
        $read.SwapMB | Should -Be 256
        $read.IsPublic | Should -BeFalse
        $read.Description | Should -Be 'made by Flavors.Tests'

        Get-OSFlavor -Cloud $admin -Id "$name-id" | Remove-OSFlavor -Confirm:$false -ErrorAction Stop
        Get-OSFlavor -Cloud $admin -Id "$name-id" -ErrorVariable gone -ErrorAction SilentlyContinue
        $gone | Should -HaveCount 1
        $gone[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It '-WhatIf creates and removes nothing' {
        $name = "$prefix-whatif"
        New-OSFlavor -Cloud $admin -Name $name -NumCpu 1 -MemoryGB 1 -Private -WhatIf -ErrorAction Stop
        Get-OSFlavor -Cloud $admin -IncludePrivate -Name "$name*" -ErrorAction Stop | Should -BeNullOrEmpty

        $null = New-PrivateFlavor whatif 1 1
        $run = Invoke-OsoPwsh -Script "`$admin = Connect-OSCloud -Cloud los-admin; Remove-OSFlavor -Cloud `$admin $name -WhatIf"
        $run.Output | Should -Contain "What if: Performing the operation `"Delete flavor`" on target `"$name on los-admin`"."
        Get-OSFlavor -Cloud $admin -IncludePrivate -Name $name -ErrorAction Stop | Should -HaveCount 1
    }

    It 'a member gets PermissionDenied for create and remove' {
        $flavor = New-PrivateFlavor guarded 1 1
        # Give the demo project access, so that demo sees the flavor and the refusal is Nova's policy, not a lookup.
        $body = @{ addTenantAccess = @{ tenant = $demo.ProjectId } }
        $null = Invoke-OSApiRequest -Cloud $admin -Service compute -Path "/flavors/$($flavor.Id)/action" -Method POST -Body $body -Confirm:$false -ErrorAction Stop

        New-OSFlavor -Cloud $demo -Name "$prefix-denied" -NumCpu 1 -MemoryGB 1 -Private -Confirm:$false -ErrorVariable create -ErrorAction SilentlyContinue
        Get-OSFlavor -Cloud $demo -IncludePrivate -Name "$prefix-guarded" | Remove-OSFlavor -Confirm:$false -ErrorVariable remove -ErrorAction SilentlyContinue

        $create | Should -HaveCount 1
        $create[0].FullyQualifiedErrorId | Should -Be 'PermissionDenied,OpenStackOrchestrator.Cmdlets.Compute.NewOSFlavorCommand'
        $create[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $create[0].ToString() | Should -Match 'os-flavor-manage:create'
        $remove | Should -HaveCount 1
        $remove[0].FullyQualifiedErrorId | Should -Be 'PermissionDenied,OpenStackOrchestrator.Cmdlets.Compute.RemoveOSFlavorCommand'
        $remove[0].ToString() | Should -Match 'os-flavor-manage:delete'
        Get-OSFlavor -Cloud $admin -IncludePrivate -Name "$prefix-guarded" -ErrorAction Stop | Should -HaveCount 1
        Get-OSFlavor -Cloud $admin -IncludePrivate -Name "$prefix-denied*" -ErrorAction Stop | Should -BeNullOrEmpty
    }
}

Describe 'Get-OSFlavor by size' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $null = New-PrivateFlavor c2m4 2 4
        $null = New-PrivateFlavor c2m2 2 2
        $null = New-PrivateFlavor c4m1 4 1
        function Get-MineName([hashtable] $With) {
            (Get-OSFlavor -Cloud $admin -IncludePrivate -Name "$prefix-c*" -ErrorAction Stop @With).Name
        }
    }

    It '-MinNumCpu and -MinMemoryGB keep the flavors that fit, smallest first' {
        Get-MineName @{ MinNumCpu = 2 } | Should -Be @("$prefix-c2m2", "$prefix-c2m4", "$prefix-c4m1")
        Get-MineName @{ MinNumCpu = 3 } | Should -Be @("$prefix-c4m1")
        Get-MineName @{ MinMemoryGB = 3 } | Should -Be @("$prefix-c2m4")
        Get-MineName @{ MinNumCpu = 2; MinMemoryGB = 2; First = 1 } | Should -Be @("$prefix-c2m2")
        Get-MineName @{ MinNumCpu = 4; MinMemoryGB = 2 } | Should -BeNullOrEmpty
    }

    It '-MinMemoryGB is sent to Nova, and public flavors come smallest first' {
        $all = & { $DebugPreference = 'Continue'; Get-OSFlavor -Cloud $demo -MinNumCpu 1 -MinMemoryGB 0.5 -ErrorAction Stop } 5>&1
        $debug = $all | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message
        $names = @($all | Where-Object { $_ -isnot [System.Management.Automation.DebugRecord] } | ForEach-Object Name)
        $debug | Where-Object { $_ -like '*/flavors/detail?minRam=512*' } | Should -Not -BeNullOrEmpty
        $names.IndexOf('m1.tiny') | Should -BeGreaterOrEqual 0
        $names.IndexOf('m1.tiny') | Should -BeLessThan $names.IndexOf('m1.small')
        (Get-OSFlavor -Cloud $demo -MinMemoryGB 1 -First 1 -ErrorAction Stop).MemoryMB | Should -BeGreaterOrEqual 1024
    }

    It '-Property gives flavors with just those properties, by name and by size' {
        $tiny = @(Get-OSFlavor -Cloud $demo m1.tiny -Property Name, VCpus, MemoryGB -ErrorAction Stop)
        $tiny | Should -HaveCount 1
        $tiny[0].VCpus | Should -Be 1
        $tiny[0].MemoryGB | Should -Be 0.5
        $tiny[0].PSObject.Properties.Name | Where-Object { $_ -in 'DiskGB', 'IsPublic', 'ExtraSpecs' } | Should -BeNullOrEmpty
        $sized = @(Get-OSFlavor -Cloud $admin -IncludePrivate -Name "$prefix-c*" -MinNumCpu 4 -Property Name -ErrorAction Stop)
        $sized.Name | Should -Be @("$prefix-c4m1")
        $sized[0].PSObject.Properties.Name | Should -Not -Contain 'VCpus'
    }
}
