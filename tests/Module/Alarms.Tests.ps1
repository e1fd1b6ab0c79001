# Aodh alarms over Gnocchi measures on the local cloud (gnocchi + aodh evaluator and notifier): a threshold alarm on one
# resource's metric goes through create, firing on pushed measures, history showing the state change, -State alarm
# listing it, Set (PUT of the whole alarm, -State by hand), -WhatIf, Remove; an aggregation-by-resources alarm and a
# composite one; the errors (a parameter that does not fit the type, before any request), the view and name completion.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $PSStyle.OutputRendering = 'PlainText'
    $script:Prefix = New-OsoName 'oso-alarm'

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

    if (-not (Get-OsoCloudSkipReason)) {
        $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
        $script:Resource = New-TestGnocchiResource -Metric load
        $script:Action = 'http://127.0.0.1:9/oso-alarm-test'
    }
}

AfterAll {
    if (Get-OSCloud -ErrorAction SilentlyContinue) {
        Get-OSAlarm -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSAlarm -Confirm:$false -ErrorAction SilentlyContinue
        if ($Resource) {
            # Gnocchi 4.4.2 answers 406 to a DELETE that accepts only JSON.
            $null = Invoke-OSApiRequest -Service metric -Path "/v1/resource/generic/$($Resource.Id)" -Method DELETE -Headers @{ Accept = '*/*' } -ErrorAction SilentlyContinue
        }
    }
}

