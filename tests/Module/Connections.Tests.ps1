# Connections against the local OpenStack (tests/cloud/up.sh): Connect-/Get-/Disconnect-OSCloud and the defaults.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $authUrl = 'http://127.0.0.1:5000/v3'
    function New-TestCredential([string] $User, [string] $Password) {
        [pscredential]::new($User, [Net.NetworkCredential]::new('', $Password).SecurePassword)
    }
    function Get-DebugLines([scriptblock] $Command) {
        & $Command 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message
    }
}

Describe 'The local cloud as los-demo' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll { Use-OsoLocalCloud }

    It 'Connect-OSCloud -Cloud los-demo connects and becomes the default' {
        $script:connection = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
        $connection.Name | Should -Be 'los-demo'
        $connection.ProjectName | Should -Be 'demo'
        $connection.IsConnected | Should -BeTrue
        $DefaultOSClouds | Should -HaveCount 1
        $DefaultOSCloud.Id | Should -Be $connection.Id
        $DefaultOSCloud.Name | Should -Be 'los-demo'
        Get-OSCloud | Format-Table | Out-String | Should -Match 'los-demo\s+demo\s+demo'
    }

    It 'Get-OSFlavor m1.tiny has 1 vCPU and 0.5 GB of memory' {
        $tiny = Get-OSFlavor m1.tiny -ErrorAction Stop
        $tiny | Should -HaveCount 1
        $tiny.VCpus | Should -Be 1
        $tiny.MemoryGB | Should -Be 0.5
    }

    It 'Get-OSImage -Name los-* finds los-fake-image' {
        $names = (Get-OSImage -Name los-* -ErrorAction Stop).Name
        $names | Should -Contain 'los-fake-image'
        $names.Where({ $_ -notlike 'los-*' }) | Should -BeNullOrEmpty
    }

    It 'Invoke-OSApiRequest lists the network named public' {
        (Invoke-OSApiRequest -Service network -Path /v2.0/networks -ErrorAction Stop).networks.name | Should -Contain 'public'
    }

    It 'Disconnect-OSCloud -Confirm:$false empties $DefaultOSClouds' {
        Disconnect-OSCloud -Confirm:$false -ErrorAction Stop
        $DefaultOSClouds | Should -BeNullOrEmpty
        $DefaultOSCloud | Should -BeNullOrEmpty
    }
}

