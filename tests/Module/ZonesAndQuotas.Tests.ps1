# Compute availability zones, and quotas read as rows of Service, Resource, Limit, InUse, Reserved and Remaining.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $PSStyle.OutputRendering = 'PlainText'
    $script:admin = Connect-OSCloud -Cloud los-admin -NotDefault -ErrorAction Stop
    $script:demo = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
}

Describe 'Get-OSAvailabilityZone' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'a member sees zones without hosts, in a table' {
        $zone = Get-OSAvailabilityZone -Cloud $demo -Name nova -ErrorAction Stop
        $zone | Should -HaveCount 1
        $zone.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.AvailabilityZone'
        $zone.Available | Should -BeTrue
        $zone.Hosts | Should -BeNullOrEmpty
        Get-OSAvailabilityZone -Cloud $demo | Format-Table | Out-String | Should -Match 'Name\s+Available\s+Hosts'
        Get-OSAvailabilityZone -Cloud $demo 'n*' | Format-Table | Out-String | Should -Match 'nova\s+True'
    }

    It 'an admin sees the compute hosts of each zone' {
        $computeHosts = @((Invoke-OSApiRequest -Cloud $admin -Service compute -Path /os-services -Query @{ binary = 'nova-compute' } -ErrorAction Stop).services |
            Where-Object zone -eq nova | ForEach-Object host)
        $computeHosts | Should -Not -BeNullOrEmpty
        (Get-OSAvailabilityZone -Cloud $admin -Name nova -ErrorAction Stop).Hosts | Sort-Object | Should -Be ($computeHosts | Sort-Object)
    }

    It 'an unknown zone is ObjectNotFound' {
        Get-OSAvailabilityZone -Cloud $demo -Name no-such-zone -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be 'NameNotFound,OpenStackOrchestrator.Cmdlets.Compute.GetOSAvailabilityZoneCommand'
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Get-OSQuota' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'gives compute rows of the current project, in a table' {
        $rows = @(Get-OSQuota -Cloud $demo -ErrorAction Stop)
        $rows | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Quota' }
        $rows.ProjectId | Sort-Object -Unique | Should -Be $demo.ProjectId
        $compute = @($rows | Where-Object Service -eq compute).Resource   # other services add rows of their own
        foreach ($resource in 'instances', 'cores', 'ram', 'key_pairs') { $compute | Should -Contain $resource }
        $compute | Should -Not -Contain 'id'
        $table = Get-OSQuota -Cloud $demo | Format-Table | Out-String
        $table | Should -Match 'Service\s+Resource\s+Limit\s+InUse\s+Reserved\s+Remaining'
        $table | Should -Match 'compute\s+instances\s+(\d+|Unlimited)\s+\d+\s+\d+\s+(\d+|Unlimited)'
    }

    # Nova's refusal reads "Policy doesn't allow os_compute_api:os-quota-sets:detail...".
    It 'a member reading another project''s quota gets PermissionDenied' {
        Get-OSQuota -Cloud $demo -ProjectId $admin.ProjectId -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be 'PermissionDenied,OpenStackOrchestrator.Cmdlets.GetOSQuotaCommand'
        $e[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
    }
}

Describe 'Quotas of a project of its own' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $script:project = New-OsoProject -AdminCloud $admin -Name (New-OsoName 'oso-quota')
        $script:own = $project.Cloud
        function Get-Row([string] $Resource, $Cloud = $own, [string[]] $ProjectId = @()) {
            $rows = if ($ProjectId) { Get-OSQuota -Cloud $Cloud -ProjectId $ProjectId[0] -ErrorAction Stop } else { Get-OSQuota -Cloud $Cloud -ErrorAction Stop }
            $rows | Where-Object { $_.Service -eq 'compute' -and $_.Resource -eq $Resource }
        }
    }

    AfterAll { Remove-OsoProject -AdminCloud $admin -Project $project }

    It 'instances, cores and ram in use go up after a server is created' {
        (Get-Row instances).InUse | Should -Be 0
        $null = New-OSServer -Cloud $own -Name "$($project.Name)-srv" -Image los-fake-image -Flavor m1.tiny -Network none -Confirm:$false -ErrorAction Stop
        (Get-Row instances).InUse | Should -Be 1
        (Get-Row cores).InUse | Should -Be 1
        (Get-Row ram).InUse | Should -Be 512
        (Get-Row instances $admin $project.Id).InUse | Should -Be 1
    }

    It 'Remaining is Limit - InUse, and empty when unlimited' {
        $path = "/os-quota-sets/$($project.Id)"
        $null = Invoke-OSApiRequest -Cloud $admin -Service compute -Path $path -Method PUT -Body @{ quota_set = @{ instances = 5; metadata_items = -1 } } -Confirm:$false -ErrorAction Stop
        $instances = Get-Row instances
        $instances.Limit | Should -Be 5
        $instances.Remaining | Should -Be (5 - $instances.InUse - $instances.Reserved)
        $instances.Remaining | Should -Be 4
        $unlimited = Get-Row metadata_items
        $unlimited.Limit | Should -Be -1
        $unlimited.Remaining | Should -BeNullOrEmpty
        $table = $unlimited | Format-Table | Out-String
        $table | Should -Match 'compute\s+metadata_items\s+Unlimited\s+\d+\s+\d+\s+Unlimited'
    }

    It 'an exceeded quota is a QuotaExceeded error with the request id, and no server is made' {
        $path = "/os-quota-sets/$($project.Id)"
        $null = Invoke-OSApiRequest -Cloud $admin -Service compute -Path $path -Method PUT -Body @{ quota_set = @{ instances = (Get-Row instances).InUse } } -Confirm:$false -ErrorAction Stop
        $name = "$($project.Name)-over"
        New-OSServer -Cloud $own -Name $name -Image los-fake-image -Flavor m1.tiny -Network none -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be 'OverLimit,OpenStackOrchestrator.Cmdlets.Compute.NewOSServerCommand'
        $e[0].CategoryInfo.Category | Should -Be 'QuotaExceeded'
        $e[0].ToString() | Should -Match 'uota'
        $e[0].ToString() | Should -Match 'request id req-'
        (Get-Row instances).Remaining | Should -Be 0
        Get-OSServer -Cloud $own -Name "$name*" -ErrorAction Stop | Should -BeNullOrEmpty
    }
}
