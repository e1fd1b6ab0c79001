# Keystone projects (admin): created with a tag, a parent and a domain by name; the tag, parent, domain and enabled
# filters applied by Keystone; changed, disabled, and deleted (a project with children refused, -WhatIf too).

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $PSStyle.OutputRendering = 'PlainText'
    $script:Prefix = New-OsoName 'oso-prj'
    $script:Tag = "$Prefix-tag"
    if (-not (Get-OsoCloudSkipReason)) {
        $script:Admin = Connect-OSCloud -Cloud los-admin -NotDefault -ErrorAction Stop
        $script:Demo = Connect-OSCloud -Cloud los-demo -NotDefault -ErrorAction Stop
    }

    function Get-RawProject([string] $Id) {
        (Invoke-OSApiRequest -Cloud $Admin -Service identity -Path "/projects/$Id" -ErrorAction Stop).project
    }
}

AfterAll {
    if ($Admin) {
        # Children first: Keystone deletes only a project without children.
        $mine = @((Invoke-OSApiRequest -Cloud $Admin -Service identity -Path /projects -ErrorAction SilentlyContinue).projects | Where-Object name -Like "$Prefix*")
        foreach ($project in @($mine | Where-Object parent_id -NE 'default') + @($mine | Where-Object parent_id -EQ 'default')) {
            $null = Invoke-OSApiRequest -Cloud $Admin -Service identity -Path "/projects/$($project.id)" -Method DELETE -Confirm:$false -ErrorAction SilentlyContinue
        }
    }
}

