# Access to a private volume type (admin): a type of the test's own opened to a throwaway project by id and by name,
# seen there, listed, closed again; a member user is told the call needs the admin role.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $PSStyle.OutputRendering = 'PlainText'
    $script:Prefix = New-OsoName 'oso-vta'
    $script:Cmdlets = 'OpenStackOrchestrator.Cmdlets.BlockStorage.'
    if (-not (Get-OsoCloudSkipReason)) {
        $script:Admin = Connect-OSCloud -Cloud los-admin -NotDefault -ErrorAction Stop
        $script:Demo = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
        $script:Target = New-OsoProject -AdminCloud $Admin -Name "$Prefix-proj"
        $body = @{ volume_type = @{ name = "$Prefix-type"; 'os-volume-type-access:is_public' = $false } }
        $script:TypeId = (Invoke-OSApiRequest -Cloud $Admin -Service block-storage -Path /types -Method POST -Body $body -Confirm:$false -ErrorAction Stop).volume_type.id
    }
}

AfterAll {
    if ($TypeId) {
        $null = Invoke-OSApiRequest -Cloud $Admin -Service block-storage -Path "/types/$TypeId" -Method DELETE -Confirm:$false -ErrorAction SilentlyContinue
    }
    if ($Target) { Remove-OsoProject -AdminCloud $Admin -Project $Target }
}

Describe 'Volume type access' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'a private type has no projects at first, and the other project does not see it' {
        @(Get-OSVolumeTypeAccess $TypeId -Cloud $Admin -ErrorAction Stop) | Should -BeNullOrEmpty
        @(Get-OSVolumeType -Cloud $Target.Cloud -ErrorAction Stop | Where-Object Id -EQ $TypeId) | Should -BeNullOrEmpty
    }

    It '-WhatIf resolves the type and the project by name, and adds nothing' {
        Add-OSVolumeTypeAccess "$Prefix-type" -Project "$Prefix-proj" -Cloud $Admin -WhatIf -ErrorAction Stop
        @(Get-OSVolumeTypeAccess $TypeId -Cloud $Admin -ErrorAction Stop) | Should -BeNullOrEmpty
    }

    It 'Add- opens the type to a project (by name); it is listed, Cinder agrees, and the project sees the type' {
        Add-OSVolumeTypeAccess "$Prefix-type" -Project "$Prefix-proj" -Cloud $Admin -Confirm:$false -ErrorAction Stop
        $access = @(Get-OSVolumeType -Id $TypeId -Cloud $Admin -ErrorAction Stop | Get-OSVolumeTypeAccess -ErrorAction Stop)
        $access | Should -HaveCount 1
        $access[0].PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.VolumeTypeAccess'
        $access[0].ProjectId | Should -Be $Target.Id
        $access[0].VolumeTypeId | Should -Be $TypeId
        $raw = Invoke-OSApiRequest -Cloud $Admin -Service block-storage -Path "/types/$TypeId/os-volume-type-access" -ErrorAction Stop
        @($raw.volume_type_access.project_id) | Should -Be @($Target.Id)
        @(Get-OSVolumeType -Cloud $Target.Cloud -ErrorAction Stop | Where-Object Id -EQ $TypeId) | Should -HaveCount 1
    }

    It 'a member user is refused, and told the call needs the admin role' {
        Get-OSVolumeTypeAccess $TypeId -Cloud $Target.Cloud -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failed[0].Exception.Message | Should -Match "needs the 'admin' role"
    }

    It 'Remove- closes the type to the project (by id)' {
        Remove-OSVolumeTypeAccess $TypeId -Project $Target.Id -Cloud $Admin -Confirm:$false -ErrorAction Stop
        @(Get-OSVolumeTypeAccess $TypeId -Cloud $Admin -ErrorAction Stop) | Should -BeNullOrEmpty
        @(Get-OSVolumeType -Cloud $Target.Cloud -ErrorAction Stop | Where-Object Id -EQ $TypeId) | Should -BeNullOrEmpty
    }
}
