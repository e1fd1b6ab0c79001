# Nova's compute hosts as an admin sees them (Get-OSHypervisor, Get-OSComputeService) and the maintenance mode of
# Set-OSComputeService: los-aio-2 disabled with a reason takes no new server, and the error says why. Only los-aio-2 is
# ever disabled here, and it is enabled again in a finally and in AfterAll.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $PSStyle.OutputRendering = 'PlainText'
    $script:Prefix = New-OsoName 'oso-hosts'
    if (-not (Get-OsoCloudSkipReason)) {
        $script:Admin = Connect-OSCloud -Cloud los-admin -NotDefault -ErrorAction Stop
        $script:Demo = Connect-OSCloud -Cloud los-demo -NotDefault -ErrorAction Stop
        # A project of its own where the admin user is admin too: a server may name its host (-TargetHost) only as admin.
        $script:Project = New-OsoProject -AdminCloud $Admin -Name "$Prefix-proj" -ComputeQuota @{ instances = 10; cores = 10 }
        $adminRole = (Invoke-OSApiRequest -Cloud $Admin -Service identity -Path /roles -Query @{ name = 'admin' } -ErrorAction Stop).roles[0].id
        $null = Invoke-OSApiRequest -Cloud $Admin -Service identity -Path "/projects/$($Project.Id)/users/$($Admin.UserId)/roles/$adminRole" -Method PUT -Confirm:$false -ErrorAction Stop
        $script:Mine = Connect-OSCloud -Cloud los-admin -ProjectName $Project.Name -NotDefault -ErrorAction Stop
    }

    function New-TestServer([string] $Name, [hashtable] $With = @{}) {
        New-OSServer -Cloud $Mine -Name $Name -Image los-fake-image -Flavor m1.tiny -Network none -Confirm:$false @With
    }
}

AfterAll {
    if ($Admin) { $null = Set-OSComputeService los-aio-2 -Enabled -Cloud $Admin -Confirm:$false -ErrorAction SilentlyContinue }
    if ($Project) { Remove-OsoProject -AdminCloud $Admin -Project $Project }
}

