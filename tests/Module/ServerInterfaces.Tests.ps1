# Server NICs through Nova's os-interface against the local OpenStack (fake Nova driver), the way PowerCLI's
# New-NetworkAdapter and Remove-NetworkAdapter are used. Everything is named with one prefix and deleted in AfterAll.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-Module "$PSScriptRoot/TestSupport/OsoNetworkTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $Prefix = New-OsoName 'oso-nic'
    if (-not (Get-OsoCloudSkipReason)) { $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop }
}

AfterAll {
    if (-not (Get-OsoCloudSkipReason)) { Remove-OsoNetworkResources -Prefix $Prefix }
}

Describe 'Server interfaces' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'are added on a network, listed, shown as a table and removed from the pipeline' {
        $a = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix a -Cidr 10.101.0.0/24
        $b = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix b -Cidr 10.102.0.0/24
        $null = New-OSServer -Name "$Prefix-vm" -Image los-fake-image -Flavor m1.tiny -Network $a -ErrorAction Stop

        $added = Get-OSServer "$Prefix-vm" | Add-OSServerInterface -Network $b -FixedIPAddress 10.102.0.50 -ErrorAction Stop
        $added.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.ServerInterface'
        $added.PortState | Should -Be 'ACTIVE'
        $added.NetworkName | Should -Be $b
        $added.ServerName | Should -Be "$Prefix-vm"
        $added.IPAddress | Should -Be @('10.102.0.50')
        (Get-OSPort -Id $added.PortId -ErrorAction Stop).Status | Should -Be 'ACTIVE'

        @((Get-OSServerInterface "$Prefix-vm" -ErrorAction Stop).NetworkName | Sort-Object) | Should -Be @($a, $b)
        $table = Get-OSServerInterface "$Prefix-vm" | Format-Table | Out-String -Width 250
        $table | Should -Match 'Server\s+Network\s+MacAddress\s+IPAddress\s+PortState\s+PortId'
        $table | Should -Match "$Prefix-vm\s+$b\s+fa:16:3e(:[0-9a-f]{2}){3}\s+10\.102\.0\.50\s+ACTIVE"

        Get-OSServerInterface "$Prefix-vm" | Where-Object NetworkName -eq $b | Remove-OSServerInterface -Confirm:$false -ErrorAction Stop
        @((Get-OSServerInterface "$Prefix-vm" -ErrorAction Stop).NetworkName) | Should -Be @($a)
        Get-OSPort -Network $b -ErrorAction Stop | Should -BeNullOrEmpty   # Nova deletes the port it made
    }

    It 'Get-OSServer -Name x* | Get-OSServerInterface lists the NICs of every piped server (Get-OSServerInterface example)' {
        $net = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix l -Cidr 10.106.0.0/24
        $one = New-OSServer -Name "$Prefix-l1" -Image los-fake-image -Flavor m1.tiny -Network $net -ErrorAction Stop
        $two = New-OSServer -Name "$Prefix-l2" -Image los-fake-image -Flavor m1.tiny -Network $net -ErrorAction Stop

        $rows = @(Get-OSServer -Name "$Prefix-l*" | Get-OSServerInterface -ErrorAction Stop | Select-Object ServerName, NetworkName, IPAddress)

        @($rows.ServerName | Sort-Object) | Should -Be @("$Prefix-l1", "$Prefix-l2")
        $rows.NetworkName | Sort-Object -Unique | Should -Be $net
        $rows | ForEach-Object { $_.IPAddress | Should -Match '^10\.106\.0\.\d+$' }
        @($one, $two | Get-OSServerInterface -ErrorAction Stop) | Should -HaveCount 2
    }

    It 'Get-OSServer -Name x* | Add-OSServerInterface -RunAsync | Wait-OSTask adds a NIC to each (Add-OSServerInterface example)' {
        $a = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix ra -Cidr 10.107.0.0/24
        $backup = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix rb -Cidr 10.108.0.0/24
        1..2 | ForEach-Object { $null = New-OSServer -Name "$Prefix-app$_" -Image los-fake-image -Flavor m1.tiny -Network $a -ErrorAction Stop }

        $tasks = Get-OSServer -Name "$Prefix-app*" | Add-OSServerInterface -Network $backup -RunAsync -ErrorAction Stop
        $nics = @($tasks | Wait-OSTask -ErrorAction Stop)

        $nics | Should -HaveCount 2
        @($nics.ServerName | Sort-Object) | Should -Be @("$Prefix-app1", "$Prefix-app2")
        $nics.NetworkName | Sort-Object -Unique | Should -Be $backup
        Get-OSPort -Network $backup -ErrorAction Stop | Should -HaveCount 2
    }

    It 'attach an existing port with -RunAsync, and the port is kept after the detach' {
        $a = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix p -Cidr 10.103.0.0/24
        $null = New-OSServer -Name "$Prefix-pvm" -Image los-fake-image -Flavor m1.tiny -Network none -ErrorAction Stop
        $port = New-OSPort "$Prefix-nic" -Network $a -ErrorAction Stop

        $nic = Add-OSServerInterface "$Prefix-pvm" -Port "$Prefix-nic" -RunAsync | Wait-OSTask -ErrorAction Stop
        $nic.PortId | Should -Be $port.Id
        (Get-OSPort "$Prefix-nic" -ErrorAction Stop).DeviceId | Should -Be (Get-OSServer "$Prefix-pvm" -ErrorAction Stop).Id

        Remove-OSServerInterface "$Prefix-nic" -Confirm:$false -ErrorAction Stop   # the server is found from the port
        Get-OSServerInterface "$Prefix-pvm" -ErrorAction Stop | Should -BeNullOrEmpty
        (Get-OSPort "$Prefix-nic" -ErrorAction Stop).DeviceId | Should -BeNullOrEmpty
    }

    It 'refuse to detach a port that no server has, with a clear error' {
        $a = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix f -Cidr 10.104.0.0/24
        $null = New-OSPort "$Prefix-free" -Network $a -ErrorAction Stop

        Remove-OSServerInterface "$Prefix-free" -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be 'BadRequest,OpenStackOrchestrator.Cmdlets.Networking.RemoveOSServerInterfaceCommand'
        "$($e[0])" | Should -Match 'not attached to a server'
    }

    It 'are neither attached nor detached under -WhatIf' {
        $a = New-OsoNetworkWithSubnet -Prefix $Prefix -Suffix w -Cidr 10.105.0.0/24
        $null = New-OSServer -Name "$Prefix-wvm" -Image los-fake-image -Flavor m1.tiny -Network $a -ErrorAction Stop

        $null = Add-OSServerInterface "$Prefix-wvm" -Network $a -WhatIf -ErrorAction Stop
        Get-OSServerInterface "$Prefix-wvm" | Remove-OSServerInterface -WhatIf -ErrorAction Stop

        Get-OSServerInterface "$Prefix-wvm" -ErrorAction Stop | Should -HaveCount 1
    }
}
