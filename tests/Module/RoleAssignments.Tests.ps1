# Keystone role assignments (admin): a throwaway user and group get roles on a throwaway project (and its child, by
# inheritance) and on the Default domain, by name and by id; Get-OSRoleAssignment shows them with names, -Effective
# shows the group's role as the user's; removal by parameters and from the pipeline; -WhatIf changes nothing; demo is
# told the calls need the admin role.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $PSStyle.OutputRendering = 'PlainText'
    $script:Prefix = New-OsoName 'oso-ra'
    if (-not (Get-OsoCloudSkipReason)) {
        $script:Admin = Connect-OSCloud -Cloud los-admin -NotDefault -ErrorAction Stop
        $script:Demo = Connect-OSCloud -Cloud los-demo -NotDefault -ErrorAction Stop
        function New-Identity([string] $Kind, [hashtable] $Body) {
            (Invoke-OSApiRequest -Cloud $Admin -Service identity -Path "/$($Kind)s" -Method POST -Body @{ $Kind = $Body } -Confirm:$false -ErrorAction Stop).$Kind.id
        }
        $script:ProjectId = New-Identity project @{ name = "$Prefix-proj"; domain_id = 'default' }
        $script:ChildId = New-Identity project @{ name = "$Prefix-child"; domain_id = 'default'; parent_id = $ProjectId }
        $script:UserId = New-Identity user @{ name = "$Prefix-user"; domain_id = 'default' }
        $script:GroupId = New-Identity group @{ name = "$Prefix-group"; domain_id = 'default' }
        $null = Invoke-OSApiRequest -Cloud $Admin -Service identity -Path "/groups/$GroupId/users/$UserId" -Method PUT -Confirm:$false -ErrorAction Stop
        $script:Roles = @{}
        foreach ($role in (Invoke-OSApiRequest -Cloud $Admin -Service identity -Path /roles -ErrorAction Stop).roles) { $Roles[$role.name] = $role.id }
    }

    function Get-RawAssignments([hashtable] $Query) {
        @((Invoke-OSApiRequest -Cloud $Admin -Service identity -Path /role_assignments -Query $Query -ErrorAction Stop).role_assignments)
    }
}

AfterAll {
    foreach ($path in "/projects/$ChildId", "/projects/$ProjectId", "/users/$UserId", "/groups/$GroupId") {
        if ($path -notmatch '/$') { $null = Invoke-OSApiRequest -Cloud $Admin -Service identity -Path $path -Method DELETE -Confirm:$false -ErrorAction SilentlyContinue }
    }
}