Describe 'Connecting' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeEach { Use-OsoLocalCloud }
    AfterAll { Use-OsoLocalCloud }

    It 'OS_CLOUD names the cloud when -Cloud is left out' {
        $env:OS_CLOUD = 'los-admin'
        try { (Connect-OSCloud -ErrorAction Stop).Name | Should -Be 'los-admin' }
        finally { Remove-Item Env:OS_CLOUD }
    }

    It 'explicit parameters with -NotDefault leave the defaults alone and serve -Cloud' {
        $null = Connect-OSCloud -Cloud los-admin -ErrorAction Stop
        $c = Connect-OSCloud -AuthUrl $authUrl -Credential (New-TestCredential demo demopass) -ProjectName demo -NotDefault -ErrorAction Stop
        @($DefaultOSClouds) | Should -HaveCount 1
        $DefaultOSCloud.Name | Should -Be 'los-admin'
        @(Get-OSCloud) | Should -HaveCount 2
        (Get-OSCloud)[1].ProjectName | Should -Be 'demo'
        @(Get-OSFlavor -Cloud (Get-OSCloud)[1] -ErrorAction Stop).Count | Should -BeGreaterOrEqual 2
        [object]::ReferenceEquals((Get-OSFlavor -Cloud $c)[0].Cloud, $c.PSObject.BaseObject) | Should -BeTrue
    }

    It 'one authentication serves every cmdlet of the session' {
        $c = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
        $lines = Get-DebugLines {
            $DebugPreference = 'Continue'
            $null = Get-OSFlavor; $null = Get-OSImage; $null = Get-OSServer
            $null = Invoke-OSApiRequest -Service network -Path /v2.0/networks
        }
        $lines.Where({ $_ -like 'REQ: curl*' }).Count | Should -BeGreaterOrEqual 4
        $lines.Where({ $_ -like 'REQ: curl*/v3/auth/tokens*' }) | Should -BeNullOrEmpty -Because 'the token of Connect-OSCloud is reused'
    }

    It 'a region the catalog lacks is named with the regions it has' {
        $null = Connect-OSCloud -Cloud los-demo -Region Atlantis -ErrorAction Stop
        $thrown = { Get-OSFlavor -ErrorAction Stop } | Should -Throw -ErrorId 'EndpointNotFound,OpenStackOrchestrator.Cmdlets.GetOSFlavorCommand' -PassThru
        "$thrown" | Should -Match 'Atlantis'
        "$thrown" | Should -Match 'RegionOne'
    }

    It 'a cmdlet that needs one cloud rejects a -Cloud name matching several' {
        $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
        $null = Connect-OSCloud -Cloud los-admin -ErrorAction Stop
        $thrown = { Invoke-OSApiRequest -Cloud 'los-*' -Service compute -Path /flavors -ErrorAction Stop } |
            Should -Throw -ErrorId 'AmbiguousName,OpenStackOrchestrator.Cmdlets.InvokeOSApiRequestCommand' -PassThru
        "$thrown" | Should -Match 'los-demo'
        "$thrown" | Should -Match 'los-admin'
        @(Get-OSFlavor -Cloud 'los-*' -Name m1.tiny -ErrorAction Stop) | Should -HaveCount 2
    }

    It 'a wrong password is an authentication error that never shows the password' {
        $DebugPreference = 'Continue'
        $all = Connect-OSCloud -AuthUrl $authUrl -Credential (New-TestCredential demo 'Wr0ngPassw0rd!') -ProjectName demo -ErrorVariable e -ErrorAction SilentlyContinue 5>&1
        $DebugPreference = 'SilentlyContinue'
        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be 'AuthenticationFailed,OpenStackOrchestrator.Cmdlets.ConnectOSCloudCommand'
        $e[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        "$($e[0])" | Should -Match "'demo'"
        "$($e[0])" | Should -Match 'request id req-'
        ("$($e[0])" + $e[0].Exception.ToString() + ($all | Out-String)) | Should -Not -Match 'Wr0ngPassw0rd!'
        Get-OSCloud | Should -BeNullOrEmpty
    }

    It 'Disconnect-OSCloud revokes the token and forgets the connection' {
        $c = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
        $lines = Get-DebugLines { $DebugPreference = 'Continue'; Disconnect-OSCloud -Confirm:$false -ErrorAction Stop }
        $lines.Where({ $_ -like '*-X DELETE*' -and $_ -like '*/v3/auth/tokens*' }) | Should -Not -BeNullOrEmpty
        $lines.Where({ $_ -like 'RESP: `[204`]*' }) | Should -Not -BeNullOrEmpty
        Get-OSCloud | Should -BeNullOrEmpty
        $DefaultOSClouds | Should -BeNullOrEmpty
        { Get-OSFlavor -Cloud $c -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected,OpenStackOrchestrator.Cmdlets.GetOSFlavorCommand'
    }

    It 'Disconnect-OSCloud -WhatIf keeps the connection' {
        $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
        Disconnect-OSCloud -WhatIf -ErrorAction Stop
        $DefaultOSCloud.IsConnected | Should -BeTrue
    }

    It 'Disconnect-OSCloud asks first, and a No answer keeps the connection (real host)' {
        $run = Invoke-OsoPwsh -Interactive -InputLines 'N' -Script @'
Connect-OSCloud -Cloud los-demo -ErrorAction Stop | Out-Null
Disconnect-OSCloud
"connected: $($DefaultOSCloud.IsConnected)"
'@
        $run.Text | Should -Match 'Disconnect'
        $run.Output | Should -Contain 'connected: True'
    }
}

Describe 'Connecting again to the same identity' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeEach { Use-OsoLocalCloud }
    AfterAll { Use-OsoLocalCloud }

    It 'Connect-OSCloud los-admin -NotDefault then Connect-OSCloud los-admin keeps one connection, now the default' {
        $first = Connect-OSCloud los-admin -NotDefault -ErrorAction Stop
        $DefaultOSClouds | Should -BeNullOrEmpty
        $second = Connect-OSCloud los-admin -ErrorAction Stop
        @(Get-OSCloud | Where-Object Name -eq los-admin) | Should -HaveCount 1
        $second.Id | Should -Be $first.Id
        @($DefaultOSClouds) | Should -HaveCount 1
        $DefaultOSCloud.Id | Should -Be $first.Id
        @(Get-OSFlavor m1.tiny -ErrorAction Stop) | Should -HaveCount 1 -Because 'each row comes from one connection'
    }

    It 'connecting again with -NotDefault leaves the defaults as they are' {
        $demo = Connect-OSCloud los-demo -ErrorAction Stop
        $null = Connect-OSCloud los-admin -NotDefault -ErrorAction Stop
        $null = Connect-OSCloud los-admin -NotDefault -ErrorAction Stop
        @(Get-OSCloud) | Should -HaveCount 2
        @($DefaultOSClouds).Id | Should -Be @($demo.Id)
    }

    It 'explicit parameters equal to a clouds.yaml cloud reuse its connection' {
        $yaml = Connect-OSCloud los-demo -ErrorAction Stop
        $explicit = Connect-OSCloud -AuthUrl $authUrl -Credential (New-TestCredential demo demopass) -ProjectName demo -ErrorAction Stop
        $explicit.Id | Should -Be $yaml.Id
        @(Get-OSCloud) | Should -HaveCount 1
        @($DefaultOSClouds) | Should -HaveCount 1
    }
}

