# Get-OSServer against servers made for the test: objects shaped like PowerCLI's VM, the table and list views,
# wildcards and the name filter sent to Nova, and Networks that read well in Format-Table and Select-Object.

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
    # A project of its own: the servers made here never meet the instance quota other runs share in the demo project.
    $script:project = New-OsoProject -AdminCloud $admin -Name (New-OsoName 'oso-srvs') -Default

    <# Runs a script with debug lines on (without -Debug's prompt) and returns the debug messages. #>
    function Get-DebugMessage([scriptblock] $Script) {
        & { $DebugPreference = 'Continue'; & $Script } 5>&1 |
            Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message
    }
}

AfterAll {
    Remove-OsoProject -AdminCloud $admin -Project $project
}

Describe 'Get-OSServer' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $script:name = New-OsoName 'oso-srv'
        # Made through the module's escape hatch, so that these tests do not depend on New-OSServer.
        $image = (Get-OSImage -Name los-fake-image -ErrorAction Stop).Id
        $body = @{ server = @{ name = $name; imageRef = $image; flavorRef = '1'; networks = 'none' } }
        $script:id = (Invoke-OSApiRequest -Service compute -Path /servers -Method POST -Body $body -Microversion 2.37 -Confirm:$false -ErrorAction Stop).server.id
        $status = Wait-OsoCondition -TimeoutSec 90 -Because "$name to leave BUILD" {
            $s = Get-OSServer -Id $id; if ($s.Status -ne 'BUILD') { $s.Status }
        }
        $status | Should -Be 'ACTIVE'
    }

    AfterAll {
        if ($id) { $null = Invoke-OSApiRequest -Service compute -Path "/servers/$id" -Method DELETE -Confirm:$false -ErrorAction SilentlyContinue }
    }

    It 'reads like Get-VM: PowerState, NumCpu, MemoryGB, Flavor' {
        $server = Get-OSServer -Name $name -ErrorAction Stop
        $server | Should -HaveCount 1
        $server.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Server'
        $server.Id | Should -Be $id
        $server.PowerState | Should -Be 'PoweredOn'
        $server.NumCpu | Should -Be 1
        $server.MemoryGB | Should -Be 0.5
        $server.Flavor | Should -Be 'm1.tiny'
        $server.Created | Should -Not -BeNullOrEmpty
    }

    It 'shows Name, PowerState, NumCpu, MemoryGB, Status and Flavor in its table' {
        $table = Get-OSServer -Name $name | Format-Table | Out-String
        $table | Should -Match 'Name\s+PowerState\s+NumCpu\s+MemoryGB'
        $table | Should -Match ([regex]::Escape($name) + '\s+PoweredOn\s+1\s+0\.5\s+ACTIVE\s+m1\.tiny')
    }

    It 'takes wildcards, and Where-Object works on the pipeline' {
        $prefix = $name.Substring(0, $name.Length - 3) + '*'
        Get-OSServer -Name $prefix | Where-Object Status -eq ACTIVE | ForEach-Object Name | Should -Be @($name)
        Get-OSServer | Where-Object Status -eq ACTIVE | ForEach-Object Name | Should -Contain $name
        Get-OSServer -Name $prefix -Status SHUTOFF -ErrorAction Stop | Should -BeNullOrEmpty
    }

    It 'sends a name filter to Nova as an anchored regex' {
        $debug = Get-DebugMessage { $null = Get-OSServer -Name 'oso-srv*' -ErrorAction Stop }
        $debug | Where-Object { $_ -like '*/servers/detail?name=%5E%28oso-srv.%2A%29%24*' } | Should -Not -BeNullOrEmpty
    }

    It '-Property gives objects with just those properties, by name and by id, that still pipe on by id' {
        $found = @(Get-OSServer $name -Property Name, Status -ErrorAction Stop)
        $found | Should -HaveCount 1
        $found[0].Status | Should -Be 'ACTIVE'
        $found[0].PSObject.Properties.Name | Where-Object { $_ -in 'PowerState', 'Flavor', 'NumCpu', 'Networks' } | Should -BeNullOrEmpty
        $found[0].Id | Should -Be $id
        (Get-OSServer -Id $id -Property PowerState -ErrorAction Stop).PowerState | Should -Be 'PoweredOn'
        { Get-OSServer $name -Property NoSuchProperty -ErrorAction Stop } | Should -Throw -ErrorId 'UnknownProperty*'
    }
}

Describe 'Networks of a server' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $script:net = New-OsoName 'oso-srvnet'
        $null = New-OSNetwork -Name $net -Confirm:$false -ErrorAction Stop
        $null = New-OSSubnet -Network $net -Name $net -Cidr 10.231.7.0/24 -Confirm:$false -ErrorAction Stop
        $script:server = New-OSServer -Name $net -Image los-fake-image -Flavor m1.tiny -Network $net -Confirm:$false -ErrorAction Stop
    }

    AfterAll {
        Get-OSServer -Name $net -ErrorAction SilentlyContinue | Remove-OSServer -Confirm:$false -ErrorAction SilentlyContinue
        Get-OSNetwork -Name $net -ErrorAction SilentlyContinue | Remove-OSNetwork -Confirm:$false -ErrorAction SilentlyContinue
    }

    It 'Format-Table Name, Networks shows network=address, not a dictionary entry' {
        $table = Get-OSServer $net | Format-Table Name, Networks | Out-String
        $table | Should -Match ([regex]::Escape("$net=10.231.7.") + '\d+')
        $table | Should -Not -Match 'System\.String|\[.*,'
    }

    It 'Select-Object Name, Networks and Format-List read the same way' {
        $selected = Get-OSServer $net | Select-Object Name, Networks
        "$($selected.Networks)" | Should -Match ('^' + [regex]::Escape("$net=10.231.7.") + '\d+$')
        Get-OSServer $net | Format-List | Out-String | Should -Match ('Networks\s+:\s+' + [regex]::Escape("$net=10.231.7."))
    }

    It 'each network has its Name and Addresses for the pipeline' {
        $networks = @((Get-OSServer $net).Networks)
        $networks | Should -HaveCount 1
        $networks[0].Name | Should -Be $net
        $networks[0].Addresses | Should -HaveCount 1
        $networks[0].Addresses[0] | Should -BeLike '10.231.7.*'
        (Get-OSServer $net).IPAddress | Should -Be $networks[0].Addresses
    }
}
