# An admin's day with the identity cmdlets: a project (tagged, below a parent), a user with a password, a group with
# the user in it; then the new user connects to the new project (Connect-OSCloud -AuthUrl -User -Password -ProjectName)
# and works there. The member role is given with Invoke-OSApiRequest (the role assignment cmdlets are not this file's).

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $PSStyle.OutputRendering = 'PlainText'
    $script:Prefix = New-OsoName 'oso-ida'
    $script:PasswordText = 'Pw-' + [guid]::NewGuid().ToString('N')
    $script:Password = ConvertTo-SecureString $PasswordText -AsPlainText -Force
    if (-not (Get-OsoCloudSkipReason)) {
        $script:Admin = Connect-OSCloud -Cloud los-admin -NotDefault -ErrorAction Stop
        $script:MemberRoleId = (Invoke-OSApiRequest -Cloud $Admin -Service identity -Path /roles -Query @{ name = 'member' } -ErrorAction Stop).roles[0].id
    }

    function Connect-AsNewUser {
        Connect-OSCloud -AuthUrl $Admin.AuthUrl -User "$Prefix-user" -Password $Password -ProjectName "$Prefix-team" `
            -UserDomainName Default -ProjectDomainName Default -NotDefault @args
    }
}

AfterAll {
    if ($Admin) {
        if ($TeamId) {
            # Neutron makes a 'default' security group for each project it sees, and keeps it when the project goes.
            $groups = (Invoke-OSApiRequest -Cloud $Admin -Service network -Path /v2.0/security-groups -Query @{ project_id = $TeamId } -ErrorAction SilentlyContinue).security_groups
            foreach ($group in $groups) {
                $null = Invoke-OSApiRequest -Cloud $Admin -Service network -Path "/v2.0/security-groups/$($group.id)" -Method DELETE -Confirm:$false -ErrorAction SilentlyContinue
            }
        }
        foreach ($kind in 'users', 'groups') {
            foreach ($item in @((Invoke-OSApiRequest -Cloud $Admin -Service identity -Path "/$kind" -ErrorAction SilentlyContinue).$kind | Where-Object name -Like "$Prefix*")) {
                $null = Invoke-OSApiRequest -Cloud $Admin -Service identity -Path "/$kind/$($item.id)" -Method DELETE -Confirm:$false -ErrorAction SilentlyContinue
            }
        }
        $mine = @((Invoke-OSApiRequest -Cloud $Admin -Service identity -Path /projects -ErrorAction SilentlyContinue).projects | Where-Object name -Like "$Prefix*")
        foreach ($project in @($mine | Where-Object parent_id -NE 'default') + @($mine | Where-Object parent_id -EQ 'default')) {
            $null = Invoke-OSApiRequest -Cloud $Admin -Service identity -Path "/projects/$($project.id)" -Method DELETE -Confirm:$false -ErrorAction SilentlyContinue
        }
    }
}

Describe 'A new project, user and group, and the user at work in the project' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'the admin creates a project below a parent, tagged' {
        $parent = New-OSProject "$Prefix-dept" -Cloud $Admin -Confirm:$false -ErrorAction Stop
        $team = New-OSProject "$Prefix-team" -Parent $parent -Tag "$Prefix-tag" -Description 'the team' -Cloud $Admin -Confirm:$false -ErrorAction Stop
        $team.ParentId | Should -Be $parent.Id
        @(Get-OSProject -Tag "$Prefix-tag" -Cloud $Admin -ErrorAction Stop).Id | Should -Be @($team.Id)
        $script:TeamId = $team.Id
    }

    It 'the admin creates a user with a password, and a group with the user in it' {
        $user = New-OSUser "$Prefix-user" -Password $Password -DefaultProject "$Prefix-team" -Cloud $Admin -Confirm:$false -ErrorAction Stop
        $user.DefaultProjectId | Should -Be $TeamId
        $group = New-OSGroup "$Prefix-group" -Domain Default -Description 'the team''s people' -Cloud $Admin -Confirm:$false -ErrorAction Stop
        $group.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Group'
        $group.DomainId | Should -Be 'default'
        Get-OSUser "$Prefix-user" -Cloud $Admin | Add-OSGroupMember -Group "$Prefix-group" -Confirm:$false -ErrorAction Stop
        $raw = Invoke-OSApiRequest -Cloud $Admin -Service identity -Path "/groups/$($group.Id)/users" -ErrorAction Stop
        @($raw.users.id) | Should -Be @($user.Id)
        @(Get-OSGroupMember "$Prefix-group" -Cloud $Admin -ErrorAction Stop).Id | Should -Be @($user.Id)
        $script:UserId = $user.Id
        $script:GroupId = $group.Id
    }

    It 'without a role on the project, the user cannot connect to it' {
        { Connect-AsNewUser -ErrorAction Stop } | Should -Throw -ErrorId 'AuthenticationFailed,*'
    }

    It 'with the member role, the user connects to the project by name and lists its (empty) servers and own networks' {
        $null = Invoke-OSApiRequest -Cloud $Admin -Service identity -Path "/projects/$TeamId/users/$UserId/roles/$MemberRoleId" -Method PUT -Confirm:$false -ErrorAction Stop
        $cloud = Connect-AsNewUser -ErrorAction Stop
        $cloud.UserName | Should -Be "$Prefix-user"
        $cloud.ProjectId | Should -Be $TeamId
        @(Get-OSServer -Cloud $cloud -ErrorAction Stop) | Should -BeNullOrEmpty
        @(Get-OSNetwork -Cloud $cloud -ErrorAction Stop | Where-Object ProjectId -EQ $TeamId) | Should -BeNullOrEmpty
        $script:UserCloud = $cloud
    }

    It 'the user works in the project: a network the user creates belongs to it' {
        $network = New-OSNetwork "$Prefix-net" -Cloud $UserCloud -Confirm:$false -ErrorAction Stop
        try {
            $raw = Invoke-OSApiRequest -Cloud $Admin -Service network -Path "/v2.0/networks/$($network.Id)" -ErrorAction Stop
            $raw.network.project_id | Should -Be $TeamId
        }
        finally {
            Remove-OSNetwork $network -Confirm:$false -ErrorAction SilentlyContinue
        }
    }

    It 'the user is no admin: listing projects is refused with the role it needs' {
        Get-OSProject -Cloud $UserCloud -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failed[0].Exception.Message | Should -Match "needs the 'admin' role; user '$Prefix-user' has the roles? .*member.* on project '$Prefix-team'"
    }

    It 'Remove-OSGroupMember takes the user out (-WhatIf first changes nothing); Remove-OSGroup deletes the group' {
        Remove-OSGroupMember "$Prefix-group" "$Prefix-user" -Cloud $Admin -WhatIf -ErrorAction Stop
        @(Get-OSGroupMember "$Prefix-group" -Cloud $Admin -ErrorAction Stop) | Should -HaveCount 1
        Remove-OSGroupMember "$Prefix-group" "$Prefix-user" -Cloud $Admin -Confirm:$false -ErrorAction Stop
        @(Get-OSGroupMember "$Prefix-group" -Cloud $Admin -ErrorAction Stop) | Should -BeNullOrEmpty
        Remove-OSGroupMember "$Prefix-group" "$Prefix-user" -Cloud $Admin -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-OSGroup "$Prefix-group" -Cloud $Admin | Remove-OSGroup -Confirm:$false -ErrorAction Stop
        @(Get-OSGroup "$Prefix-*" -Cloud $Admin -ErrorAction Stop) | Should -BeNullOrEmpty
    }

    It 'the admin deletes the user, the project and its parent' {
        Remove-OSUser "$Prefix-user" -Cloud $Admin -Confirm:$false -ErrorAction Stop
        { Connect-AsNewUser -ErrorAction Stop } | Should -Throw -ErrorId 'AuthenticationFailed,*'
        Remove-OSProject "$Prefix-team", "$Prefix-dept" -Cloud $Admin -Confirm:$false -ErrorAction Stop
        @(Get-OSProject "$Prefix-*" -Cloud $Admin -ErrorAction Stop) | Should -BeNullOrEmpty
    }
}
