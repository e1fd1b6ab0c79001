# Reference parameters (-Image, -Flavor...) given objects from several clouds at once.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
}

Describe 'A reference given objects from two default clouds' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $null = Connect-OSCloud los-demo -ErrorAction Stop
        $null = Connect-OSCloud los-admin -ErrorAction Stop
        $images = @(Get-OSImage los-fake-image -ErrorAction Stop)
        $created = [System.Collections.Generic.List[object]]::new()
    }
    AfterAll {
        foreach ($server in $created) { Remove-OSServer -Cloud $server.Cloud $server.Id -Confirm:$false -ErrorAction SilentlyContinue }
        Use-OsoLocalCloud
    }

    It 'Get-OSImage los-fake-image gives one image per default cloud' {
        $images | Should -HaveCount 2
        @($images.Cloud.Name | Sort-Object) | Should -Be @('los-admin', 'los-demo')
    }

    It 'New-OSServer -Image (Get-OSImage los-fake-image) -WhatIf binds and says what it would do' {
        $run = Invoke-OsoPwsh -Script @'
Connect-OSCloud los-demo -ErrorAction Stop | Out-Null
Connect-OSCloud los-admin -ErrorAction Stop | Out-Null
New-OSServer oso-whatif -Image (Get-OSImage los-fake-image) -Flavor m1.tiny -Network none -WhatIf
'@
        $run.Errors | Should -BeNullOrEmpty
        $run.Text | Should -Match 'What if: .*oso-whatif on los-admin'
    }

    It 'New-OSServer -Image (Get-OSImage los-fake-image) creates the server from the target cloud''s image' {
        $name = New-OsoName 'oso-ref'
        $server = New-OSServer $name -Image $images -Flavor m1.tiny -Network none -Cloud los-demo -ErrorAction Stop
        if ($server) { $created.Add($server) }
        $server.Cloud.Name | Should -Be 'los-demo'
        $server.ImageId | Should -Be ($images | Where-Object { $_.Cloud.Name -eq 'los-demo' }).Id
    }

    It 'two objects of one name on the target cloud are an AmbiguousName error naming both ids' {
        $demo = ($images | Where-Object { $_.Cloud.Name -eq 'los-demo' })
        $twin = [pscustomobject]@{ Id = 'b0000000-0000-0000-0000-00000000000b'; Name = $demo.Name; Cloud = $demo.Cloud }
        $thrown = { New-OSServer (New-OsoName 'oso-ref') -Image @($images + $twin) -Flavor m1.tiny -Network none -Cloud los-demo -ErrorAction Stop } |
            Should -Throw -ErrorId 'AmbiguousName,*' -PassThru
        "$thrown" | Should -Match $demo.Id
        "$thrown" | Should -Match $twin.Id
        "$thrown" | Should -Match 'los-demo'
    }
}
