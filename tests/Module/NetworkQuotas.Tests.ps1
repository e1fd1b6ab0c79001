# Get-OSQuota's network rows, read from Neutron. Counting in use needs a project no other run touches, so the test
# makes a project of its own (as admin) and deletes it, with the default security group Neutron made for it, in AfterAll.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $Prefix = New-OsoName 'oso-nq'
    $State = @{ ProjectId = $null; Own = $null }   # set by the test, read by AfterAll
    if (-not (Get-OsoCloudSkipReason)) {
        $admin = Connect-OSCloud -Cloud los-admin -NotDefault -ErrorAction Stop
        $demo = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
    }

    function Get-InUse([string] $Resource, $Cloud, [string] $Project) {
        $p = if ($Project) { @{ ProjectId = $Project } } else { @{} }
        (Get-OSQuota -Cloud $Cloud @p -ErrorAction Stop | Where-Object { $_.Service -eq 'network' -and $_.Resource -eq $Resource }).InUse
    }
}

AfterAll {
    if ($ProjectId = $State.ProjectId) {
        if ($own = $State.Own) { Get-OSNetwork -Cloud $own -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSNetwork -Confirm:$false -ErrorAction Continue }
        # Neutron made the project a default group, which deleting the project would leave behind.
        Get-OSSecurityGroup -Cloud $admin -Name default -ErrorAction SilentlyContinue | Where-Object ProjectId -eq $ProjectId |
            Remove-OSSecurityGroup -Confirm:$false -ErrorAction Continue
        $null = Invoke-OSApiRequest -Cloud $admin -Service identity -Path "/projects/$ProjectId" -Method DELETE -Confirm:$false -ErrorAction Continue
    }
}

Describe 'Network quotas' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'come as rows of the current project next to the compute rows' {
        $rows = @(Get-OSQuota -Cloud $demo -ErrorAction Stop | Where-Object Service -eq network)

        foreach ($resource in 'network', 'subnet', 'port', 'router', 'floatingip', 'security_group', 'security_group_rule') {
            $rows.Resource | Should -Contain $resource
        }
        $rows | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Quota' }
        $rows.ProjectId | Sort-Object -Unique | Should -Be $demo.ProjectId
        Get-OSQuota -Cloud $demo -ErrorAction Stop | Where-Object Service -eq compute | Should -Not -BeNullOrEmpty
        Get-OSQuota -Cloud $demo | Format-Table | Out-String -Width 250 | Should -Match 'network\s+security_group\s+\d+\s+[1-9]\d*\s+0'
    }

    It 'count a network and a subnet in use once they are created in the project' {
        $body = @{ project = @{ name = $Prefix; domain_id = 'default'; description = 'NetworkQuotas.Tests.ps1' } }
        $ProjectId = $State.ProjectId = (Invoke-OSApiRequest -Cloud $admin -Service identity -Path /projects -Method POST -Body $body -Confirm:$false -ErrorAction Stop).project.id
        $role = (Invoke-OSApiRequest -Cloud $admin -Service identity -Path /roles -Query @{ name = 'member' } -ErrorAction Stop).roles[0].id
        $null = Invoke-OSApiRequest -Cloud $admin -Service identity -Path "/projects/$ProjectId/users/$($admin.UserId)/roles/$role" -Method PUT -Confirm:$false -ErrorAction Stop
        $own = $State.Own = Connect-OSCloud -Cloud los-admin -ProjectName $Prefix -NotDefault -ErrorAction Stop
        Get-InUse network $own | Should -Be 0

        $null = New-OSNetwork -Cloud $own "$Prefix-net" -ErrorAction Stop | New-OSSubnet -Name "$Prefix-sub" -Cidr 10.111.0.0/24 -ErrorAction Stop

        Get-InUse network $own | Should -Be 1
        Get-InUse subnet $own | Should -Be 1
        Get-InUse network $admin $ProjectId | Should -Be 1
    }
}
