# Servers as a PowerCLI script handles VMs: Set-VM -NumCpu -MemoryGB sizing, a powered-off VM piped to New-VM,
# InvalidPowerState errors, Stop-VM asking first, and VM.Guest.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $script:admin = Connect-OSCloud -Cloud los-admin -NotDefault -ErrorAction Stop
    # A project of its own: the servers made here never meet the instance quota other runs share in the demo project.
    $script:project = New-OsoProject -AdminCloud $admin -Name (New-OsoName 'oso-habit') -ComputeQuota @{ instances = 30; cores = 30; ram = 65536 } -Default
    $script:prefix = $project.Name
    $script:connect = "`$null = Connect-OSCloud -Cloud los-admin -ProjectName $prefix -ErrorAction Stop"

    function New-TestServer([string] $Name, [hashtable] $With = @{}) {
        New-OSServer -Name $Name -Image los-fake-image -Flavor m1.tiny -Network none -Confirm:$false -ErrorAction Stop @With
    }
}

AfterAll {
    Remove-OsoProject -AdminCloud $admin -Project $project
}

Describe 'Set-OSServer -NumCpu -MemoryGB, as Set-VM' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $script:sized = "$prefix-size"
        $null = New-TestServer $sized
        # The smallest public flavor with 1 vCPU and 2 GB, as Get-OSFlavor -MinNumCpu -MinMemoryGB names it (m1.small).
        $script:fit = Get-OSFlavor -MinNumCpu 1 -MinMemoryGB 2 -First 1 -ErrorAction Stop
    }

    It '-WhatIf names the flavor it would pick' {
        $run = Invoke-OsoPwsh -Script "$connect; Get-OSServer $sized | Set-OSServer -NumCpu 1 -MemoryGB 2 -WhatIf"
        $run.Output | Should -Contain "What if: Performing the operation `"Resize server to $($fit.Name) ($($fit.VCpus) vCPU, 2 GB)`" on target `"$sized on los-admin`"."
        (Get-OSServer $sized).Flavor | Should -Be 'm1.tiny'
    }

    It 'resizes to the smallest public flavor that fits and confirms the resize' {
        $resized = Get-OSServer $sized | Set-OSServer -NumCpu 1 -MemoryGB 2 -Confirm:$false -ErrorAction Stop

        $resized.Flavor | Should -Be $fit.Name
        $resized.Status | Should -Be 'ACTIVE'
        $resized.MemoryGB | Should -BeGreaterOrEqual 2
        (Get-OSServer $sized).Flavor | Should -Be $fit.Name
    }

    It 'a server that already has the flavor that fits is left as it is, with a verbose line' {
        $verbose = Get-OSServer $sized | Set-OSServer -MemoryGB 1 -Confirm:$false -Verbose -ErrorAction Stop -OutVariable kept 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }

        $verbose.Message | Should -Match "already has flavor $([regex]::Escape($fit.Name))"
        $kept | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] } | ForEach-Object Flavor | Should -Be $fit.Name
        (Get-OSServer $sized).Status | Should -Be 'ACTIVE'
    }

    It 'no public flavor that fits is a NoFittingFlavor error naming the largest, and nothing is resized' {
        Get-OSServer $sized | Set-OSServer -NumCpu 4096 -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'NoFittingFlavor,*'
        $failed[0].Exception.Message | Should -Match 'No public flavor has at least 4096 vCPU'
        $failed[0].Exception.Message | Should -Match 'the largest (is|are): \S+ \(\d+ vCPU'
        (Get-OSServer $sized).Flavor | Should -Be $fit.Name
    }

    It '-Flavor with -NumCpu is refused before anything is done' {
        { Set-OSServer $sized -Flavor m1.tiny -NumCpu 1 -Confirm:$false -ErrorAction Stop } | Should -Throw '*not both*'
    }
}

Describe 'New-OSServer honours PowerState = PoweredOff from the pipeline' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'creates a server described by a piped object, and stops it' {
        $created = [pscustomobject]@{ Name = "$prefix-off"; Image = 'los-fake-image'; Flavor = 'm1.tiny'; PowerState = 'PoweredOff' } |
            New-OSServer -Network none -Confirm:$false -ErrorAction Stop

        $created.Name | Should -Be "$prefix-off"
        $created.PowerState | Should -Be 'PoweredOff'
        (Get-OSServer "$prefix-off").Status | Should -Be 'SHUTOFF'
    }

    It 'a powered-off server from Get-OSServer makes a powered-off copy with its image and flavor' {
        $source = Get-OSServer "$prefix-off" -ErrorAction Stop
        $copy = $source | New-OSServer -Name "$prefix-copy" -Network none -Confirm:$false -ErrorAction Stop

        $copy.PowerState | Should -Be 'PoweredOff'
        $copy.ImageId | Should -Be $source.ImageId
        $copy.Flavor | Should -Be $source.Flavor
    }

    It 'PowerState PoweredOn creates a running server' {
        ([pscustomobject]@{ Name = "$prefix-on"; Image = 'los-fake-image'; Flavor = 'm1.tiny'; PowerState = 'PoweredOn' } |
            New-OSServer -Network none -Confirm:$false -ErrorAction Stop).Status | Should -Be 'ACTIVE'
    }
}