Describe 'What a connection shows' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        Use-OsoLocalCloud
        $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
        $forbidden = 'HttpSettings', 'X-Auth-Token', 'password', 'Roles', '"Compute"', '"Image":', 'ObjectStorage', 'Services', 'AuthenticationCount'
    }
    AfterAll { Use-OsoLocalCloud }

    It 'ConvertTo-Json of <What> names its cloud and carries no client internals or secret' -TestCases @(
        @{ What = 'a flavor'; Get = { Get-OSFlavor m1.tiny -ErrorAction Stop } }
        @{ What = 'an image'; Get = { Get-OSImage los-fake-image -ErrorAction Stop } }
    ) {
        $json = & $Get | ConvertTo-Json -Depth 5
        foreach ($word in $forbidden) { $json | Should -Not -Match ([regex]::Escape($word)) }
        ($json | ConvertFrom-Json).Cloud.Name | Should -Be 'los-demo'
    }

    It 'ConvertTo-Json of Get-OSCloud has the user-facing properties only' {
        $json = Get-OSCloud | ConvertTo-Json -Depth 5
        foreach ($word in $forbidden) { $json | Should -Not -Match ([regex]::Escape($word)) }
        $parsed = $json | ConvertFrom-Json
        $parsed.Name | Should -Be 'los-demo'
        $parsed.ProjectName | Should -Be 'demo'
        $parsed.UserName | Should -Be 'demo'
        $parsed.IsConnected | Should -BeTrue
    }

    It 'Format-List of <What> shows no client internals' -TestCases @(
        @{ What = 'Get-OSCloud'; Get = { Get-OSCloud } }
        @{ What = "an object's Cloud"; Get = { (Get-OSFlavor m1.tiny -ErrorAction Stop).Cloud } }
    ) {
        $list = & $Get | Format-List | Out-String
        $list | Should -Match 'Name\s*:\s*los-demo'
        $list | Should -Match 'AuthUrl\s*:\s*http://127\.0\.0\.1:5000/v3'
        foreach ($word in 'HttpSettings', 'Compute', 'Image', 'Network', 'BlockStorage', 'Orchestration', 'ObjectStorage', 'Roles') {
            $list | Should -Not -Match "(?m)^$word\s*:"
        }
    }

    It 'an object still gives its connection to -Cloud' {
        $flavor = Get-OSFlavor m1.tiny -ErrorAction Stop
        (Get-OSImage los-fake-image -Cloud $flavor.Cloud -ErrorAction Stop).Name | Should -Be 'los-fake-image'
    }
}

