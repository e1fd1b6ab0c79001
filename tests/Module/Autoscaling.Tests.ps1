# Autoscaling end to end on the local cloud (heat-engine, heat-api-cfn, gnocchi, aodh evaluator and notifier, fake
# compute): New-OSStack deploys Templates/autoscaling.yaml, an AutoScalingGroup (1 to 2 servers) with a scale-out and a
# scale-in ScalingPolicy and two Gnocchi aggregation-by-resources alarms whose actions are the policies' pre-signed
# alarm_url. Measures pushed on the Gnocchi metric the alarms' query selects fire the high alarm: Heat grows the group
# 1 -> 2; low measures fire the other alarm: it shrinks back to 1. Get-OSStackResource -Nested and Get-OSStackEvent show
# it, and Invoke-OSScalingPolicy signals a policy by hand. 60 s granularity and one evaluation period keep it short.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $PSStyle.OutputRendering = 'PlainText'
    $script:StackName = New-OsoName 'oso-scale'
    $script:Template = Join-Path $PSScriptRoot 'Templates/autoscaling.yaml'

    # The module has no cmdlet that creates a Gnocchi resource (Ceilometer does that on a real cloud), so the resource
    # comes from the generic request cmdlet; its metric and measures from the metric cmdlets.
    function script:New-TestGnocchiResource([string] $Metric, [string] $ArchivePolicy = 'medium') {
        $resource = Invoke-OSApiRequest -Service metric -Path /v1/resource/generic -Method POST -ErrorAction Stop -Body @{
            id = [guid]::NewGuid().ToString()
        }
        $created = New-OSMetric -Name $Metric -ArchivePolicy $ArchivePolicy -Entity $resource.id -ErrorAction Stop
        [pscustomobject]@{ Id = $resource.id; MetricId = $created.Id }
    }
    function script:Add-TestMeasure([string] $MetricId, [double[]] $Value) {
        $now = [datetimeoffset]::UtcNow
        $times = [datetimeoffset[]]@(for ($i = 0; $i -lt $Value.Count; $i++) { $now.AddMilliseconds($i) })
        Add-OSMeasure -Metric $MetricId -Value $Value -Timestamp $times -ErrorAction Stop
    }
    function script:Get-TestMember {
        @(Get-OSStack $StackName -ErrorAction Stop | Get-OSStackResource -Nested -ErrorAction Stop | Where-Object Type -eq 'OS::Nova::Server')
    }
    # The group has $Count members and is done changing (Heat ignores a signal while a scaling is in progress).
    function script:Test-TestGroupSize([int] $Count) {
        $resources = @(Get-OSStack $StackName -ErrorAction Stop | Get-OSStackResource -Nested -ErrorAction Stop)
        $members = @($resources | Where-Object Type -eq 'OS::Nova::Server')
        $group = $resources | Where-Object Name -eq 'group'
        $members.Count -eq $Count -and @($members | Where-Object Status -NotLike '*_COMPLETE').Count -eq 0 -and
            (Get-OSStack -Id $group.PhysicalId -ErrorAction Stop).Status -like '*_COMPLETE'
    }
    function script:Get-TestSignal([string] $Policy) {
        @(Get-OSStack $StackName -ErrorAction Stop | Get-OSStackEvent -ErrorAction Stop | Where-Object { $_.ResourceName -eq $Policy -and $_.Status -eq 'SIGNAL_COMPLETE' })
    }

    if (-not (Get-OsoCloudSkipReason)) {
        $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
        $script:Clock = [System.Diagnostics.Stopwatch]::StartNew()
        $script:Resource = New-TestGnocchiResource -Metric load
    }
}

AfterAll {
    if (Get-OSCloud -ErrorAction SilentlyContinue) {
        Get-OSStack $StackName -ErrorAction SilentlyContinue | Remove-OSStack -Confirm:$false -ErrorAction SilentlyContinue
        if ($Resource) {
            # Gnocchi 4.4.2 answers 406 to a DELETE that accepts only JSON.
            $null = Invoke-OSApiRequest -Service metric -Path "/v1/resource/generic/$($Resource.Id)" -Method DELETE -Headers @{ Accept = '*/*' } -ErrorAction SilentlyContinue
        }
        if ($Clock) { Write-Host "Autoscaling end to end: $([int]$Clock.Elapsed.TotalSeconds) s" }
    }
}

