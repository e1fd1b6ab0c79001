# Get-OSServerEvent: a server's history (Nova instance actions and their events), newest first as Get-VIEvent,
# after it was created, stopped and resized (the single host resizes in place: allow_resize_to_same_host).

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $script:demo = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
    $script:name = New-OsoName 'oso-events'
    $script:server = New-OSServer -Name $name -Image los-fake-image -Flavor m1.tiny -Network none -Confirm:$false -ErrorAction Stop
    $null = Stop-OSServer $server -Confirm:$false -ErrorAction Stop
    Start-Sleep -Seconds 2
    # Nova's clock: the same host's, compared as UTC.
    $script:afterStop = [DateTime]::UtcNow
    Start-Sleep -Seconds 1
    $null = Set-OSServer $server -Flavor m1.small -Confirm:$false -ErrorAction Stop
}

AfterAll {
    if ($server) { Remove-OSServer $server -Confirm:$false -ErrorAction SilentlyContinue }
}

Describe 'Get-OSServerEvent' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'lists create, stop and resize newest first for a piped server, as the raw API has them' {
        $events = @(Get-OSServer $name | Get-OSServerEvent -ErrorAction Stop)
        $actions = @($events.Action)
        $actions | Should -Contain 'create'
        $actions | Should -Contain 'stop'
        $actions | Should -Contain 'resize'
        $actions[-1] | Should -Be 'create'
        [array]::IndexOf($actions, 'resize') | Should -BeLessThan ([array]::IndexOf($actions, 'stop'))
        for ($i = 1; $i -lt $events.Count; $i++) { $events[$i - 1].StartTime | Should -BeGreaterOrEqual $events[$i].StartTime }
        $raw = (Invoke-OSApiRequest -Service compute -Path "/servers/$($server.Id)/os-instance-actions" -ErrorAction Stop).instanceActions
        @($events.RequestId | Sort-Object) | Should -Be @($raw.request_id | Sort-Object)
        foreach ($e in $events) {
            $e | Should -BeOfType OpenStackOrchestrator.Client.Compute.ServerEvent
            $e.pstypenames | Should -Contain 'OpenStackOrchestrator.ServerEvent'
            $e.Server | Should -Be $name
            $e.ServerId | Should -Be $server.Id
            $e.UserId | Should -Be $demo.UserId
            $e.RequestId | Should -Match '^req-'
        }
    }

    It 'each action carries its events with start, finish and result' {
        $stop = Get-OSServerEvent $name -Action stop -ErrorAction Stop
        @($stop).Count | Should -Be 1
        $stop.Events.Event | Should -Contain 'compute_stop_instance'
        $stop.Events[0].Result | Should -Be 'Success'
        $stop.Events[0].FinishTime | Should -BeGreaterOrEqual $stop.Events[0].StartTime
        $stop.Result | Should -Be 'Success'
        # Nova shows a member the events from 2.51 on (before, to admins only); the cmdlet asks with 2.58.
        $raw = (Invoke-OSApiRequest -Service compute -Path "/servers/$($server.Id)/os-instance-actions/$($stop.RequestId)" -Microversion 2.58 -ErrorAction Stop).instanceAction
        @($stop.Events.Event) | Should -Be @($raw.events | Sort-Object start_time | ForEach-Object event)
    }

    It '-Action takes wildcards' {
        @(Get-OSServerEvent $name -Action 'res*', 'create' -ErrorAction Stop | ForEach-Object Action | Sort-Object -Unique) | Should -Be @('create', 'resize')
    }

    It '-Start asks Nova for the actions changed since then (changes-since)' {
        $since = @(Get-OSServerEvent $name -Start $afterStop -ErrorAction Stop)
        $since.Action | Should -Contain 'resize'
        $since.Action | Should -Not -Contain 'create'
        $since.Action | Should -Not -Contain 'stop'
    }

    It 'a server nothing has is ObjectNotFound' {
        Get-OSServerEvent oso-no-such-server -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}
