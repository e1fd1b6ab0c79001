# Nova server groups (the DRS rules of vSphere admins) through the generic resource cmdlets: create with each policy
# form the cloud's microversion takes, list and get (names, ids, wildcards, -Property, pipeline), members, delete.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $PSStyle.OutputRendering = 'PlainText'
    $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
    $script:Prefix = New-OsoName 'oso-sg'
    $script:Commands = 'OpenStackOrchestrator.Cmdlets.Compute.'
}

AfterAll {
    Get-OSServer -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSServer -Confirm:$false -ErrorAction SilentlyContinue
    Get-OSServerGroup -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSServerGroup -Confirm:$false -ErrorAction SilentlyContinue
}

Describe 'Server groups' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'are created with a policy and a rule, and read back the same from Nova' {
        $group = New-OSServerGroup "$Prefix-anti" AntiAffinity -MaxServerPerHost 2 -ErrorAction Stop
        $group.Policy | Should -Be 'AntiAffinity'
        $group.MaxServerPerHost | Should -Be 2
        $group.Members | Should -BeNullOrEmpty
        $group.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.ServerGroup'

        $raw = Invoke-OSApiRequest -Service compute -Path "/os-server-groups/$($group.Id)" -Microversion 2.64 -ErrorAction Stop
        $raw.server_group.policy | Should -Be 'anti-affinity'
        $raw.server_group.rules.max_server_per_host | Should -Be 2

        $read = Get-OSServerGroup -Id $group.Id -ErrorAction Stop
        $read.Name | Should -Be "$Prefix-anti"
        $read.Policy | Should -Be 'AntiAffinity'
    }

    It 'take every policy, and list by wildcard name' {
        foreach ($policy in 'Affinity', 'SoftAffinity', 'SoftAntiAffinity') {
            (New-OSServerGroup "$Prefix-$policy" $policy -ErrorAction Stop).Policy | Should -Be $policy
        }
        $listed = @(Get-OSServerGroup "$Prefix-Soft*" -ErrorAction Stop)
        @($listed.Name | Sort-Object) | Should -Be @("$Prefix-SoftAffinity", "$Prefix-SoftAntiAffinity")
        (Get-OSServerGroup "$Prefix-Affinity" -ErrorAction Stop).Policy | Should -Be 'Affinity'
    }

    It 'refuse a rule of another policy before anything is sent, with -WhatIf too' {
        $before = @(Get-OSServerGroup "$Prefix-*" -ErrorAction Stop).Count
        $null = New-OSServerGroup "$Prefix-badrule" Affinity -MaxServerPerHost 2 -WhatIf -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be "BadRequest,${Commands}NewOSServerGroupCommand"
        "$($e[0])" | Should -Match 'AntiAffinity'
        $null = New-OSServerGroup "$Prefix-badrule" Affinity -MaxServerPerHost 2 -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e2 | Should -HaveCount 1
        @(Get-OSServerGroup "$Prefix-*" -ErrorAction Stop).Count | Should -Be $before
    }

    It 'give just the properties -Property asks for, and still pipe to Remove-OSServerGroup' {
        $group = New-OSServerGroup "$Prefix-prop" AntiAffinity -ErrorAction Stop
        $slim = Get-OSServerGroup "$Prefix-prop" -Property Name, Policy -ErrorAction Stop
        $table = ($slim | Format-Table | Out-String)
        $table | Should -Match 'Name\s+Policy'
        $table | Should -Not -Match 'Members'
        $slim.Id | Should -Be $group.Id -Because 'Id rides along hidden'
        { Get-OSServerGroup -Property Nope -ErrorAction Stop } | Should -Throw -ErrorId 'UnknownProperty*'
        ($group | Get-OSServerGroup -ErrorAction Stop).Id | Should -Be $group.Id
        $slim | Remove-OSServerGroup -Confirm:$false -ErrorAction Stop
        @(Get-OSServerGroup "$Prefix-prop" -ErrorAction SilentlyContinue) | Should -BeNullOrEmpty
    }

    It 'show in a table with their policy and number of members' {
        $null = New-OSServerGroup "$Prefix-table" SoftAntiAffinity -ErrorAction Stop
        $out = Get-OSServerGroup "$Prefix-table" | Format-Table | Out-String
        $out | Should -Match 'Name\s+Policy\s+Members\s+Id'
        $out | Should -Match "$Prefix-table\s+SoftAntiAffinity\s+0"
    }

    It 'complete their names and properties' {
        $null = New-OSServerGroup "$Prefix-complete" Affinity -ErrorAction Stop
        $line = "Remove-OSServerGroup $Prefix-com"
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Contain "$Prefix-complete"
        $line = "New-OSServer x -ServerGroup $Prefix-com"
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Contain "$Prefix-complete"
        $line = 'Get-OSServerGroup -Property Memb'
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Be 'Members'
    }

    It 'are deleted by name, id or object, after a name is resolved (an unknown name is an error, -WhatIf too)' {
        $group = New-OSServerGroup "$Prefix-gone" Affinity -ErrorAction Stop
        $null = Remove-OSServerGroup "$Prefix-no-such" -WhatIf -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be "NameNotFound,${Commands}RemoveOSServerGroupCommand"
        $group | Remove-OSServerGroup -Confirm:$false -ErrorAction Stop
        $null = Get-OSServerGroup -Id $group.Id -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e2 | Should -HaveCount 1
        $e2[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'New-OSServer -ServerGroup' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'puts the server in the group, which then shows it in Members' {
        $group = New-OSServerGroup "$Prefix-vmgroup" AntiAffinity -ErrorAction Stop
        $server = New-OSServer "$Prefix-vm" -Image los-fake-image -Flavor m1.tiny -Network none -ServerGroup "$Prefix-vmgroup" -ErrorAction Stop
        $server.Status | Should -Be 'ACTIVE'
        (Get-OSServerGroup -Id $group.Id -ErrorAction Stop).Members | Should -Be @($server.Id)
    }

    It 'refuses a group that does not exist before the server is created, -WhatIf too' {
        $null = New-OSServer "$Prefix-nogroup" -Image los-fake-image -Flavor m1.tiny -Network none -ServerGroup "$Prefix-no-such-group" -WhatIf -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -BeLike 'NameNotFound,*NewOSServerCommand'
        @(Get-OSServer "$Prefix-nogroup" -ErrorAction SilentlyContinue) | Should -BeNullOrEmpty
    }
}