Describe 'A server already in the state asked for' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $script:power = "$prefix-power"
        $null = New-TestServer $power
    }

    It 'Start-OSServer on a running server is a ServerAlreadyInState error about that server' {
        Start-OSServer $power -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'ServerAlreadyInState,OpenStackOrchestrator.Cmdlets.Compute.StartOSServerCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $failed[0].Exception.Message | Should -Match "Server '$power' is already started"
        $failed[0].TargetObject.Id | Should -Be (Get-OSServer $power).Id
    }

    It 'Stop-OSServer on a stopped server says it is already stopped, and -ErrorAction Stop stops the script' {
        Get-OSServer $power | Stop-OSServer -Confirm:$false -ErrorAction Stop | ForEach-Object PowerState | Should -Be 'PoweredOff'

        { Get-OSServer $power | Stop-OSServer -Confirm:$false -ErrorAction Stop } | Should -Throw "Server '$power' is already stopped*(PoweredOff)*"
        Get-OSServer $power | Stop-OSServer -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -Be 'ServerAlreadyInState,OpenStackOrchestrator.Cmdlets.Compute.StopOSServerCommand'
        $failed[0].TargetObject.Status | Should -Be 'SHUTOFF'
    }

    It 'Suspend-OSServer on a suspended server says it is already suspended' {
        Start-OSServer $power -ErrorAction Stop | ForEach-Object Status | Should -Be 'ACTIVE'
        Suspend-OSServer $power -ErrorAction Stop | ForEach-Object Status | Should -Be 'SUSPENDED'

        Suspend-OSServer $power -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -Be 'ServerAlreadyInState,OpenStackOrchestrator.Cmdlets.Compute.SuspendOSServerCommand'
        $failed[0].Exception.Message | Should -Match 'already suspended'
        Start-OSServer $power -ErrorAction Stop | ForEach-Object Status | Should -Be 'ACTIVE'
    }
}

Describe 'Stop-OSServer and Restart-OSServer ask first, as Stop-VM and Restart-VM' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $script:asked = "$prefix-ask"
        $null = New-TestServer $asked
    }

    It 'answering No in an interactive pwsh leaves the server running' {
        $run = Invoke-OsoPwsh -Interactive -InputLines 'N', 'N' -Script "$connect; Stop-OSServer $asked; 'stop answered'; Restart-OSServer $asked; 'restart answered'"

        $run.Text | Should -Match 'Are you sure you want to perform this action\?'
        $run.Text | Should -Match ('Stop server.*' + [regex]::Escape($asked))
        $run.Text | Should -Match ('Reboot server.*' + [regex]::Escape($asked))
        $run.Output | Should -Contain 'stop answered'
        $run.Output | Should -Contain 'restart answered'
        (Get-OSServer $asked).Status | Should -Be 'ACTIVE'
    }

    It 'an unattended script passes -Confirm:$false and the server stops' {
        $run = Invoke-OsoPwsh -Script "$connect; (Stop-OSServer $asked -Confirm:`$false -ErrorAction Stop).PowerState"

        $run.Output | Should -Contain 'PoweredOff'
        (Get-OSServer $asked).Status | Should -Be 'SHUTOFF'
    }
}

Describe 'A server''s Guest, as VM.Guest' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $disk = Join-Path ([System.IO.Path]::GetTempPath()) "$prefix-guest.raw"
        [System.IO.File]::WriteAllBytes($disk, [byte[]]::new(4096))
        $script:image = New-OSImage -Name "$prefix-ubuntu" -Path $disk -DiskFormat raw -Property @{ os_distro = 'ubuntu'; os_version = '22.04'; os_type = 'linux' } -Confirm:$false -ErrorAction Stop
        Remove-Item $disk
        $script:guest = "$prefix-guest"
        $null = New-OSServer -Name $guest -Image $image -Flavor m1.tiny -Network none -Confirm:$false -ErrorAction Stop
    }

    AfterAll {
        if ($image) { Remove-OSImage $image -Confirm:$false -ErrorAction SilentlyContinue }
    }

    It 'shows in Format-List as name:OS, and itself has HostName, IPAddress, OSFullName and State' {
        $server = Get-OSServer $guest -ErrorAction Stop

        ($server | Format-List | Out-String) | Should -Match "(?m)^Guest\s+: $([regex]::Escape($guest)):ubuntu 22\.04\s*$"
        $shown = $server.Guest | Format-List | Out-String
        $shown | Should -Match "(?m)^HostName\s+: $([regex]::Escape($guest))\s*$"
        $shown | Should -Match '(?m)^OSFullName\s+: ubuntu 22\.04\s*$'
        $shown | Should -Match '(?m)^State\s+: Running\s*$'
        , $server.Guest.IPAddress | Should -BeOfType [string[]]
    }

    It 'a stopped server''s guest is NotRunning; an image without OS properties gives no OSFullName' {
        (Stop-OSServer $guest -Confirm:$false -ErrorAction Stop).Guest.State | Should -Be 'NotRunning'
        (Get-OSServer "$prefix-power" -ErrorAction Stop).Guest.OSFullName | Should -BeNullOrEmpty
    }

    It 'listing servers reads nothing more from Glance until a Guest is read' {
        $debug = & { $DebugPreference = 'Continue'; $null = Get-OSServer -Name "$prefix-*" } 5>&1 |
            Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message
        $debug | Where-Object { $_ -like 'REQ: curl*' -and $_ -like '*/images/*' } | Should -BeNullOrEmpty
        $debug | Where-Object { $_ -like 'REQ: curl*' -and $_ -like '*/servers*' } | Should -Not -BeNullOrEmpty
    }
}