Describe 'Autoscaling end to end' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'deploys the group with one member, its policies and two alarms watching the resource' {
        $stack = New-OSStack -Name $StackName -TemplateFile $Template -Parameter @{ resource_id = $Resource.Id; metric = 'load' } -ErrorAction Stop
        $stack.Status | Should -Be 'CREATE_COMPLETE'

        $resources = @(Get-OSStack $StackName | Get-OSStackResource -Nested -ErrorAction Stop)
        $byName = @{}
        $resources | ForEach-Object { $byName[$_.Name] = $_ }
        $byName['group'].Type | Should -Be 'OS::Heat::AutoScalingGroup'
        $byName['scale_out'].Type | Should -Be 'OS::Heat::ScalingPolicy'
        $byName['high_alarm'].Type | Should -Be 'OS::Aodh::GnocchiAggregationByResourcesAlarm'
        $members = @($resources | Where-Object Type -eq 'OS::Nova::Server')
        $members.Count | Should -Be 1
        $members[0].StackName | Should -BeLike "$StackName-group-*" -Because 'a member is a resource of the group''s nested stack'
        @(Get-OSStack $StackName | Get-OSStackResource).Type | Should -Not -Contain 'OS::Nova::Server' -Because 'without -Nested only the stack''s own resources come'

        $script:HighAlarm = Get-OSAlarm -Id $byName['high_alarm'].PhysicalId -ErrorAction Stop
        $script:LowAlarm = Get-OSAlarm -Id $byName['low_alarm'].PhysicalId -ErrorAction Stop
        $HighAlarm.Type | Should -Be 'gnocchi_aggregation_by_resources_threshold'
        $HighAlarm.Rule.Query | Should -Match ([regex]::Escape($Resource.Id))
        $HighAlarm.AlarmActions[0] | Should -Match '^http://[^/]+:8000/v1/signal/' -Because 'the action is the policy''s pre-signed alarm_url (heat-api-cfn)'
    }

    It 'measures above the high mark fire the alarm: Heat grows the group to 2' {
        Add-TestMeasure $Resource.MetricId 90
        $null = Wait-OsoCondition -TimeoutSec 90 -IntervalMs 2000 -Because 'the group to grow to 2 members' { Test-TestGroupSize 2 }
        (Get-OSAlarm -Id $HighAlarm.Id).State | Should -Be 'alarm'
        # Heat writes the policy's event once the group has changed.
        $signal = Wait-OsoCondition -TimeoutSec 30 -IntervalMs 1000 -Because 'the scale_out signal event' { Get-TestSignal scale_out }
        $signal[0].StatusReason | Should -Match 'alarm state changed .* to alarm'
        $server = Get-OSServer -Id (Get-TestMember)[0].PhysicalId -ErrorAction Stop
        $server | Should -Not -BeNullOrEmpty
    }

    It 'measures below the low mark fire the other alarm: the group shrinks back to 1' {
        # Enough low values that the current bucket's mean falls under the low mark even with the high one in it.
        Add-TestMeasure $Resource.MetricId (@(0) * 20)
        $null = Wait-OsoCondition -TimeoutSec 90 -IntervalMs 2000 -Because 'the group to shrink to 1 member' { Test-TestGroupSize 1 }
        (Get-OSAlarm -Id $LowAlarm.Id).State | Should -Be 'alarm'
        (Get-OSAlarm -Id $HighAlarm.Id).State | Should -Be 'ok'
        $history = @(Get-OSAlarm -Id $LowAlarm.Id | Get-OSAlarmHistory -Type 'state transition' -ErrorAction Stop)
        $history[0].State | Should -Be 'alarm'
        $null = Wait-OsoCondition -TimeoutSec 30 -IntervalMs 1000 -Because 'the scale_in signal event' { Get-TestSignal scale_in }
    }

    It 'Invoke-OSScalingPolicy signals a policy by hand (piped from Get-OSStackResource), -WhatIf signals nothing' {
        # Heat's alarms repeat their actions while in alarm: disabled, they leave the group to the hand-made signals.
        $disabled = @($HighAlarm, $LowAlarm | Set-OSAlarm -Enabled $false -Confirm:$false -ErrorAction Stop)
        $disabled.Enabled | Should -Be @($false, $false)
        Start-Sleep -Seconds 3
        Get-OSStack $StackName | Get-OSStackResource -Name scale_out | Invoke-OSScalingPolicy -WhatIf -ErrorAction Stop
        Start-Sleep -Seconds 2
        (Get-TestMember).Count | Should -Be 1
        $signalsBefore = (Get-TestSignal scale_out).Count
        $policy = Invoke-OSScalingPolicy $StackName scale_out -PassThru -Confirm:$false -ErrorAction Stop
        $policy.Name | Should -Be 'scale_out'
        $null = Wait-OsoCondition -TimeoutSec 60 -IntervalMs 2000 -Because 'the group to grow to 2 members on the signal' { Test-TestGroupSize 2 }
        # The nested stack completes before the group clears its scaling_in_progress mark, and Heat drops a signal that
        # comes in between without a trace; the policy's event is written only after the mark is cleared.
        $null = Wait-OsoCondition -TimeoutSec 30 -IntervalMs 1000 -Because 'the hand-made scale_out signal event' { (Get-TestSignal scale_out).Count -gt $signalsBefore }
        Get-OSStack $StackName | Get-OSStackResource -Name scale_in | Invoke-OSScalingPolicy -Confirm:$false -ErrorAction Stop
        $null = Wait-OsoCondition -TimeoutSec 60 -IntervalMs 2000 -Because 'the group to shrink to 1 member on the signal' { Test-TestGroupSize 1 }
    }

    It 'a resource that is not a scaling policy is NotAScalingPolicy, before any signal' {
        Get-OSStack $StackName | Get-OSStackResource -Name group | Invoke-OSScalingPolicy -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'NotAScalingPolicy,*'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        Invoke-OSScalingPolicy $StackName nosuch -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err2
        $err2[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}
