# Security groups and their rules against the local OpenStack, built from the pipeline, and Neutron's refusals.
# Everything is named with one prefix and deleted in AfterAll.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-Module "$PSScriptRoot/TestSupport/OsoNetworkTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $Commands = 'OpenStackOrchestrator.Cmdlets.Networking.'
    $Prefix = New-OsoName 'oso-sg'
    if (-not (Get-OsoCloudSkipReason)) { $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop }

    # direction, ether type, protocol, port range and remote of a rule, as one line
    function Get-RuleLine($rule) { "$($rule.Direction) $($rule.EtherType) $($rule.Protocol) $($rule.PortRange) $($rule.RemoteIPPrefix)$($rule.RemoteGroupId)" }
}

AfterAll {
    if (-not (Get-OsoCloudSkipReason)) { Remove-OsoNetworkResources -Prefix $Prefix }
}

Describe 'Security groups' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'and their rules go through their whole life' {
        $group = New-OSSecurityGroup "$Prefix-web" -Description 'web servers' -ErrorAction Stop
        $group.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.SecurityGroup'
        $group.Description | Should -Be 'web servers'
        $group.Rules | Should -HaveCount 2   # Neutron's two egress rules

        $https = Get-OSSecurityGroup "$Prefix-web" | New-OSSecurityGroupRule -Port 443 -ErrorAction Stop
        $https.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.SecurityGroupRule'
        Get-RuleLine $https | Should -Be 'ingress IPv4 tcp 443 '
        $https.SecurityGroupId | Should -Be $group.Id

        $range = New-OSSecurityGroupRule "$Prefix-web" -Protocol udp -PortRange 8000-8100 -RemoteIPPrefix 203.0.113.0/24 -ErrorAction Stop
        Get-RuleLine $range | Should -Be 'ingress IPv4 udp 8000-8100 203.0.113.0/24'
        Get-RuleLine (New-OSSecurityGroupRule "$Prefix-web" -Port 22 -RemoteIPPrefix 2001:db8::/32 -ErrorAction Stop) | Should -Be 'ingress IPv6 tcp 22 2001:db8::/32'
        Get-RuleLine (New-OSSecurityGroupRule "$Prefix-web" -RemoteGroup "$Prefix-web" -ErrorAction Stop) | Should -Be "ingress IPv4 any any $($group.Id)"
        Get-RuleLine (New-OSSecurityGroupRule "$Prefix-web" -Direction Egress -Protocol icmp -EtherType IPv4 -RemoteIPPrefix 198.51.100.0/24 -ErrorAction Stop) |
            Should -Be 'egress IPv4 icmp any 198.51.100.0/24'

        Get-OSSecurityGroupRule "$Prefix-web" -Direction Ingress -ErrorAction Stop | Should -HaveCount 4
        (Get-OSSecurityGroup "$Prefix-web" -ErrorAction Stop).Rules | Should -HaveCount 7   # 2 egress + 5 added
        (Get-OSSecurityGroupRule -Id $range.Id -ErrorAction Stop).Id | Should -Be $range.Id

        Get-OSSecurityGroupRule "$Prefix-web" -Protocol udp | Remove-OSSecurityGroupRule -Confirm:$false -ErrorAction Stop
        Get-OSSecurityGroupRule "$Prefix-web" -Direction Ingress -ErrorAction Stop | Should -HaveCount 3

        Get-OSSecurityGroup "$Prefix-web" | Remove-OSSecurityGroup -Confirm:$false -ErrorAction Stop
        $null = Get-OSSecurityGroup "$Prefix-web" -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -HaveCount 1
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'Get-OSSecurityGroup | Get-OSSecurityGroupRule lists the rules of the piped group only (Get-OSSecurityGroup and -Rule examples)' {
        $one = New-OSSecurityGroup "$Prefix-p1" -ErrorAction Stop
        $two = New-OSSecurityGroup "$Prefix-p2" -ErrorAction Stop
        $rule = $one | New-OSSecurityGroupRule -Port 443 -ErrorAction Stop   # New-OSSecurityGroupRule example

        $rules = @(Get-OSSecurityGroup "$Prefix-p1" | Get-OSSecurityGroupRule -ErrorAction Stop)
        $rules | Should -HaveCount 3
        $rules.SecurityGroupId | Sort-Object -Unique | Should -Be $one.Id
        @(Get-OSSecurityGroup "$Prefix-p1" | Get-OSSecurityGroupRule -Direction Ingress -ErrorAction Stop).Id | Should -Be @($rule.Id)
        @(Get-OSSecurityGroup "$Prefix-p?" | Get-OSSecurityGroupRule -Direction Egress -ErrorAction Stop).SecurityGroupId | Sort-Object -Unique |
            Should -Be @(@($one.Id, $two.Id) | Sort-Object)
    }

    It 'New-OSSecurityGroup | New-OSSecurityGroupRule adds the rule to the new group (New-OSSecurityGroup example)' {
        $rule = New-OSSecurityGroup "$Prefix-n" -Description 'web servers' -ErrorAction Stop | New-OSSecurityGroupRule -Port 443 -ErrorAction Stop
        $rule.SecurityGroupId | Should -Be (Get-OSSecurityGroup "$Prefix-n" -ErrorAction Stop).Id
        Get-RuleLine $rule | Should -Be 'ingress IPv4 tcp 443 '
    }

    It 'Get-OSSecurityGroupRule -Property asks Neutron for only those fields of the group''s rules' {
        $group = New-OSSecurityGroup "$Prefix-prop" -ErrorAction Stop
        $null = $group | New-OSSecurityGroupRule -Port 22 -RemoteIPPrefix 192.0.2.0/24 -ErrorAction Stop

        $trace = @($group | Get-OSSecurityGroupRule -Direction Ingress -Property PortRange, Remote -Debug -ErrorAction Stop 5>&1)

        $list = @($trace | Where-Object { $_ -is [System.Management.Automation.DebugRecord] -and $_.Message -like 'REQ: curl*/v2.0/security-group-rules?*' })
        $list | Should -HaveCount 1
        $list[0].Message | Should -Match "security_group_id=$($group.Id)"
        $list[0].Message | Should -Match 'fields=port_range_min'
        $list[0].Message | Should -Not -Match 'fields=(protocol|ethertype|description)'
        $rules = @($trace | Where-Object { $_ -isnot [System.Management.Automation.DebugRecord] })
        $rules | Should -HaveCount 1
        $rules[0].PortRange | Should -Be '22'
        $rules[0].Remote | Should -Be '192.0.2.0/24'
        @($rules[0].PSObject.Properties.Name | Where-Object { $_ -in 'Protocol', 'EtherType', 'Direction', 'SecurityGroupId' }) | Should -BeNullOrEmpty
    }

    It 'Get-OSSecurityGroupRule <id> lists the rules at once, without reading the group (Neutron loads every rule for that too)' {
        $group = New-OSSecurityGroup "$Prefix-byid" -ErrorAction Stop

        $trace = @(Get-OSSecurityGroupRule $group.Id -Debug -ErrorAction Stop 5>&1)

        $requests = @($trace | Where-Object { $_ -is [System.Management.Automation.DebugRecord] -and $_.Message -like 'REQ: curl*' })
        $requests | Should -HaveCount 1
        $requests[0].Message | Should -Match "security-group-rules\?security_group_id=$($group.Id)"
        @($trace | Where-Object { $_ -isnot [System.Management.Automation.DebugRecord] }) | Should -HaveCount 2 -Because 'a new group has its two egress rules'
    }

    It 'Get-OSSecurityGroupRule <id> of no group is ObjectNotFound; a group whose rules are all gone lists none, without error' {
        $missing = [guid]::NewGuid().ToString()
        $rules = @(Get-OSSecurityGroupRule $missing -ErrorVariable failed -ErrorAction SilentlyContinue)
        $rules | Should -BeNullOrEmpty
        $failed | Should -HaveCount 1
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].Exception.Message | Should -Match $missing

        $group = New-OSSecurityGroup "$Prefix-empty" -ErrorAction Stop
        $group | Get-OSSecurityGroupRule | Remove-OSSecurityGroupRule -Confirm:$false -ErrorAction Stop
        @(Get-OSSecurityGroupRule $group.Id -ErrorVariable none -ErrorAction SilentlyContinue) | Should -BeNullOrEmpty
        $none | Should -BeNullOrEmpty
    }

    It 'Get-OSSecurityGroupRule x -Protocol tcp | Where-Object PortRange -eq 22 | Remove-OSSecurityGroupRule removes that rule (Get-/Remove-OSSecurityGroupRule examples)' {
        $group = New-OSSecurityGroup "$Prefix-r" -ErrorAction Stop
        $ssh = $group | New-OSSecurityGroupRule -Port 22 -ErrorAction Stop
        $https = $group | New-OSSecurityGroupRule -Port 443 -ErrorAction Stop

        Get-OSSecurityGroupRule "$Prefix-r" -Protocol tcp | Where-Object PortRange -eq 22 | Remove-OSSecurityGroupRule -Confirm:$false -ErrorAction Stop

        $left = @(Get-OSSecurityGroupRule "$Prefix-r" -Direction Ingress -ErrorAction Stop).Id
        $left | Should -Be @($https.Id)
        $left | Should -Not -Contain $ssh.Id
    }

    It 'refuse a rule that already exists with a Conflict naming the existing rule' {
        $null = New-OSSecurityGroup "$Prefix-dup" -ErrorAction Stop
        $first = (Get-OSSecurityGroup "$Prefix-dup" | New-OSSecurityGroupRule -Port 22 -ErrorAction Stop).Id

        $null = Get-OSSecurityGroup "$Prefix-dup" | New-OSSecurityGroupRule -Port 22 -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be "Conflict,${Commands}NewOSSecurityGroupRuleCommand"
        $e[0].CategoryInfo.Category | Should -Be 'ResourceBusy'
        "$($e[0])" | Should -Match 'already exists'
        "$($e[0])" | Should -Match $first
        "$($e[0])" | Should -Match 'request id req-[0-9a-f-]+'
    }

    It 'refuse contradictory rule arguments before anything is sent' {
        $null = New-OSSecurityGroup "$Prefix-bad" -ErrorAction Stop

        $e = @()
        $null = New-OSSecurityGroupRule "$Prefix-bad" -Port 22 -PortRange 20-30 -ErrorVariable +e -ErrorAction SilentlyContinue
        $null = New-OSSecurityGroupRule "$Prefix-bad" -Protocol icmp -Port 8 -ErrorVariable +e -ErrorAction SilentlyContinue
        $null = New-OSSecurityGroupRule "$Prefix-bad" -PortRange 30-20 -ErrorVariable +e -ErrorAction SilentlyContinue
        $null = New-OSSecurityGroupRule "$Prefix-bad" -RemoteIPPrefix 10.0.0.0/8 -RemoteGroup "$Prefix-bad" -ErrorVariable +e -ErrorAction SilentlyContinue

        $e | Should -HaveCount 4
        $e | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be "InvalidArgument,${Commands}NewOSSecurityGroupRuleCommand" }
        Get-OSSecurityGroupRule "$Prefix-bad" -ErrorAction Stop | Should -HaveCount 2
    }

    It 'with one name are ambiguous, and the error lists both ids' {
        $ids = @((New-OSSecurityGroup "$Prefix-twin" -ErrorAction Stop).Id, (New-OSSecurityGroup "$Prefix-twin" -ErrorAction Stop).Id)

        $null = New-OSSecurityGroupRule "$Prefix-twin" -Port 80 -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be "AmbiguousName,${Commands}NewOSSecurityGroupRuleCommand"
        $ids | ForEach-Object { "$($e[0])" | Should -Match $_ }
        Get-OSSecurityGroup "$Prefix-twin" -ErrorAction Stop | Should -HaveCount 2
    }

    It 'add and remove nothing under -WhatIf, which says what the rule would be' {
        $null = New-OSSecurityGroup "$Prefix-w" -ErrorAction Stop

        $null = Get-OSSecurityGroup "$Prefix-w" | New-OSSecurityGroupRule -Port 443 -WhatIf -ErrorAction Stop
        Get-OSSecurityGroupRule "$Prefix-w" | Remove-OSSecurityGroupRule -WhatIf -ErrorAction Stop
        Remove-OSSecurityGroup "$Prefix-w" -WhatIf -ErrorAction Stop
        Get-OSSecurityGroupRule "$Prefix-w" -ErrorAction Stop | Should -HaveCount 2

        # What if: lines go to the host, so they are read from a real pwsh's output.
        $run = Invoke-OsoPwsh -Script "`$null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop; New-OSSecurityGroupRule $Prefix-w -Port 443 -WhatIf"
        $run.Text | Should -Match 'What if'
        $run.Text | Should -Match 'ingress IPv4 tcp port 443 from anywhere'
        Get-OSSecurityGroupRule "$Prefix-w" -ErrorAction Stop | Should -HaveCount 2
    }

    It 'read as tables' {
        $null = New-OSSecurityGroup "$Prefix-t" -ErrorAction Stop | New-OSSecurityGroupRule -PortRange 8000-8100 -RemoteIPPrefix 203.0.113.0/24 -ErrorAction Stop

        $table = Get-OSSecurityGroupRule "$Prefix-t" -Direction Ingress | Format-Table | Out-String -Width 250
        $table | Should -Match 'Direction\s+EtherType\s+Protocol\s+PortRange\s+Remote\s+Description\s+Id'
        $table | Should -Match 'ingress\s+IPv4\s+tcp\s+8000-8100\s+203\.0\.113\.0/24\s+[0-9a-f-]{36}'
        Get-OSSecurityGroup "$Prefix-t" | Format-Table | Out-String -Width 250 | Should -Match 'Name\s+Rules\s+Description\s+Id'
    }
}
