# The Keystone catalog read as an admin: regions, services and endpoints as Keystone lists them, endpoints with their
# service's name and type, filtered by service (name, type, wildcard, pipeline), interface and region. Regions are
# open to every user; services and endpoints are refused for demo with the admin role named.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $PSStyle.OutputRendering = 'PlainText'
    if (-not (Get-OsoCloudSkipReason)) {
        $script:Admin = Connect-OSCloud -Cloud los-admin -NotDefault -ErrorAction Stop
        $script:Demo = Connect-OSCloud -Cloud los-demo -NotDefault -ErrorAction Stop
        $script:RawServices = @((Invoke-OSApiRequest -Cloud $Admin -Service identity -Path /services -ErrorAction Stop).services)
        $script:RawEndpoints = @((Invoke-OSApiRequest -Cloud $Admin -Service identity -Path /endpoints -ErrorAction Stop).endpoints)
        $script:Nova = $RawServices | Where-Object type -EQ compute
    }
}

Describe 'Catalog' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'lists the regions Keystone lists, by their id, also for demo' {
        $raw = (Invoke-OSApiRequest -Cloud $Admin -Service identity -Path /regions -ErrorAction Stop).regions
        $regions = @(Get-OSRegion -Cloud $Admin -ErrorAction Stop)
        @($regions.Id | Sort-Object) | Should -Be @($raw.id | Sort-Object)
        $one = Get-OSRegion $raw[0].id -Cloud $Demo -ErrorAction Stop
        $one.Id | Should -Be $raw[0].id
        $one.Name | Should -Be $raw[0].id
        $one.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Region'
    }

    It 'lists the services Keystone lists, by name, wildcard and -Type' {
        $services = @(Get-OSService -Cloud $Admin -ErrorAction Stop)
        @($services.Id | Sort-Object) | Should -Be @($RawServices.id | Sort-Object)
        $compute = @(Get-OSService -Type compute -Cloud $Admin -ErrorAction Stop)
        $compute | Should -HaveCount 1
        $compute[0].Name | Should -Be $Nova.name
        $compute[0].Id | Should -Be $Nova.id
        $compute[0].Enabled | Should -BeTrue
        $compute[0].PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Service'
        (Get-OSService $Nova.name -Cloud $Admin -ErrorAction Stop).Type | Should -Be 'compute'
        @(Get-OSService 'heat*' -Cloud $Admin -ErrorAction Stop).Name | Sort-Object | Should -Be @($RawServices.name | Where-Object { $_ -like 'heat*' } | Sort-Object)
    }

    It 'shows the compute endpoints with the service''s name and type, one per interface Keystone has' {
        $raw = @($RawEndpoints | Where-Object service_id -EQ $Nova.id)
        $endpoints = @(Get-OSEndpoint -Service compute -Cloud $Admin -ErrorAction Stop)
        $endpoints | Should -HaveCount $raw.Count
        @($endpoints.Interface | Sort-Object) | Should -Be @($raw.interface | Sort-Object)
        @($endpoints.Interface | Sort-Object) | Should -Be @('admin', 'internal', 'public')
        $public = $endpoints | Where-Object Interface -EQ public
        $public.Url | Should -Be ($raw | Where-Object interface -EQ public).url
        $public.ServiceName | Should -Be $Nova.name
        $public.ServiceType | Should -Be 'compute'
        $public.Region | Should -Be ($raw | Where-Object interface -EQ public).region_id
        $public.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Endpoint'
        ($endpoints | Format-Table | Out-String) | Should -Match "$($Nova.name)\s+compute\s+public"
    }

    It 'filters endpoints by service name, wildcard, id and pipeline, by interface and by region' {
        @(Get-OSEndpoint -Service $Nova.name -Cloud $Admin -ErrorAction Stop).Id | Sort-Object |
            Should -Be @($RawEndpoints | Where-Object service_id -EQ $Nova.id | ForEach-Object id | Sort-Object)
        @(Get-OSEndpoint -Service $Nova.id -Interface public -Cloud $Admin -ErrorAction Stop) | Should -HaveCount 1
        @(Get-OSService -Type compute -Cloud $Admin -ErrorAction Stop | Get-OSEndpoint -Interface internal -ErrorAction Stop).ServiceId | Should -Be $Nova.id
        $public = @(Get-OSEndpoint -Interface public -Cloud $Admin -ErrorAction Stop)
        @($public.Id | Sort-Object) | Should -Be @($RawEndpoints | Where-Object interface -EQ public | ForEach-Object id | Sort-Object)
        $region = $RawEndpoints[0].region_id
        @(Get-OSEndpoint -Region $region -Service 'heat*' -Cloud $Admin -ErrorAction Stop).ServiceName | Sort-Object -Unique |
            Should -Be @($RawServices.name | Where-Object { $_ -like 'heat*' } | Sort-Object)
        @(Get-OSEndpoint -Region 'oso-no-such-region' -Cloud $Admin -ErrorAction Stop) | Should -BeNullOrEmpty
    }

    It 'refuses services and endpoints to demo, with the admin role named' {
        Get-OSService -Cloud $Demo -ErrorAction SilentlyContinue -ErrorVariable services
        Get-OSEndpoint -Cloud $Demo -ErrorAction SilentlyContinue -ErrorVariable endpoints
        foreach ($failed in $services, $endpoints) {
            $failed | Should -HaveCount 1
            $failed[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
            $failed[0].Exception.Message | Should -Match "needs the 'admin' role"
        }
    }
}
