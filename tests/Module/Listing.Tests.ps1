# Get-OSFlavor, Get-OSImage and Invoke-OSApiRequest against the local cloud as los-demo.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
}

Describe 'Listing' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll { $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop }
    AfterAll { Use-OsoLocalCloud }

    It 'Get-OSFlavor gives the fixture flavors in PowerCLI units, with a table view' {
        $tiny = Get-OSFlavor -Name m1.tiny -ErrorAction Stop
        $tiny | Should -HaveCount 1
        $tiny.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Flavor'
        $tiny.VCpus | Should -Be 1
        $tiny.MemoryGB | Should -Be 0.5
        $tiny.DiskGB | Should -Be 1
        $tiny.IsPublic | Should -BeTrue
        $table = Get-OSFlavor | Format-Table | Out-String
        $table | Should -Match 'Name\s+VCpus\s+MemoryGB\s+DiskGB\s+IsPublic'
        $table | Should -Match 'm1\.tiny\s+1\s+0\.5\s+1\s+True'
    }

    It 'Get-OSFlavor -Id finds by id; a missing name is ObjectNotFound and a missing id ResourceNotFound' {
        (Get-OSFlavor -Id 2 -ErrorAction Stop).Name | Should -Be 'm1.small'
        $null = Get-OSFlavor -Name no-such-flavor -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -HaveCount 1
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $e[0].TargetObject | Should -Be 'no-such-flavor'
        $thrown = { Get-OSFlavor -Id does-not-exist -ErrorAction Stop } |
            Should -Throw -ErrorId 'ResourceNotFound,OpenStackOrchestrator.Cmdlets.GetOSFlavorCommand' -PassThru
        "$thrown" | Should -Match 'request id req-'
    }

    It 'Get-OSImage resolves wildcards and exact names' {
        $names = @(Get-OSImage -Name los-* -ErrorAction Stop | ForEach-Object Name)
        $names | Should -Contain 'los-fake-image'
        $names.Where({ $_ -notlike 'los-*' }) | Should -BeNullOrEmpty
        $image = Get-OSImage los-fake-image -ErrorAction Stop
        $image | Should -HaveCount 1
        $image.Status | Should -Be 'active'
        $image.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Image'
        Get-OSImage -Name 'zz-none-*' -ErrorAction Stop | Should -BeNullOrEmpty
        $null = Get-OSImage -Name zz-none -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-OSImage -Name los-* | Format-Table | Out-String | Should -Match 'los-fake-image'
    }

    It '-IncludeTotalCount writes the count of every match, even with -First' {
        $flavors = @(Get-OSFlavor -ErrorAction Stop).Count
        $output = @(Get-OSFlavor -First 1 -IncludeTotalCount -ErrorAction Stop | ForEach-Object { "$_" })
        $output | Should -HaveCount 2
        $output[1] | Should -Be "$flavors"
    }

    It 'Invoke-OSApiRequest returns the body as objects' {
        (Invoke-OSApiRequest -Service compute -Path /os-availability-zone -ErrorAction Stop).availabilityZoneInfo.zoneName | Should -Contain 'nova'
        (Invoke-OSApiRequest -Service network -Path /v2.0/networks -ErrorAction Stop).networks.name | Should -Contain 'public'
        $volumes = Invoke-OSApiRequest -Service volumev3 -Path /volumes -ErrorAction Stop
        $volumes.PSObject.Properties.Name | Should -Contain 'volumes'
    }

    It 'Invoke-OSApiRequest errors carry the service message and the request id' {
        $thrown = { Invoke-OSApiRequest -Service network -Path /v2.0/networks/0000-nope -ErrorAction Stop } |
            Should -Throw -ErrorId 'ResourceNotFound,OpenStackOrchestrator.Cmdlets.InvokeOSApiRequestCommand' -PassThru
        "$thrown" | Should -Match '404'
        "$thrown" | Should -Match 'could not be found'
        "$thrown" | Should -Match 'request id req-'
        $thrown.Exception.RequestId | Should -BeLike 'req-*'
    }

    It 'a service missing from the catalog is named with the services that exist' {
        $thrown = { Invoke-OSApiRequest -Service load-balancer -Path /v2/lbaas/loadbalancers -ErrorAction Stop } |
            Should -Throw -ErrorId 'EndpointNotFound,OpenStackOrchestrator.Cmdlets.InvokeOSApiRequestCommand' -PassThru
        "$thrown" | Should -Match 'load-balancer'
        "$thrown" | Should -Match 'compute'
    }

    It 'Invoke-OSApiRequest rejects a body that is not JSON before sending' {
        $thrown = { Invoke-OSApiRequest -Service compute -Path /servers -Method POST -Body '{not json' -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidRequestBody,OpenStackOrchestrator.Cmdlets.InvokeOSApiRequestCommand' -PassThru
        $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }
}