Describe 'Get-OSHypervisor' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'lists both compute hosts shaped like VMHost, with the numbers Nova gives at microversion 2.87' {
        $hypervisors = @(Get-OSHypervisor -Cloud $Admin -ErrorAction Stop)
        $hypervisors.Name | Should -Contain 'los-aio'
        $hypervisors.Name | Should -Contain 'los-aio-2'
        $hypervisors[0].PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Hypervisor'
        $raw = (Invoke-OSApiRequest -Cloud $Admin -Service compute -Path /os-hypervisors/detail -Microversion 2.87 -ErrorAction Stop).hypervisors |
            Where-Object hypervisor_hostname -EQ 'los-aio-2'
        $two = $hypervisors | Where-Object Name -EQ 'los-aio-2'
        $two.Id | Should -Be $raw.id
        $two.NumCpu | Should -Be $raw.vcpus
        $two.NumCpu | Should -BeGreaterThan 0
        $two.MemoryGB | Should -Be ([math]::Round($raw.memory_mb / 1024, 2))
        $two.HostIp | Should -Be '127.0.0.1'
        $two.State | Should -Be 'up'
        $two.Host | Should -Be 'los-aio-2'
        $two.ServiceId | Should -Be $raw.service.id
        $two.HypervisorType | Should -Be 'fake'
        $table = $hypervisors | Format-Table | Out-String -Width 200
        $table | Should -Match 'Name\s+ConnectionState\s+NumCpu\s+CpuUsed\s+MemoryGB\s+MemoryUsageGB\s+RunningVMs\s+HostIp'
    }

    It 'takes wildcards and ids; a name no hypervisor has is ObjectNotFound' {
        @(Get-OSHypervisor 'los-aio*' -Cloud $Admin -ErrorAction Stop).Count | Should -Be 2
        $one = Get-OSHypervisor los-aio-2 -Cloud $Admin -ErrorAction Stop
        (Get-OSHypervisor -Id $one.Id -Cloud $Admin -ErrorAction Stop).Name | Should -Be 'los-aio-2'
        Get-OSHypervisor "$Prefix-none" -Cloud $Admin -ErrorAction SilentlyContinue -ErrorVariable missing | Should -BeNullOrEmpty
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'a member is refused, and told the call needs the admin role' {
        Get-OSHypervisor -Cloud $Demo -ErrorAction SilentlyContinue -ErrorVariable refused | Should -BeNullOrEmpty
        $refused | Should -HaveCount 1
        $refused[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $refused[0].Exception.Message | Should -Match "os_compute_api:os-hypervisors"
        $refused[0].Exception.Message | Should -Match "needs the 'admin' role"
    }

    It 'piped to Get-OSServer, gives the servers on it of every project; a server shows its host' {
        $server = New-TestServer "$Prefix-on2" @{ TargetHost = 'los-aio-2' }
        $server.Host | Should -Be 'los-aio-2'
        $server.Hypervisor | Should -Be 'los-aio-2'
        # The admin project's connection sees the server of the test's project only through all_tenants.
        @(Get-OSHypervisor los-aio-2 -Cloud $Admin | Get-OSServer -ErrorAction Stop).Id | Should -Contain $server.Id
        @(Get-OSServer -Hypervisor los-aio-2 -Cloud $Admin -ErrorAction Stop).Id | Should -Contain $server.Id
        @(Get-OSHypervisor los-aio -Cloud $Admin | Get-OSServer -ErrorAction Stop).Id | Should -Not -Contain $server.Id
        (Get-OSHypervisor los-aio-2 -Cloud $Admin).RunningVMs | Should -BeGreaterOrEqual 1
    }
}

Describe 'Get-OSComputeService' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'lists the services of each host, filtered by host (wildcards) and binary' {
        $all = @(Get-OSComputeService -Cloud $Admin -ErrorAction Stop)
        $all.Binary | Should -Contain 'nova-scheduler'
        $all[0].PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.ComputeService'
        $compute = @(Get-OSComputeService -Host 'los-aio*' -Binary nova-compute -Cloud $Admin -ErrorAction Stop)
        $compute.Host | Sort-Object | Should -Be @('los-aio', 'los-aio-2')
        $compute.Zone | Select-Object -Unique | Should -Be 'nova'
        @(Get-OSComputeService -Host los-aio -Cloud $Admin -ErrorAction Stop).Binary | Should -Contain 'nova-conductor'
        Get-OSComputeService -Host "$Prefix-none" -Cloud $Admin -ErrorAction SilentlyContinue -ErrorVariable missing | Should -BeNullOrEmpty
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'a hypervisor piped in gives its nova-compute service' {
        $services = @(Get-OSHypervisor los-aio-2 -Cloud $Admin | Get-OSComputeService -ErrorAction Stop)
        $services | Should -HaveCount 1
        $services[0].Binary | Should -Be 'nova-compute'
        $services[0].Host | Should -Be 'los-aio-2'
        $services[0].Id | Should -Be (Get-OSHypervisor los-aio-2 -Cloud $Admin).ServiceId
    }

    It 'Set-OSComputeService -WhatIf resolves the host and changes nothing; a host without the service is ObjectNotFound' {
        Set-OSComputeService los-aio-2 -Disabled -Reason 'whatif' -Cloud $Admin -WhatIf -ErrorAction Stop
        (Get-OSComputeService -Host los-aio-2 -Binary nova-compute -Cloud $Admin).Status | Should -Be 'enabled'
        Set-OSComputeService "$Prefix-none" -Disabled -Cloud $Admin -WhatIf -ErrorAction SilentlyContinue -ErrorVariable missing
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Maintenance mode' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'a disabled los-aio-2 keeps its reason, takes no new server, and the error says why; enabled again it takes them' {
        $reason = "$Prefix maintenance"
        $elsewhere = New-TestServer "$Prefix-on1" @{ TargetHost = 'los-aio'; ErrorAction = 'Stop' }
        try {
            $disabled = Get-OSHypervisor los-aio-2 -Cloud $Admin | Set-OSComputeService -Disabled -Reason $reason -Confirm:$false -ErrorAction Stop
            $disabled.Status | Should -Be 'disabled'
            $disabled.DisabledReason | Should -Be $reason
            $hypervisor = Get-OSHypervisor los-aio-2 -Cloud $Admin
            $hypervisor.ConnectionState | Should -Be 'Maintenance'
            $hypervisor.DisabledReason | Should -Be $reason

            New-OSServer -Cloud $Mine -Name "$Prefix-refused" -Image los-fake-image -Flavor m1.tiny -Network none -TargetHost los-aio-2 -Confirm:$false `
                -ErrorAction SilentlyContinue -ErrorVariable refused | Should -BeNullOrEmpty
            $refused | Should -HaveCount 1
            $refused[0].FullyQualifiedErrorId | Should -BeLike 'ServerFault,*'
            $refused[0].Exception.Message | Should -BeLike '*No valid host was found.*'
            $refused[0].Exception.Message | Should -BeLike "*The compute service of host 'los-aio-2' is disabled: $reason.*"
            $refused[0].Exception.Message | Should -BeLike '*The server in ERROR was deleted.'
            Get-OSServer "$Prefix-refused" -Cloud $Mine -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

            # A move there is refused too, with the same reason: Nova fails a cold migration after accepting it, and
            # refuses a live one at once, both as "No valid host".
            Move-OSServer $elsewhere -Destination los-aio-2 -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable notMoved | Should -BeNullOrEmpty
            $notMoved[0].FullyQualifiedErrorId | Should -BeLike 'ServerNotMoved,*'
            $notMoved[0].Exception.Message | Should -BeLike "*is still on host 'los-aio' (ACTIVE): Nova did not migrate it: its cold_migrate step failed with NoValidHost. The compute service of host 'los-aio-2' is disabled: $reason."
            Move-OSServer $elsewhere -Live -Destination los-aio-2 -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable liveRefused | Should -BeNullOrEmpty
            $liveRefused[0].Exception.Message | Should -BeLike "*HTTP 400: No valid host was found.*The compute service of host 'los-aio-2' is disabled: $reason."
            (Get-OSServer -Id $elsewhere.Id -Cloud $Mine).Host | Should -Be 'los-aio'
        }
        finally {
            $enabled = Set-OSComputeService los-aio-2 -Enabled -Cloud $Admin -Confirm:$false
        }
        $enabled.Status | Should -Be 'enabled'
        $enabled.DisabledReason | Should -BeNullOrEmpty
        (Get-OSHypervisor los-aio-2 -Cloud $Admin).ConnectionState | Should -Be 'Connected'
        (New-TestServer "$Prefix-back" @{ TargetHost = 'los-aio-2'; ErrorAction = 'Stop' }).Host | Should -Be 'los-aio-2'
    }

    It 'a member may not disable a host, and is told the call needs the admin role' {
        Set-OSComputeService los-aio-2 -Disabled -Cloud $Demo -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $refused[0].Exception.Message | Should -Match "needs the 'admin' role"
        (Get-OSComputeService -Host los-aio-2 -Binary nova-compute -Cloud $Admin).Status | Should -Be 'enabled'
    }
}
