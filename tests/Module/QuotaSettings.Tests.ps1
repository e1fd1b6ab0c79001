# Set-OSQuota (admin) on a throwaway project: compute, block storage and network quotas set by the names of
# Get-OSQuota's rows and read back by Get-OSQuota and the raw APIs; only the services given are called; -WhatIf names
# each change and changes nothing; a limit below the usage and an invalid limit are the cloud's errors; demo is told
# it needs the admin role.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $PSStyle.OutputRendering = 'PlainText'
    $script:Prefix = New-OsoName 'oso-qs'
    if (-not (Get-OsoCloudSkipReason)) {
        $script:Admin = Connect-OSCloud -Cloud los-admin -NotDefault -ErrorAction Stop
        $script:Demo = Connect-OSCloud -Cloud los-demo -NotDefault -ErrorAction Stop
        $script:Target = New-OsoProject -AdminCloud $Admin -Name "$Prefix-proj"
    }

    function Get-Limit([string] $Service, [string] $Resource) {
        (Get-OSQuota -ProjectId $Target.Id -Cloud $Admin -ErrorAction Stop | Where-Object { $_.Service -eq $Service -and $_.Resource -eq $Resource }).Limit
    }
}

AfterAll {
    if ($Target) {
        Get-OSServerGroup -Cloud $Target.Cloud -ErrorAction SilentlyContinue | Remove-OSServerGroup -Confirm:$false -ErrorAction SilentlyContinue
        Remove-OsoProject -AdminCloud $Admin -Project $Target
    }
}

Describe 'Set-OSQuota' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'has a parameter for each row of Get-OSQuota but the per-volume-type ones, named as the row' {
        $parameters = (Get-Command Set-OSQuota).Parameters.Keys
        $resources = Get-OSQuota -ProjectId $Target.Id -Cloud $Admin -ErrorAction Stop | Where-Object Resource -NotMatch '_.+_|^(volumes|gigabytes|snapshots)_' |
            ForEach-Object Resource | Sort-Object -Unique
        $resources | Should -Not -BeNullOrEmpty
        foreach ($resource in $resources) {
            $parameters | Should -Contain ($resource -replace '_', '') -Because "Get-OSQuota shows a row '$resource'"
        }
    }

    It '-WhatIf names each change with the limit it replaces, and changes nothing' {
        $before = Get-Limit compute instances
        $run = Invoke-OsoPwsh -Script @"
`$null = Connect-OSCloud -Cloud los-admin -ErrorAction Stop
Set-OSQuota '$Prefix-proj' -Instances 7 -Cores 9 -Volumes 3 -WhatIf
"@
        $run.Output | Should -Contain "What if: Performing the operation ""Set instances to 7 (was $before), cores to 9 (was $(Get-Limit compute cores))"" on target ""compute quotas of project '$Prefix-proj' on los-admin""."
        $run.Output | Should -Contain "What if: Performing the operation ""Set volumes to 3 (was $(Get-Limit block-storage volumes))"" on target ""block-storage quotas of project '$Prefix-proj' on los-admin""."
        @($run.Output | Where-Object { $_ -like 'What if:*' }) | Should -HaveCount 2
        Get-Limit compute instances | Should -Be $before
    }

    It 'sets compute, block storage and network quotas by project name; Get-OSQuota and the APIs read them back' {
        Set-OSQuota "$Prefix-proj" -Instances 7 -Cores 9 -RamMB 4096 -KeyPairs 11 -Volumes 3 -Gigabytes 30 -Network 4 -Port 25 -FloatingIP 2 -SecurityGroup 6 -Cloud $Admin -Confirm:$false -ErrorAction Stop
        $rows = Get-OSQuota -ProjectId $Target.Id -Cloud $Admin -ErrorAction Stop
        $limit = @{}
        foreach ($row in $rows) { $limit["$($row.Service)/$($row.Resource)"] = $row.Limit }
        $limit['compute/instances'] | Should -Be 7
        $limit['compute/cores'] | Should -Be 9
        $limit['compute/ram'] | Should -Be 4096
        $limit['compute/key_pairs'] | Should -Be 11
        $limit['block-storage/volumes'] | Should -Be 3
        $limit['block-storage/gigabytes'] | Should -Be 30
        $limit['network/network'] | Should -Be 4
        $limit['network/port'] | Should -Be 25
        $limit['network/floatingip'] | Should -Be 2
        $limit['network/security_group'] | Should -Be 6
        (Invoke-OSApiRequest -Cloud $Admin -Service compute -Path "/os-quota-sets/$($Target.Id)" -ErrorAction Stop).quota_set.instances | Should -Be 7
        (Invoke-OSApiRequest -Cloud $Admin -Service block-storage -Path "/os-quota-sets/$($Target.Id)" -ErrorAction Stop).quota_set.gigabytes | Should -Be 30
        (Invoke-OSApiRequest -Cloud $Admin -Service network -Path "/v2.0/quotas/$($Target.Id)" -ErrorAction Stop).quota.floatingip | Should -Be 2
    }

    It 'calls only the services whose quotas are given; -PassThru writes the rows that were set; -1 is unlimited' {
        $changes = Set-OSQuota $Target.Id -MetadataItems -1 -ServerGroups 5 -PassThru -Cloud $Admin -Confirm:$false -Verbose -ErrorAction Stop 4>&1
        $verbose = @($changes | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message | Where-Object { $_ -match ' PUT ' })
        $verbose | Should -HaveCount 1
        $verbose[0] | Should -BeLike "los-admin: PUT compute /os-quota-sets/$($Target.Id) -> 200*"
        $rows = @($changes | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        @($rows.Resource | Sort-Object) | Should -Be @('metadata_items', 'server_groups')
        $rows[0].PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Quota'
        ($rows | Where-Object Resource -EQ metadata_items).IsUnlimited | Should -BeTrue
        ($rows | Where-Object Resource -EQ server_groups).Limit | Should -Be 5
        Get-Limit compute instances | Should -Be 7 -Because 'a quota not given is left as it was'
    }

    It 'a limit below what the project uses is Nova''s error, and the limit stays' {
        $null = New-OSServerGroup "$Prefix-sg" -Policy AntiAffinity -Cloud $Target.Cloud -ErrorAction Stop
        Set-OSQuota $Target.Id -ServerGroups 0 -Cloud $Admin -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failed[0].Exception.Message | Should -Match 'server_groups'
        $failed[0].Exception.Message | Should -Match 'request id req-'
        Get-Limit compute server_groups | Should -Be 5
    }

    It 'an invalid limit is the cloud''s error' {
        Set-OSQuota $Target.Id -Volumes -5 -Cloud $Admin -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failed[0].Exception.Message | Should -Match 'block-storage PUT'
        Get-Limit block-storage volumes | Should -Be 3
    }

    It 'without a quota to set it says so' {
        Set-OSQuota $Target.Id -Cloud $Admin -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'NoQuotaGiven,*'
    }

    It 'demo is refused, and told it needs the admin role' {
        Set-OSQuota $Demo.ProjectId -Instances 5 -Cloud $Demo -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failed[0].Exception.Message | Should -Match "needs the 'admin' role"
    }
}
