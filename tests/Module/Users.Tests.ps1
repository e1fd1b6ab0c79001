# Keystone users (admin): created with a SecureString password or a PSCredential, listed with the domain and enabled
# filters, changed, deleted. The password is in no stream of New-OSUser -Debug -Verbose, no error, no -WhatIf text.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $PSStyle.OutputRendering = 'PlainText'
    $script:Prefix = New-OsoName 'oso-usr'
    # Distinctive, so that finding it anywhere can only mean it leaked.
    $script:PasswordText = 'Pw-' + [guid]::NewGuid().ToString('N')
    $script:Password = ConvertTo-SecureString $PasswordText -AsPlainText -Force
    if (-not (Get-OsoCloudSkipReason)) {
        $script:Admin = Connect-OSCloud -Cloud los-admin -NotDefault -ErrorAction Stop
        $script:Demo = Connect-OSCloud -Cloud los-demo -NotDefault -ErrorAction Stop
    }

    function Get-RawUser([string] $Id) {
        (Invoke-OSApiRequest -Cloud $Admin -Service identity -Path "/users/$Id" -ErrorAction Stop).user
    }

    # Everything a record of any stream shows: its text, and for objects and errors every property.
    function ConvertTo-AllText($Records) {
        foreach ($record in $Records) {
            "$record"
            $record | Format-List * -Force | Out-String -Width 500
            if ($record -is [System.Management.Automation.ErrorRecord]) { $record.Exception.ToString(); $record.ErrorDetails; $record.TargetObject }
        }
    }
}

AfterAll {
    if ($Admin) {
        foreach ($user in @((Invoke-OSApiRequest -Cloud $Admin -Service identity -Path /users -ErrorAction SilentlyContinue).users | Where-Object name -Like "$Prefix*")) {
            $null = Invoke-OSApiRequest -Cloud $Admin -Service identity -Path "/users/$($user.id)" -Method DELETE -Confirm:$false -ErrorAction SilentlyContinue
        }
    }
}

Describe 'Users' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'New-OSUser -Debug -Verbose creates the user; its password is in no stream, only *** in the traced body' {
        $records = @(New-OSUser "$Prefix-alice" -Password $Password -Email 'alice@example.com' -Description 'test user' -DefaultProject demo -Domain Default `
                -Cloud $Admin -Debug -Verbose -Confirm:$false -ErrorAction Stop *>&1)
        $user = @($records | Where-Object { $_ -is [OpenStackOrchestrator.Client.Identity.User] })
        $user | Should -HaveCount 1
        $post = @($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] -and $_.Message -like "*POST*/v3/users*" })
        $post | Should -Not -BeNullOrEmpty -Because '-Debug traces the request'
        $post[0].Message | Should -BeLike '*"password":"`*`*`*"*'
        (ConvertTo-AllText $records) -join "`n" | Should -Not -BeLike "*$PasswordText*"
        $script:AliceId = $user[0].Id
        $raw = Get-RawUser $AliceId
        $raw.email | Should -Be 'alice@example.com'
        $raw.description | Should -Be 'test user'
        $raw.domain_id | Should -Be 'default'
        $raw.default_project_id | Should -Be $Demo.ProjectId
        $user[0].PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.User'
    }

    It 'a refused New-OSUser (the name is taken) shows no password in its error' {
        $records = @(New-OSUser "$Prefix-alice" -Password $Password -Cloud $Admin -Debug -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed *>&1)
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Conflict,*'
        (ConvertTo-AllText ($records + $failed)) -join "`n" | Should -Not -BeLike "*$PasswordText*"
    }

    It '-WhatIf text of New-OSUser and Set-OSUser -Password shows no password' {
        $run = Invoke-OsoPwsh -Script @"
`$null = Connect-OSCloud -Cloud los-admin -ErrorAction Stop
New-OSUser '$Prefix-whatif' -Password '$PasswordText' -WhatIf -Verbose -Debug
Set-OSUser '$Prefix-alice' -Password '$PasswordText' -WhatIf -Verbose -Debug
"@
        $run.Text | Should -Match "What if: .*Create user.*$Prefix-whatif"
        $run.Text | Should -Match 'What if: .*set its password'
        $run.Text + $run.Errors | Should -Not -BeLike "*$PasswordText*"
        (Invoke-OSApiRequest -Cloud $Admin -Service identity -Path /users -Query @{ name = "$Prefix-whatif" } -ErrorAction Stop).users | Should -BeNullOrEmpty
    }

    It 'New-OSUser -Credential takes the name and password; -Disabled makes it disabled' {
        $credential = [pscredential]::new("$Prefix-bob", $Password)
        $bob = New-OSUser -Credential $credential -Disabled -Cloud $Admin -Confirm:$false -ErrorAction Stop
        $bob.Name | Should -Be "$Prefix-bob"
        (Get-RawUser $bob.Id).enabled | Should -BeFalse
        $script:BobId = $bob.Id
    }

    It 'Get-OSUser finds users by wildcard, domain (piped too) and enabled state' {
        @(Get-OSUser "$Prefix-*" -Cloud $Admin -ErrorAction Stop).Id | Sort-Object | Should -Be (@($AliceId, $BobId) | Sort-Object)
        @(Get-OSUser "$Prefix-*" -Disabled -Cloud $Admin -ErrorAction Stop).Id | Should -Be @($BobId)
        @(Get-OSUser "$Prefix-*" -Enabled -Cloud $Admin -ErrorAction Stop).Id | Should -Be @($AliceId)
        @(Get-OSDomain Default -Cloud $Admin | Get-OSUser "$Prefix-*" -ErrorAction Stop) | Should -HaveCount 2
        $alice = Get-OSUser "$Prefix-alice" -Cloud $Admin -ErrorAction Stop
        $alice.Email | Should -Be 'alice@example.com'
        $alice.DefaultProjectId | Should -Be $Demo.ProjectId
        $alice.Enabled | Should -BeTrue
        { Get-OSUser "$Prefix-nobody" -Cloud $Admin -ErrorAction Stop } | Should -Throw -ErrorId 'NameNotFound,*'
    }

    It 'Set-OSUser renames, enables and changes the e-mail address and the default project' {
        $changed = Get-OSUser -Id $BobId -Cloud $Admin | Set-OSUser -NewName "$Prefix-robert" -Enabled -Email 'bob@example.com' -DefaultProject demo -Confirm:$false -ErrorAction Stop
        $changed.Name | Should -Be "$Prefix-robert"
        $raw = Get-RawUser $BobId
        $raw.name | Should -Be "$Prefix-robert"
        $raw.enabled | Should -BeTrue
        $raw.email | Should -Be 'bob@example.com'
        $raw.default_project_id | Should -Be $Demo.ProjectId
    }

    It 'Remove-OSUser deletes users from the pipeline' {
        Get-OSUser "$Prefix-*" -Cloud $Admin | Remove-OSUser -Confirm:$false -ErrorAction Stop
        @(Get-OSUser "$Prefix-*" -Cloud $Admin -ErrorAction Stop) | Should -BeNullOrEmpty
    }

    It 'a member user is refused, and told the call needs the admin role' {
        Get-OSUser -Cloud $Demo -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failed[0].Exception.Message | Should -Match "needs the 'admin' role"
    }
}
