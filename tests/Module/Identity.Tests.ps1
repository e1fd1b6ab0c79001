# Keystone identity read through the resource model: domains and roles by name, wildcards, id and pipeline; the
# admin-only listing refused for demo with Keystone's policy message, the request id, the role needed and demo's roles.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $PSStyle.OutputRendering = 'PlainText'
    $script:Admin = Connect-OSCloud -Cloud los-admin -NotDefault -ErrorAction Stop
    $script:Demo = Connect-OSCloud -Cloud los-demo -NotDefault -ErrorAction Stop
}

Describe 'Domains and roles' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'lists the domains Keystone lists, with the Default domain by name and id' {
        $domains = @(Get-OSDomain -Cloud $Admin -ErrorAction Stop)
        $raw = Invoke-OSApiRequest -Cloud $Admin -Service identity -Path '/domains' -ErrorAction Stop
        @($domains.Id | Sort-Object) | Should -Be @($raw.domains.id | Sort-Object)
        $default = Get-OSDomain -Cloud $Admin -Name Default -ErrorAction Stop
        $default.Id | Should -Be 'default'
        $default.Enabled | Should -BeTrue
        $default.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Domain'
        (Get-OSDomain -Cloud $Admin -Id default -ErrorAction Stop).Name | Should -Be 'Default'
    }

    It 'gets roles by name, wildcard and pipeline' {
        $raw = Invoke-OSApiRequest -Cloud $Admin -Service identity -Path '/roles' -ErrorAction Stop
        $member = Get-OSRole -Cloud $Admin -Name member -ErrorAction Stop
        $member.Id | Should -Be ($raw.roles | Where-Object name -EQ member).id
        $member.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Role'
        @(Get-OSRole -Cloud $Admin -Name 'heat_stack_*' -ErrorAction Stop).Name | Sort-Object |
            Should -Be @($raw.roles.name | Where-Object { $_ -like 'heat_stack_*' } | Sort-Object)
        ($member | Get-OSRole -ErrorAction Stop).Id | Should -Be $member.Id
        { Get-OSRole -Cloud $Admin -Name 'no-such-role-oso' -ErrorAction Stop } | Should -Throw -ErrorId 'NameNotFound,*'
    }

    It 'refuses demo with the policy message, the request id, the role needed and the roles demo has' {
        $err = $null
        try { Get-OSRole -Cloud $Demo -ErrorAction Stop } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'PermissionDenied,*'
        $err.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $err.Exception.Message | Should -Match 'identity:list_roles'
        $err.Exception.Message | Should -Match 'request id req-[0-9a-f-]+'
        $err.Exception.Message | Should -Match "needs the 'admin' role"
        $err.Exception.Message | Should -Match "user 'demo' has the roles .*member"
        { Get-OSDomain -Cloud $Demo -ErrorAction Stop } | Should -Throw -ErrorId 'PermissionDenied*'
    }
}
