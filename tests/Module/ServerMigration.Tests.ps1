# Move-OSServer on the two fake compute hosts: a cold migration confirmed (or left in VERIFY_RESIZE and confirmed by
# Set-OSServer), a live migration, and what Nova refuses (the host the server is on; an evacuation while its compute
# service is up), with Nova's message.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $PSStyle.OutputRendering = 'PlainText'
    $script:Prefix = New-OsoName 'oso-move'
    if (-not (Get-OsoCloudSkipReason)) {
        $script:Admin = Connect-OSCloud -Cloud los-admin -NotDefault -ErrorAction Stop
        # A project of its own where the admin user is admin too: moving servers and naming their host are admin-only.
        $script:Project = New-OsoProject -AdminCloud $Admin -Name "$Prefix-proj" -ComputeQuota @{ instances = 5; cores = 5 }
        $adminRole = (Invoke-OSApiRequest -Cloud $Admin -Service identity -Path /roles -Query @{ name = 'admin' } -ErrorAction Stop).roles[0].id
        $null = Invoke-OSApiRequest -Cloud $Admin -Service identity -Path "/projects/$($Project.Id)/users/$($Admin.UserId)/roles/$adminRole" -Method PUT -Confirm:$false -ErrorAction Stop
        $script:Mine = Connect-OSCloud -Cloud los-admin -ProjectName $Project.Name -NotDefault -ErrorAction Stop
        $script:Server = New-OSServer -Cloud $Mine -Name "$Prefix-vm" -Image los-fake-image -Flavor m1.tiny -Network none -TargetHost los-aio -Confirm:$false -ErrorAction Stop
    }

    function Get-OtherHost([string] $HostName) { if ($HostName -eq 'los-aio') { 'los-aio-2' } else { 'los-aio' } }
}

AfterAll {
    if ($Project) { Remove-OsoProject -AdminCloud $Admin -Project $Project }
}

Describe 'Move-OSServer' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'a cold migration moves the server to the other host and confirms it: ACTIVE there' {
        $before = (Get-OSServer -Id $Server.Id -Cloud $Mine).Host
        $before | Should -Be 'los-aio'
        $moved = Move-OSServer $Server -Confirm:$false -ErrorAction Stop
        $moved.Status | Should -Be 'ACTIVE'
        $moved.Host | Should -Be 'los-aio-2'
        (Get-OSServer -Id $Server.Id -Cloud $Mine).Host | Should -Be 'los-aio-2'
    }

    It '-WhatIf names the move and moves nothing' {
        $before = (Get-OSServer -Id $Server.Id -Cloud $Mine).Host
        Move-OSServer $Server -Live -Destination (Get-OtherHost $before) -WhatIf -ErrorAction Stop
        (Get-OSServer -Id $Server.Id -Cloud $Mine).Host | Should -Be $before
    }

    It '-NoConfirmMigration to a hypervisor object leaves it in VERIFY_RESIZE there; Set-OSServer -ConfirmResize keeps it' {
        $target = Get-OSHypervisor (Get-OtherHost (Get-OSServer -Id $Server.Id -Cloud $Mine).Host) -Cloud $Admin
        $waiting = Move-OSServer $Server -Destination $target -NoConfirmMigration -Confirm:$false -ErrorAction Stop
        $waiting.Status | Should -Be 'VERIFY_RESIZE'
        $waiting.Host | Should -Be $target.Host
        $kept = Set-OSServer $Server -ConfirmResize -Confirm:$false -ErrorAction Stop
        $kept.Status | Should -Be 'ACTIVE'
        $kept.Host | Should -Be $target.Host
    }

    It 'a live migration to a named host (-RunAsync, then Wait-OSTask) moves the running server' {
        $before = (Get-OSServer -Id $Server.Id -Cloud $Mine).Host
        $task = Move-OSServer $Server -Live -Destination (Get-OtherHost $before) -RunAsync -Confirm:$false -ErrorAction Stop
        $task.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Task'
        $moved = Wait-OSTask $task -ErrorAction Stop
        $moved.Status | Should -Be 'ACTIVE'
        $moved.PowerState | Should -Be 'PoweredOn'
        $moved.Host | Should -Be (Get-OtherHost $before)
    }

    It 'a move to the host the server is on is refused with Nova''s message' {
        $here = (Get-OSServer -Id $Server.Id -Cloud $Mine).Host
        Move-OSServer $Server -Destination $here -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable refused | Should -BeNullOrEmpty
        $refused | Should -HaveCount 1
        $refused[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $refused[0].Exception.Message | Should -BeLike '*HTTP 400: Cannot migrate to the host where the server exists.*'
        (Get-OSServer -Id $Server.Id -Cloud $Mine).Host | Should -Be $here
    }

    It 'an evacuation is refused while the server''s compute service is up, with Nova''s message' {
        $here = (Get-OSServer -Id $Server.Id -Cloud $Mine).Host
        Move-OSServer $Server -Evacuate -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable refused | Should -BeNullOrEmpty
        $refused | Should -HaveCount 1
        $refused[0].Exception.Message | Should -BeLike "*HTTP 400: Compute service of $here is still in use.*"
        $refused[0].Exception.RequestId | Should -Match '^req-'
        $server = Get-OSServer -Id $Server.Id -Cloud $Mine
        $server.Host | Should -Be $here
        $server.Status | Should -Be 'ACTIVE'
    }
}