Describe 'Role assignments' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'a new user has no assignments' {
        @(Get-OSRoleAssignment -User "$Prefix-user" -Cloud $Admin -ErrorAction Stop) | Should -BeNullOrEmpty
    }

    It '-WhatIf resolves every name and gives nothing; a name that does not resolve is the error a real run would give' {
        Add-OSRoleAssignment reader -User "$Prefix-user" -Project "$Prefix-proj" -Cloud $Admin -WhatIf -ErrorAction Stop
        Get-RawAssignments @{ 'user.id' = $UserId } | Should -BeNullOrEmpty
        Add-OSRoleAssignment reader -User "$Prefix-nobody" -Project "$Prefix-proj" -Cloud $Admin -WhatIf -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'NameNotFound,*'
        $failed[0].Exception.Message | Should -Match "$Prefix-nobody"
    }

    It 'Add- gives a user a role on a project by names; Get- shows it with names and ids, as Keystone has it' {
        Add-OSRoleAssignment reader -User "$Prefix-user" -Project "$Prefix-proj" -Cloud $Admin -Confirm:$false -ErrorAction Stop
        $rows = @(Get-OSRoleAssignment -User "$Prefix-user" -Cloud $Admin -ErrorAction Stop)
        $rows | Should -HaveCount 1
        $rows[0].PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.RoleAssignment'
        $rows[0].Role | Should -Be 'reader'
        $rows[0].RoleId | Should -Be $Roles.reader
        $rows[0].User | Should -Be "$Prefix-user"
        $rows[0].UserId | Should -Be $UserId
        $rows[0].Project | Should -Be "$Prefix-proj"
        $rows[0].ProjectId | Should -Be $ProjectId
        $rows[0].Group | Should -BeNullOrEmpty
        $rows[0].Inherited | Should -BeFalse
        $raw = Get-RawAssignments @{ 'user.id' = $UserId }
        $raw | Should -HaveCount 1
        $raw[0].role.id | Should -Be $Roles.reader
        $raw[0].scope.project.id | Should -Be $ProjectId
        ($rows | Format-Table | Out-String) | Should -Match "reader\s+$Prefix-user\s+$Prefix-proj"
    }

    It 'Add- takes ids and a role object, and -PassThru writes the assignment' {
        $added = @(Get-OSRole member -Cloud $Admin -ErrorAction Stop | ForEach-Object {
                Add-OSRoleAssignment $_ -Group $GroupId -Project $ProjectId -PassThru -Confirm:$false -ErrorAction Stop })
        $added | Should -HaveCount 1
        $added[0].Group | Should -Be "$Prefix-group"
        $added[0].Role | Should -Be 'member'
        $added[0].Project | Should -Be "$Prefix-proj"
        (Get-RawAssignments @{ 'group.id' = $GroupId }).role.id | Should -Be $Roles.member
    }

    It 'filters by project, role and group' {
        $onProject = @(Get-OSRoleAssignment -Project "$Prefix-proj" -Cloud $Admin -ErrorAction Stop)
        @($onProject | Where-Object User -EQ "$Prefix-user").Role | Should -Be 'reader'
        @($onProject | Where-Object Group -EQ "$Prefix-group").Role | Should -Be 'member'
        @(Get-OSRoleAssignment member -Project $ProjectId -Cloud $Admin -ErrorAction Stop).Group | Should -Contain "$Prefix-group"
        @(Get-OSRoleAssignment member -Project $ProjectId -Cloud $Admin -ErrorAction Stop).User | Should -Not -Contain "$Prefix-user"
        @(Get-OSRoleAssignment -Group "$Prefix-group" -Cloud $Admin -ErrorAction Stop).Role | Should -Be @('member')
    }

    It '-Effective shows the group''s role as the user''s, with the group it comes through and the role it implies' {
        $effective = @(Get-OSRoleAssignment -User "$Prefix-user" -Project "$Prefix-proj" -Effective -Cloud $Admin -ErrorAction Stop)
        $effective.User | Sort-Object -Unique | Should -Be "$Prefix-user"
        $viaGroup = @($effective | Where-Object Role -EQ member)
        $viaGroup | Should -HaveCount 1
        $viaGroup[0].ViaGroupId | Should -Be $GroupId
        $viaGroup[0].Group | Should -BeNullOrEmpty -Because 'an effective row is the user''s'
        $viaGroup[0].IsDirect | Should -BeFalse
        $direct = @($effective | Where-Object { $_.Role -eq 'reader' -and $_.IsDirect })
        $direct | Should -HaveCount 1
        $direct[0].ViaGroupId | Should -BeNullOrEmpty
        $implied = @($effective | Where-Object { $_.Role -eq 'reader' -and -not $_.IsDirect })
        $implied | Should -HaveCount 1 -Because 'Keystone''s member role implies reader'
        $implied[0].ImpliedByRoleId | Should -Be $Roles.member
        $implied[0].ViaGroupId | Should -Be $GroupId
    }

    It '-Effective with -Group is the cloud''s error' {
        Get-OSRoleAssignment -Group "$Prefix-group" -Effective -Cloud $Admin -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].Exception.Message | Should -Match 'Combining effective and group filter'
    }

    It '-Inherited gives a role on the projects below; -Effective shows it on the child project' {
        Add-OSRoleAssignment admin -User "$Prefix-user" -Project "$Prefix-proj" -Inherited -Cloud $Admin -Confirm:$false -ErrorAction Stop
        $inherited = @(Get-OSRoleAssignment -User "$Prefix-user" -Inherited -Cloud $Admin -ErrorAction Stop)
        $inherited | Should -HaveCount 1
        $inherited[0].Role | Should -Be 'admin'
        $inherited[0].Inherited | Should -BeTrue
        $inherited[0].ProjectId | Should -Be $ProjectId
        @(Get-RawAssignments @{ 'user.id' = $UserId; 'scope.OS-INHERIT:inherited_to' = 'projects' }).role.id | Should -Be $Roles.admin
        $onChild = @(Get-OSRoleAssignment -User $UserId -Project $ChildId -Effective -Cloud $Admin -ErrorAction Stop)
        $onChild.Role | Should -Contain 'admin'
        @(Get-OSRoleAssignment -User $UserId -Project "$Prefix-proj" -Effective -Cloud $Admin -ErrorAction Stop).Role | Should -Not -Contain 'admin' -Because 'an inherited role is on the projects below, not on the project itself'
    }

    It 'gives and takes a role on a domain' {
        Add-OSRoleAssignment reader -User "$Prefix-user" -Domain Default -Cloud $Admin -Confirm:$false -ErrorAction Stop
        $rows = @(Get-OSRoleAssignment -User "$Prefix-user" -Domain default -Cloud $Admin -ErrorAction Stop)
        $rows | Should -HaveCount 1
        $rows[0].Domain | Should -Be 'Default'
        $rows[0].DomainId | Should -Be 'default'
        $rows[0].Project | Should -BeNullOrEmpty
        Remove-OSRoleAssignment reader -User "$Prefix-user" -Domain (Get-OSDomain Default -Cloud $Admin) -Cloud $Admin -Confirm:$false -ErrorAction Stop
        Get-RawAssignments @{ 'user.id' = $UserId; 'scope.domain.id' = 'default' } | Should -BeNullOrEmpty
    }

    It 'Remove- -WhatIf takes nothing away' {
        Remove-OSRoleAssignment reader -User "$Prefix-user" -Project "$Prefix-proj" -Cloud $Admin -WhatIf -ErrorAction Stop
        @(Get-RawAssignments @{ 'user.id' = $UserId; 'scope.project.id' = $ProjectId }).role.id | Should -Contain $Roles.reader
    }

    It 'a group-derived row piped to Remove- is refused with the group named; the direct ones are removed' {
        $effective = @(Get-OSRoleAssignment -User "$Prefix-user" -Project "$Prefix-proj" -Effective -Cloud $Admin -ErrorAction Stop)
        $effective | Where-Object Role -EQ member | Remove-OSRoleAssignment -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'NotAnAssignment,*'
        $failed[0].Exception.Message | Should -Match $GroupId
        (Get-RawAssignments @{ 'group.id' = $GroupId }).role.id | Should -Be $Roles.member
        Get-OSRoleAssignment -User "$Prefix-user" -Cloud $Admin -ErrorAction Stop | Remove-OSRoleAssignment -Confirm:$false -ErrorAction Stop
        Get-RawAssignments @{ 'user.id' = $UserId } | Should -BeNullOrEmpty -Because 'the direct and the inherited assignment are both removed'
        Remove-OSRoleAssignment member -Group "$Prefix-group" -Project "$Prefix-proj" -Cloud $Admin -Confirm:$false -ErrorAction Stop
        Get-RawAssignments @{ 'group.id' = $GroupId } | Should -BeNullOrEmpty
    }

    It 'demo is refused, and told the calls need the admin role' {
        Get-OSRoleAssignment -Cloud $Demo -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failed[0].Exception.Message | Should -Match 'identity:list_role_assignments'
        $failed[0].Exception.Message | Should -Match "needs the 'admin' role"
        Add-OSRoleAssignment member -User $UserId -Project $ProjectId -Cloud $Demo -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused | Should -HaveCount 1
        $refused[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $refused[0].Exception.Message | Should -Match "needs the 'admin' role"
        Get-RawAssignments @{ 'user.id' = $UserId } | Should -BeNullOrEmpty
    }
}
