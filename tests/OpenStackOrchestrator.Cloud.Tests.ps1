# The module against the local OpenStack (tests/cloud/up.sh). Without one each It is skipped; in CI
# (OSO_REQUIRE_CLOUD=1) that is a failure instead. Pester 5: Invoke-Pester ./tests; dotnet test runs it through
# tests/Pester/PesterShim.psm1 (only Microsoft.PowerShell.Core there: no Select-Object, Sort-Object...).

BeforeAll {
    Import-Module "$PSScriptRoot/../out/OpenStackOrchestrator/OpenStackOrchestrator.psd1" -ErrorAction Stop
    $cloudsYaml = if ($env:LOS_CLOUDS_YAML) { $env:LOS_CLOUDS_YAML } else { '/var/lib/los/clouds.yaml' }
    $savedConfigFile = $env:OS_CLIENT_CONFIG_FILE
    $savedDefaultClouds = $global:DefaultOSClouds
    $savedDefaultCloud = $global:DefaultOSCloud
    $env:OS_CLIENT_CONFIG_FILE = $cloudsYaml
    $global:DefaultOSClouds = $null
    $global:DefaultOSCloud = $null

    $noCloud = $null
    $probe = [System.Net.Sockets.TcpClient]::new()
    try {
        if (-not [System.IO.File]::Exists($cloudsYaml)) { $noCloud = "$cloudsYaml is missing (start tests/cloud/up.sh)" }
        elseif (-not $probe.ConnectAsync('127.0.0.1', 5000).Wait(2000)) { $noCloud = 'nothing listens on 127.0.0.1:5000 (start tests/cloud/up.sh)' }
    }
    catch { $noCloud = 'nothing listens on 127.0.0.1:5000 (start tests/cloud/up.sh)' }
    finally { $probe.Dispose() }
    if ($noCloud -and $env:OSO_REQUIRE_CLOUD -eq '1') { throw "OSO_REQUIRE_CLOUD=1 but there is no local cloud: $noCloud" }

    function Skip-WithoutCloud {
        if ($noCloud) { Set-ItResult -Skipped -Because $noCloud }
    }
}

AfterAll {
    if ($connection -and (Get-OSCloud).Where({ $_.Id -eq $connection.Id })) { Disconnect-OSCloud $connection -Confirm:$false }
    $env:OS_CLIENT_CONFIG_FILE = $savedConfigFile
    $global:DefaultOSClouds = $savedDefaultClouds
    $global:DefaultOSCloud = $savedDefaultCloud
}

Describe 'The local cloud as los-demo' {
    It 'Connect-OSCloud -Cloud los-demo connects and becomes the default' {
        Skip-WithoutCloud
        $script:connection = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
        $connection.Name | Should -Be 'los-demo'
        $connection.IsConnected | Should -BeTrue
        $DefaultOSClouds | Should -HaveCount 1
        $DefaultOSCloud.Id | Should -Be $connection.Id
    }

    It 'Get-OSFlavor m1.tiny has 1 vCPU and 0.5 GB of memory' {
        Skip-WithoutCloud
        $tiny = Get-OSFlavor m1.tiny -ErrorAction Stop
        $tiny | Should -HaveCount 1
        $tiny.VCpus | Should -Be 1
        $tiny.MemoryGB | Should -Be 0.5
    }

    It 'Get-OSImage -Name los-* finds los-fake-image' {
        Skip-WithoutCloud
        $names = (Get-OSImage -Name los-* -ErrorAction Stop).Name
        $names | Should -Contain 'los-fake-image'
        $names.Where({ $_ -notlike 'los-*' }) | Should -BeNullOrEmpty
    }

    It 'Get-OSServer | Where-Object Status -eq ACTIVE keeps only active servers' {
        Skip-WithoutCloud
        $servers = @(Get-OSServer -ErrorAction Stop)
        $servers.ForEach({ $_.PSObject.Properties.Name | Should -Contain 'Status' })
        $active = @(Get-OSServer -ErrorAction Stop | Where-Object Status -eq ACTIVE)
        $active | Should -HaveCount $servers.Where({ $_.Status -eq 'ACTIVE' }).Count
        $active.ForEach({ $_.Status | Should -Be 'ACTIVE' })
    }

    It 'Invoke-OSApiRequest lists the network named public' {
        Skip-WithoutCloud
        (Invoke-OSApiRequest -Service network -Path /v2.0/networks -ErrorAction Stop).networks.name | Should -Contain 'public'
    }

    It 'Disconnect-OSCloud -Confirm:$false empties $DefaultOSClouds' {
        Skip-WithoutCloud
        Disconnect-OSCloud -Confirm:$false -ErrorAction Stop
        $DefaultOSClouds | Should -BeNullOrEmpty
        $DefaultOSCloud | Should -BeNullOrEmpty
    }
}
