# What the cloud refuses while a server is made: a server the scheduler cannot place goes to ERROR, fails with Nova's
# fault and is removed. (An exceeded quota is in ZonesAndQuotas.Tests.ps1, in a project of its own.)

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $script:admin = Connect-OSCloud -Cloud los-admin -NotDefault -ErrorAction Stop
    # A project of its own: the server made here never meets the instance quota other runs share in the demo project.
    $script:project = New-OsoProject -AdminCloud $admin -Name (New-OsoName 'oso-fail') -Default
    $script:prefix = $project.Name
}

AfterAll {
    Remove-OsoProject -AdminCloud $admin -Project $project
}

Describe 'A server that goes to ERROR' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $flavor = "$prefix-nowhere"
        $body = @{ flavor = @{ name = $flavor; vcpus = 1; ram = 512; disk = 1; 'os-flavor-access:is_public' = $false } }
        $script:flavorId = (Invoke-OSApiRequest -Cloud $admin -Service compute -Path /flavors -Method POST -Body $body -Confirm:$false -ErrorAction Stop).flavor.id
        # A resource no host has: placement finds no candidate and the scheduler puts the server in ERROR.
        $specs = @{ extra_specs = @{ 'resources:CUSTOM_OSO_NOWHERE' = '1' } }
        $null = Invoke-OSApiRequest -Cloud $admin -Service compute -Path "/flavors/$flavorId/os-extra_specs" -Method POST -Body $specs -Confirm:$false -ErrorAction Stop
        $access = @{ addTenantAccess = @{ tenant = $project.Id } }
        $null = Invoke-OSApiRequest -Cloud $admin -Service compute -Path "/flavors/$flavorId/action" -Method POST -Body $access -Confirm:$false -ErrorAction Stop
    }

    AfterAll {
        if ($flavorId) { $null = Invoke-OSApiRequest -Cloud $admin -Service compute -Path "/flavors/$flavorId" -Method DELETE -Confirm:$false -ErrorAction SilentlyContinue }
    }

    It 'fails with Nova''s fault, and the server is deleted' {
        New-OSServer -Name "$prefix-big" -Image los-fake-image -Flavor $flavorId -Network none -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be 'ServerFault,OpenStackOrchestrator.Cmdlets.Compute.NewOSServerCommand'
        $e[0].ToString() | Should -Match 'No valid host'
        $e[0].ToString() | Should -Match 'deleted'
        $null = Wait-OsoCondition -TimeoutSec 30 -Because 'the server in ERROR to be gone' { -not (Get-OSServer -Name "$prefix-big*") }
    }
}