Describe 'Projects' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'New-OSProject creates a tagged project in a domain given by name, and one below it; Keystone agrees' {
        $parent = New-OSProject "$Prefix-parent" -Domain Default -Tag $Tag -Description 'a test parent' -Cloud $Admin -Confirm:$false -ErrorAction Stop
        $parent.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Project'
        $raw = Get-RawProject $parent.Id
        $raw.name | Should -Be "$Prefix-parent"
        $raw.domain_id | Should -Be 'default'
        @($raw.tags) | Should -Be @($Tag)
        $raw.description | Should -Be 'a test parent'
        $raw.enabled | Should -BeTrue

        $child = New-OSProject "$Prefix-child" -Parent "$Prefix-parent" -Disabled -Cloud $Admin -Confirm:$false -ErrorAction Stop
        $child.ParentId | Should -Be $parent.Id
        $child.DomainId | Should -Be 'default'
        (Get-RawProject $child.Id).enabled | Should -BeFalse
        $script:ParentId = $parent.Id
        $script:ChildId = $child.Id
    }

    It '-WhatIf resolves the parent (a missing one is the real run''s NameNotFound error) and creates nothing' {
        New-OSProject "$Prefix-ghost" -Parent "$Prefix-no-such" -Cloud $Admin -WhatIf -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'NameNotFound,*'
        New-OSProject "$Prefix-ghost" -Parent "$Prefix-parent" -Cloud $Admin -WhatIf -ErrorAction Stop
        (Invoke-OSApiRequest -Cloud $Admin -Service identity -Path /projects -Query @{ name = "$Prefix-ghost" } -ErrorAction Stop).projects | Should -BeNullOrEmpty
    }

    It '-Tag asks Keystone for the tagged projects only: of the two, the tagged one comes back' {
        $records = Get-OSProject -Tag $Tag -Cloud $Admin -Debug -ErrorAction Stop 5>&1
        $projects = @($records | Where-Object { $_ -isnot [System.Management.Automation.DebugRecord] })
        @($projects.Id) | Should -Be @($ParentId)
        @($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] -and $_.Message -like "*/v3/projects?tags=$Tag*" }) | Should -Not -BeNullOrEmpty
        @(Get-OSProject -TagAny 'oso-no-such-tag', $Tag -Cloud $Admin -ErrorAction Stop).Id | Should -Be @($ParentId)
        @(Get-OSProject -Tag 'oso-no-such-tag', $Tag -Cloud $Admin -ErrorAction Stop) | Should -BeNullOrEmpty
        @(Get-OSProject "$Prefix-*" -Cloud $Admin -ErrorAction Stop).Id | Sort-Object | Should -Be (@($ParentId, $ChildId) | Sort-Object)
    }

    It 'Add-OSTag and Remove-OSTag tag a project as they tag servers; -ExcludeTag leaves it out' {
        $child = Get-OSProject -Id $ChildId -Cloud $Admin -ErrorAction Stop
        $tagged = $child | Add-OSTag "$Prefix-extra" -PassThru -Confirm:$false -ErrorAction Stop
        $tagged.Tags | Should -Contain "$Prefix-extra"
        (Get-RawProject $ChildId).tags | Should -Contain "$Prefix-extra"
        @(Get-OSProject "$Prefix-*" -ExcludeTag "$Prefix-extra" -Cloud $Admin -ErrorAction Stop).Id | Should -Be @($ParentId)
        $child | Remove-OSTag "$Prefix-extra" -Confirm:$false -ErrorAction Stop
        (Get-RawProject $ChildId).tags | Should -Not -Contain "$Prefix-extra"
    }

    It 'filters by parent, domain (a piped domain too) and enabled state' {
        @(Get-OSProject -Parent "$Prefix-parent" -Cloud $Admin -ErrorAction Stop).Id | Should -Be @($ChildId)
        @(Get-OSProject -Parent (Get-OSProject -Id $ParentId -Cloud $Admin) -ErrorAction Stop).Id | Should -Be @($ChildId)
        @(Get-OSDomain Default -Cloud $Admin | Get-OSProject "$Prefix-*" -ErrorAction Stop).Id | Sort-Object | Should -Be (@($ParentId, $ChildId) | Sort-Object)
        @(Get-OSProject "$Prefix-*" -Disabled -Cloud $Admin -ErrorAction Stop).Id | Should -Be @($ChildId)
        @(Get-OSProject "$Prefix-*" -Enabled -Cloud $Admin -ErrorAction Stop).Id | Should -Be @($ParentId)
        { Get-OSProject -Domain 'oso-no-such-domain' -Cloud $Admin -ErrorAction Stop } | Should -Throw -ErrorId 'NameNotFound,*'
    }

    It 'Set-OSProject renames, adds and removes tags, and enables; -Tag @() removes every tag' {
        $changed = Get-OSProject -Id $ChildId -Cloud $Admin | Set-OSProject -NewName "$Prefix-child2" -AddTag a, b -Enabled -Confirm:$false -ErrorAction Stop
        $changed.Name | Should -Be "$Prefix-child2"
        $raw = Get-RawProject $ChildId
        $raw.name | Should -Be "$Prefix-child2"
        @($raw.tags | Sort-Object) | Should -Be @('a', 'b')
        $raw.enabled | Should -BeTrue
        @($raw.PSObject.Properties.Name) | Should -Not -Contain 'IsEmpty' -Because 'only Keystone''s fields are sent'
        $null = Set-OSProject "$Prefix-child2" -RemoveTag a -Description 'changed' -Cloud $Admin -Confirm:$false -ErrorAction Stop
        $raw = Get-RawProject $ChildId
        @($raw.tags) | Should -Be @('b')
        $raw.description | Should -Be 'changed'
        (Set-OSProject $ChildId -Tag @() -Cloud $Admin -Confirm:$false -ErrorAction Stop).Tags | Should -BeNullOrEmpty
        @((Get-RawProject $ChildId).tags) | Should -BeNullOrEmpty
    }

    It 'Remove-OSProject refuses a project with children, under -WhatIf too, and names them' {
        foreach ($whatIf in $true, $false) {
            Remove-OSProject "$Prefix-parent" -Cloud $Admin -WhatIf:$whatIf -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed
            $failed | Should -HaveCount 1
            $failed[0].FullyQualifiedErrorId | Should -BeLike 'Conflict,*'
            $failed[0].CategoryInfo.Category | Should -Be 'ResourceBusy'
            $failed[0].Exception.Message | Should -Match "child projects \($Prefix-child2\)"
        }
        (Get-RawProject $ParentId).id | Should -Be $ParentId
    }

    It 'Remove-OSProject deletes the child, then the parent' {
        Get-OSProject -Parent $ParentId -Cloud $Admin | Remove-OSProject -Confirm:$false -ErrorAction Stop
        Remove-OSProject "$Prefix-parent" -Cloud $Admin -Confirm:$false -ErrorAction Stop
        { Get-OSProject -Id $ParentId -Cloud $Admin -ErrorAction Stop } | Should -Throw -ErrorId 'ResourceNotFound,*'
        @(Get-OSProject "$Prefix-*" -Cloud $Admin -ErrorAction Stop) | Should -BeNullOrEmpty
    }

    It 'a member user is refused, and told the call needs the admin role' {
        Get-OSProject -Cloud $Demo -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failed[0].Exception.Message | Should -Match "needs the 'admin' role"
    }
}