Describe 'Connection errors (no cloud needed)' {
    BeforeAll {
        $folder = Join-Path ([System.IO.Path]::GetTempPath()) (New-OsoName 'oso-clouds')
        New-Item -ItemType Directory -Path $folder | Out-Null
        Set-Content -Path (Join-Path $folder 'clouds.yaml') -Value @'
clouds:
  alpha:
    auth:
      auth_url: http://127.0.0.1:1/v3
      username: u
      password: S3cretPassw0rd
      project_name: p
  beta:
    auth:
      auth_url: http://127.0.0.1:1/v3
      username: u
      password: S3cretPassw0rd
'@
        $savedConfig = $env:OS_CLIENT_CONFIG_FILE
        $env:OS_CLIENT_CONFIG_FILE = Join-Path $folder 'clouds.yaml'
        Remove-Item Env:OS_CLOUD -ErrorAction SilentlyContinue
        $global:DefaultOSClouds = $null
        $global:DefaultOSCloud = $null
    }
    AfterAll {
        $env:OS_CLIENT_CONFIG_FILE = $savedConfig
        Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'an unknown cloud name lists the known ones' {
        $thrown = { Connect-OSCloud -Cloud gamma -ErrorAction Stop } |
            Should -Throw -ErrorId 'CloudConfigurationInvalid,OpenStackOrchestrator.Cmdlets.ConnectOSCloudCommand' -PassThru
        $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $thrown.TargetObject | Should -Be 'gamma'
        "$thrown" | Should -Match 'alpha'
        "$thrown" | Should -Match 'beta'
        "$thrown" | Should -Not -Match 'S3cretPassw0rd'
    }

    It 'an unreachable auth URL fails fast, naming the URL and leaking no password' {
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $DebugPreference = 'Continue'
        $all = Connect-OSCloud -Cloud alpha -TimeoutSec 5 -ErrorVariable e -ErrorAction SilentlyContinue 5>&1
        $DebugPreference = 'SilentlyContinue'
        $watch.Stop()
        $e | Should -HaveCount 1
        $e[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        "$($e[0])" | Should -Match ([regex]::Escape('http://127.0.0.1:1/v3'))
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 20
        $debug = @($all | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message)
        ("$($e[0])" + ($debug -join "`n") + ($all | Out-String)) | Should -Not -Match 'S3cretPassw0rd'
        $debug.Where({ $_ -like '*"password":"***"*' }) | Should -Not -BeNullOrEmpty
        Get-OSCloud | Should -BeNullOrEmpty
    }

    It 'a cmdlet without any connection says to connect' {
        $thrown = { Get-OSFlavor -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected,OpenStackOrchestrator.Cmdlets.GetOSFlavorCommand' -PassThru
        $thrown.CategoryInfo.Category | Should -Be 'ConnectionError'
        "$thrown" | Should -Match 'Connect-OSCloud'
    }

    It '-Cloud rejects the name of a connection that is not open' {
        $thrown = { Get-OSServer -Cloud nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentTransformationError*' -PassThru
        "$thrown" | Should -Match "No open connection is named 'nowhere'"
    }

    It 'Get-OSCloud -ListAvailable shows the clouds.yaml entries without secrets' {
        $available = Get-OSCloud -ListAvailable -ErrorAction Stop
        $available.Name | Should -Be @('alpha', 'beta')
        $available.ForEach({ $_.PSObject.Properties.Name -like '*Password*' | Should -BeNullOrEmpty })
        $table = Get-OSCloud -ListAvailable | Format-Table | Out-String
        $table | Should -Match 'alpha'
        $table | Should -Not -Match 'S3cretPassw0rd'
    }

    It 'a non-HTTP auth URL is rejected before any request' {
        $thrown = { Connect-OSCloud -AuthUrl 'ftp://x/v3' -Credential (New-TestCredential u pw) -ErrorAction Stop } | Should -Throw -PassThru
        $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
        "$thrown" | Should -Match ([regex]::Escape('ftp://x/v3'))
    }
}
