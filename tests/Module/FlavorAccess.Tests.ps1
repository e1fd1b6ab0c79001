# Private flavors (admin): a flavor of the test's own opened to a throwaway project by name, seen there, listed, closed
# again by id; its extra specs set and removed with Set-OSFlavor. A member user is told the calls need the admin role.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $PSStyle.OutputRendering = 'PlainText'
    $script:Prefix = New-OsoName 'oso-fla'
    if (-not (Get-OsoCloudSkipReason)) {
        $script:Admin = Connect-OSCloud -Cloud los-admin -NotDefault -ErrorAction Stop
        $script:Target = New-OsoProject -AdminCloud $Admin -Name "$Prefix-proj"
        $script:Flavor = New-OSFlavor "$Prefix-flavor" -NumCpu 1 -MemoryGB 0.125 -Private -Cloud $Admin -Confirm:$false -ErrorAction Stop
    }

    function Get-SeenFlavor {
        @(Get-OSFlavor -IncludePrivate -Cloud $Target.Cloud -ErrorAction Stop | Where-Object Id -EQ $Flavor.Id)
    }
}

AfterAll {
    if ($Flavor) {
        $null = Invoke-OSApiRequest -Cloud $Admin -Service compute -Path "/flavors/$($Flavor.Id)" -Method DELETE -Confirm:$false -ErrorAction SilentlyContinue
    }
    if ($Target) { Remove-OsoProject -AdminCloud $Admin -Project $Target }
}

Describe 'Flavor access' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'a private flavor has no projects at first, and the other project does not see it' {
        $Flavor.IsPublic | Should -BeFalse
        @(Get-OSFlavorAccess $Flavor.Id -Cloud $Admin -ErrorAction Stop) | Should -BeNullOrEmpty
        Get-SeenFlavor | Should -BeNullOrEmpty
    }

    It '-WhatIf resolves the flavor and the project by name, and adds nothing' {
        Add-OSFlavorAccess "$Prefix-flavor" -Project "$Prefix-proj" -Cloud $Admin -WhatIf -ErrorAction Stop
        @(Get-OSFlavorAccess $Flavor.Id -Cloud $Admin -ErrorAction Stop) | Should -BeNullOrEmpty
        Add-OSFlavorAccess "$Prefix-flavor" -Project "$Prefix-none" -Cloud $Admin -WhatIf -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Match '^NameNotFound'
    }

    It 'Add- opens the flavor to a project (by name); it is listed, Nova agrees, and the project sees the flavor' {
        Add-OSFlavorAccess "$Prefix-flavor" -Project "$Prefix-proj" -Cloud $Admin -Confirm:$false -ErrorAction Stop
        $access = @($Flavor | Get-OSFlavorAccess -ErrorAction Stop)
        $access | Should -HaveCount 1
        $access[0].PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.FlavorAccess'
        $access[0].ProjectId | Should -Be $Target.Id
        $access[0].FlavorId | Should -Be $Flavor.Id
        $raw = Invoke-OSApiRequest -Cloud $Admin -Service compute -Path "/flavors/$($Flavor.Id)/os-flavor-access" -ErrorAction Stop
        @($raw.flavor_access.tenant_id) | Should -Be @($Target.Id)
        Get-SeenFlavor | Should -HaveCount 1
        ($access | Format-Table | Out-String) | Should -Match 'FlavorId\s+ProjectId'
    }

    It 'a member of the project may read the access list, but not change it: it is told the change needs the admin role' {
        @(Get-OSFlavorAccess $Flavor.Id -Cloud $Target.Cloud -ErrorAction Stop).ProjectId | Should -Be @($Target.Id)
        Remove-OSFlavorAccess $Flavor.Id -Project $Target.Id -Cloud $Target.Cloud -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failed[0].Exception.Message | Should -Match "needs the 'admin' role"
        @(Get-OSFlavorAccess $Flavor.Id -Cloud $Admin -ErrorAction Stop) | Should -HaveCount 1
    }

    It 'Remove- closes the flavor to the project (by id)' {
        Remove-OSFlavorAccess $Flavor.Id -Project $Target.Id -Cloud $Admin -Confirm:$false -ErrorAction Stop
        @(Get-OSFlavorAccess $Flavor.Id -Cloud $Admin -ErrorAction Stop) | Should -BeNullOrEmpty
        Get-SeenFlavor | Should -BeNullOrEmpty
    }
}

Describe 'Flavor extra specs' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'Set-OSFlavor -Property sets extra specs; Get-OSFlavor shows them and Nova agrees' {
        $changed = Set-OSFlavor "$Prefix-flavor" -Property @{ 'hw:cpu_policy' = 'shared'; 'aggregate_instance_extra_specs:ssd' = $true } -Cloud $Admin -Confirm:$false -ErrorAction Stop
        $changed.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Flavor'
        $changed.ExtraSpecs['hw:cpu_policy'] | Should -Be 'shared'
        $changed.ExtraSpecs['aggregate_instance_extra_specs:ssd'] | Should -Be 'true'
        (Get-OSFlavor -Id $Flavor.Id -Cloud $Admin -ErrorAction Stop).ExtraSpecs['hw:cpu_policy'] | Should -Be 'shared'
        $raw = (Invoke-OSApiRequest -Cloud $Admin -Service compute -Path "/flavors/$($Flavor.Id)/os-extra_specs" -ErrorAction Stop).extra_specs
        $raw.'hw:cpu_policy' | Should -Be 'shared'
    }

    It '-WhatIf changes nothing' {
        Set-OSFlavor $Flavor -RemoveProperty 'hw:cpu_policy' -WhatIf -ErrorAction Stop
        (Get-OSFlavor -Id $Flavor.Id -Cloud $Admin -ErrorAction Stop).ExtraSpecs.ContainsKey('hw:cpu_policy') | Should -BeTrue
    }

    It '-RemoveProperty removes keys (the others stay; a key the flavor lacks is no error), -Description changes the description' {
        $changed = $Flavor | Set-OSFlavor -RemoveProperty 'hw:cpu_policy', 'no:such-key' -Description 'test flavor' -Confirm:$false -ErrorAction Stop
        $changed.ExtraSpecs.ContainsKey('hw:cpu_policy') | Should -BeFalse
        $changed.ExtraSpecs['aggregate_instance_extra_specs:ssd'] | Should -Be 'true'
        $changed.Description | Should -Be 'test flavor'
        $raw = (Invoke-OSApiRequest -Cloud $Admin -Service compute -Path "/flavors/$($Flavor.Id)/os-extra_specs" -ErrorAction Stop).extra_specs
        $raw.PSObject.Properties.Name | Should -Be @('aggregate_instance_extra_specs:ssd')
    }

    It 'a member user is refused, and told the call needs the admin role' {
        $public = Get-OSFlavor -Cloud $Target.Cloud -First 1 -ErrorAction Stop
        Set-OSFlavor $public.Id -Property @{ 'oso:test' = 'x' } -Cloud $Target.Cloud -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failed[0].Exception.Message | Should -Match "needs the 'admin' role"
        (Get-OSFlavor -Id $public.Id -Cloud $Admin -ErrorAction Stop).ExtraSpecs.ContainsKey('oso:test') | Should -BeFalse
    }
}