Describe 'Alarms' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'creates a threshold alarm on one resource, as Aodh stores it' {
        $script:Alarm = New-OSAlarm -Name "$Prefix-high" -ResourceId $Resource.Id -Metric load -Threshold 70 -ComparisonOperator gt `
            -Aggregation mean -Granularity 60 -EvaluationPeriods 1 -AlarmAction $Action -OkAction "$Action/ok" -Severity critical `
            -Description 'load above 70' -Confirm:$false -ErrorAction Stop
        $Alarm.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Alarm'
        $Alarm.Type | Should -Be 'gnocchi_resources_threshold'
        $Alarm.State | Should -Be 'insufficient data'
        $Alarm.Enabled | Should -BeTrue
        $Alarm.Severity | Should -Be 'critical'
        $Alarm.Threshold | Should -Be 70
        $Alarm.Rule.ResourceId | Should -Be $Resource.Id
        $Alarm.Rule.ResourceType | Should -Be 'generic'
        $Alarm.Rule.Granularity | Should -Be 60

        $raw = Invoke-OSApiRequest -Service alarming -Path "/v2/alarms/$($Alarm.Id)" -ErrorAction Stop
        $raw.name | Should -Be "$Prefix-high"
        $raw.alarm_actions | Should -Be @($Action)
        $raw.ok_actions | Should -Be @("$Action/ok")
        $raw.description | Should -Be 'load above 70'
        $rule = $raw.gnocchi_resources_threshold_rule
        $rule.metric | Should -Be 'load'
        $rule.comparison_operator | Should -Be 'gt'
        $rule.aggregation_method | Should -Be 'mean'
        $rule.evaluation_periods | Should -Be 1
    }

    It 'resolves names (exact and wildcards) and ids' {
        @(Get-OSAlarm "$Prefix-high" -ErrorAction Stop).Id | Should -Be @($Alarm.Id)
        @(Get-OSAlarm "$Prefix-h*" -ErrorAction Stop).Id | Should -Be @($Alarm.Id)
        (Get-OSAlarm -Id $Alarm.Id -ErrorAction Stop).Name | Should -Be "$Prefix-high"
        Get-OSAlarm "$Prefix-none" -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'NameNotFound*'
        Get-OSAlarm -Id ([guid]::NewGuid()) -ErrorAction SilentlyContinue -ErrorVariable err2 | Should -BeNullOrEmpty
        $err2[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'fires on measures above the threshold: -State alarm lists it' {
        Add-TestMeasure $Resource.MetricId 90
        $fired = Wait-OsoCondition -TimeoutSec 90 -IntervalMs 2000 -Because 'the evaluator to fire the alarm' {
            Get-OSAlarm -Id $Alarm.Id | Where-Object State -eq 'alarm'
        }
        $fired.StateReason | Should -Match 'outside threshold'
        @(Get-OSAlarm -State alarm -ErrorAction Stop).Id | Should -Contain $Alarm.Id
        @(Get-OSAlarm -State ok -ErrorAction Stop).Id | Should -Not -Contain $Alarm.Id
        @(Get-OSAlarm "$Prefix*" -State insufficient_data -ErrorAction Stop).Id | Should -Not -Contain $Alarm.Id
    }

    It 'history shows the creation and the state change, piped from Get-OSAlarm' {
        $history = @(Get-OSAlarm -Id $Alarm.Id | Get-OSAlarmHistory -ErrorAction Stop)
        $history[0].PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.AlarmHistoryEntry'
        $history.Type | Should -Contain 'creation'
        $transition = $history | Where-Object Type -eq 'state transition' | Select-Object -First 1
        $transition.State | Should -Be 'alarm'
        $transition.Reason | Should -Match 'most recent: 90'
        $transition.AlarmName | Should -Be "$Prefix-high"
        @(Get-OSAlarmHistory "$Prefix-high" -Type creation -ErrorAction Stop).Count | Should -Be 1
    }

    It 'Set changes the rule, actions and severity with a PUT of the whole alarm' {
        $set = Set-OSAlarm $Alarm -Threshold 95 -Severity low -AlarmAction "$Action/2", "$Action/3" -Description 'raised' -Confirm:$false -ErrorAction Stop
        $set.Threshold | Should -Be 95
        $set.Severity | Should -Be 'low'
        $raw = Invoke-OSApiRequest -Service alarming -Path "/v2/alarms/$($Alarm.Id)" -ErrorAction Stop
        $raw.gnocchi_resources_threshold_rule.threshold | Should -Be 95
        $raw.gnocchi_resources_threshold_rule.metric | Should -Be 'load' -Because 'the fields not changed are sent back as they were'
        $raw.alarm_actions | Should -Be @("$Action/2", "$Action/3")
        $raw.ok_actions | Should -Be @("$Action/ok")
        $raw.description | Should -Be 'raised'
    }

    It 'Set -State sets the state by hand, and -Enabled $false disables it' {
        $set = Get-OSAlarm -Id $Alarm.Id | Set-OSAlarm -State ok -Enabled $false -Confirm:$false -ErrorAction Stop
        $set.Enabled | Should -BeFalse
        $set.State | Should -Be 'ok'
        (Invoke-OSApiRequest -Service alarming -Path "/v2/alarms/$($Alarm.Id)/state" -ErrorAction Stop) | Should -Be 'ok'
        (Get-OSAlarm -Id $Alarm.Id).Enabled | Should -BeFalse
    }

    It '-WhatIf changes and deletes nothing, and reports a missing alarm as the real run would' {
        Set-OSAlarm $Alarm.Id -Threshold 1 -WhatIf -ErrorAction Stop
        Remove-OSAlarm $Alarm.Id -WhatIf -ErrorAction Stop
        New-OSAlarm -Name "$Prefix-whatif" -ResourceId $Resource.Id -Metric load -Threshold 1 -WhatIf -ErrorAction Stop
        (Get-OSAlarm -Id $Alarm.Id -ErrorAction Stop).Threshold | Should -Be 95
        Get-OSAlarm "$Prefix-whatif" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Remove-OSAlarm "$Prefix-missing" -WhatIf -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'NameNotFound*'
    }

    It 'creates an aggregation-by-resources alarm from a query, and a composite one' {
        $query = @{ '=' = @{ id = $Resource.Id } }
        $agg = New-OSAlarm -Name "$Prefix-agg" -Query $query -Metric load -Threshold 50 -ComparisonOperator lt -Granularity 60 -Confirm:$false -ErrorAction Stop
        $agg.Type | Should -Be 'gnocchi_aggregation_by_resources_threshold'
        # For a member, Aodh ANDs its own created_by_project_id filter into the query it stores.
        $agg.Rule.Query | Should -Match ([regex]::Escape('{"=": {"id": "' + $Resource.Id + '"}}'))
        $agg.Rule.ComparisonOperator | Should -Be 'lt'

        $rule = @{ or = @(
                @{ type = 'gnocchi_resources_threshold'; metric = 'load'; resource_id = $Resource.Id; resource_type = 'generic'; threshold = 80; comparison_operator = 'gt'; aggregation_method = 'mean'; granularity = 60 },
                @{ type = 'gnocchi_resources_threshold'; metric = 'load'; resource_id = $Resource.Id; resource_type = 'generic'; threshold = 5; comparison_operator = 'lt'; aggregation_method = 'mean'; granularity = 60 }) }
        $composite = New-OSAlarm -Name "$Prefix-comp" -CompositeRule $rule -Confirm:$false -ErrorAction Stop
        $composite.Type | Should -Be 'composite'
        $composite.Rule | Should -BeNullOrEmpty
        @($composite.CompositeRule.or).Count | Should -Be 2
        @(Get-OSAlarm "$Prefix*" -Type composite -ErrorAction Stop).Name | Should -Be @("$Prefix-comp")

        Set-OSAlarm $composite -Threshold 3 -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'AlarmRuleMismatch*'
        Set-OSAlarm $composite -Threshold 3 -WhatIf -ErrorAction SilentlyContinue -ErrorVariable err2
        $err2[0].FullyQualifiedErrorId | Should -BeLike 'AlarmRuleMismatch*' -Because '-WhatIf reports what the real run would'
    }

    It 'a parameter that does not fit the alarm type is AlarmRuleMismatch before any request' {
        Disconnect-OSCloud -Confirm:$false
        try {
            # No connection: a request would fail with NotConnected instead.
            New-OSAlarm -Name x -Query @{ '=' = @{ id = 'x' } } -ResourceId x -Metric load -Threshold 1 -ErrorAction SilentlyContinue -ErrorVariable err
            $err[0].FullyQualifiedErrorId | Should -BeLike 'AlarmRuleMismatch,*'
            $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $err[0].Exception.Message | Should -Match '-ResourceId'
            New-OSAlarm -Name x -CompositeRule @{ or = @() } -Threshold 1 -ErrorAction SilentlyContinue -ErrorVariable err2
            $err2[0].FullyQualifiedErrorId | Should -BeLike 'AlarmRuleMismatch,*'
            New-OSAlarm -Name x -Metric load -Threshold 1 -ErrorAction SilentlyContinue -ErrorVariable err3
            $err3[0].FullyQualifiedErrorId | Should -BeLike 'AlarmRuleIncomplete,*'
            $err3[0].Exception.Message | Should -Match '-ResourceId'
            New-OSAlarm -Name x -CompositeRule '{not json' -ErrorAction SilentlyContinue -ErrorVariable err4
            $err4[0].FullyQualifiedErrorId | Should -BeLike 'InvalidAlarmRule,*'
        }
        finally {
            $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
        }
    }

    It 'Aodh''s own refusal is a BadRequest error with its message' {
        New-OSAlarm -Name "$Prefix-bad" -ResourceId $Resource.Id -Metric load -Threshold 1 -Aggregation nosuch -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        $err.Count | Should -Be 1
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].Exception.Message | Should -Match 'aggregation_method should be in'
        $err[0].Exception.RequestId | Should -Match '^req-'
        Get-OSAlarm "$Prefix-bad" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'shows a table view with the state and threshold' {
        $text = Get-OSAlarm -Id $Alarm.Id | Out-String -Width 200
        $text | Should -Match 'Name\s+State\s+Severity\s+Type\s+Enabled\s+Threshold\s+Id'
        $text | Should -Match ([regex]::Escape("$Prefix-high"))
        (Get-OSAlarmHistory $Alarm.Id | Out-String -Width 200) | Should -Match 'Timestamp\s+AlarmName\s+Type\s+State\s+Reason'
    }

    It 'completes alarm names' {
        $line = "Remove-OSAlarm $Prefix-hi"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain "$Prefix-high"
    }

    It 'removes alarms from the pipeline (ConfirmImpact High)' {
        $attribute = (Get-Command Remove-OSAlarm).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.ConfirmImpact | Should -Be 'High'
        Get-OSAlarm "$Prefix*" -ErrorAction Stop | Remove-OSAlarm -Confirm:$false -ErrorAction Stop
        @(Get-OSAlarm "$Prefix*" -ErrorAction Stop) | Should -BeNullOrEmpty
        { Invoke-OSApiRequest -Service alarming -Path "/v2/alarms/$($Alarm.Id)" -ErrorAction Stop } | Should -Throw
    }
}
