# Metrics (Gnocchi 4.4.2 on the local cloud; nothing feeds it, so the tests create their own resources and push their
# own measures): New-OSMetric on a resource, Add-OSMeasure in one batch, Get-OSStat -Realtime checked against
# `openstack metric measures show`, -Aggregate across two resources checked against `openstack metric aggregates`,
# -Stat completion, the table view, -WhatIf, not-found errors, and Remove-OSMetric.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $PSStyle.OutputRendering = 'PlainText'
    $script:Prefix = New-OsoName 'oso-met'
    $script:Yaml = Get-OsoCloudsYaml

    # The gnocchiclient CLI, as the reference for what Gnocchi holds.
    function script:Invoke-Gnocchi {
        $env:OS_CLIENT_CONFIG_FILE = $script:Yaml
        $out = & openstack --os-cloud los-admin @args -f json 2>&1
        if ($LASTEXITCODE -ne 0) { throw "openstack $args failed: $out" }
        ($out -join "`n") | ConvertFrom-Json
    }

    function script:New-GnocchiResource([string] $Name) {
        # A non-UUID id: Gnocchi makes the id a UUID and keeps the text as original_resource_id (the resource's name here).
        Invoke-OSApiRequest -Service metric -Method POST -Path /v1/resource/generic -Body @{ id = $Name } -Confirm:$false -ErrorAction Stop
    }

    if (-not (Get-OsoCloudSkipReason)) {
        $null = Connect-OSCloud -Cloud los-admin -ErrorAction Stop
        $script:ResA = New-GnocchiResource "$Prefix-a"
        $script:ResB = New-GnocchiResource "$Prefix-b"
        # Whole seconds in the last half hour (kept by the 'high' policy's 1 s level for an hour).
        $t = [DateTimeOffset]::UtcNow.AddMinutes(-30)
        $script:Base = [DateTimeOffset]::new($t.Year, $t.Month, $t.Day, $t.Hour, $t.Minute, 0, [TimeSpan]::Zero)
    }
}

AfterAll {
    if (Get-OSCloud -ErrorAction SilentlyContinue) {
        Get-OSMetric -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSMetric -Confirm:$false -ErrorAction SilentlyContinue
        foreach ($r in @($ResA, $ResB, $ResVol)) {
            if ($r) { $null = Invoke-OSApiRequest -Service metric -Method DELETE -Path "/v1/resource/generic/$($r.id)" -Headers @{ Accept = '*/*' } -Confirm:$false -ErrorAction SilentlyContinue }
        }
        Get-OSVolume -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSVolume -Force -Confirm:$false -ErrorAction SilentlyContinue
    }
}

Describe 'Metrics (Gnocchi)' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'the archive policies are read, with the aggregation methods Gnocchi computes' {
        $high = Get-OSArchivePolicy high -ErrorAction Stop
        $high.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.ArchivePolicy'
        $high.AggregationMethods | Should -Contain 'max'
        $high.Definitions[0].Granularity | Should -Be ([TimeSpan]::FromSeconds(1))
        $cli = Invoke-Gnocchi metric archive-policy show high
        $high.Definitions.Count | Should -Be @($cli.definition).Count
    }

    It 'a Gnocchi resource is found by its name (original resource id) and by id' {
        $byName = Get-OSMetricResource "$Prefix-a" -ErrorAction Stop
        $byName.Id | Should -Be $ResA.id
        $byName.OriginalResourceId | Should -Be "$Prefix-a"
        (Get-OSMetricResource -Id "$Prefix-a" -ErrorAction Stop).Id | Should -Be $ResA.id
        (Get-OSMetricResource -Id $ResA.id -Type generic -ErrorAction Stop).Name | Should -Be "$Prefix-a"
    }

    It 'New-OSMetric attaches metrics to resources, and Gnocchi agrees' {
        $script:CpuA = New-OSMetric -Name cpu -ArchivePolicy high -Unit '%' -Entity "$Prefix-a" -Confirm:$false -ErrorAction Stop
        $script:MemA = Get-OSMetricResource "$Prefix-a" | New-OSMetric -Name mem -ArchivePolicy low -Unit MB -Confirm:$false -ErrorAction Stop
        $script:CpuB = New-OSMetric cpu -ArchivePolicy high -Unit '%' -Entity $ResB.id -Confirm:$false -ErrorAction Stop
        $script:Loose = New-OSMetric "$Prefix-loose" -ArchivePolicy high -Confirm:$false -ErrorAction Stop
        $CpuA.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Metric'
        $CpuA.ResourceId | Should -Be $ResA.id
        $CpuA.ArchivePolicyName | Should -Be 'high'
        $cli = Invoke-Gnocchi metric show $CpuA.Id
        $cli.name | Should -Be 'cpu'
        $cli.unit | Should -Be '%'
        $cli.'resource/id' | Should -Be $ResA.id
        (Get-OSMetric -Entity "$Prefix-a" -ErrorAction Stop).Name | Sort-Object | Should -Be @('cpu', 'mem')
        (Get-OSMetricResource "$Prefix-a" | Get-OSMetric cpu).Id | Should -Be $CpuA.Id
        (Get-OSMetric "$Prefix-loose" -ErrorAction Stop).Id | Should -Be $Loose.Id
    }

    It 'Add-OSMeasure pushes piped measures in one POST, and Get-OSStat -Realtime reads what Gnocchi has' {
        $values = 3, 5.5, 7, 1.25
        $measures = for ($i = 0; $i -lt $values.Count; $i++) { [pscustomobject]@{ Timestamp = $Base.AddSeconds(10 * $i); Value = $values[$i] } }
        $debug = $measures | Add-OSMeasure -Metric $CpuA -Confirm:$false -Debug -ErrorAction Stop 5>&1 4>&1
        @($debug | Where-Object { "$_" -match 'POST .*/v1/metric/.*/measures' }).Count | Should -Be 1

        $samples = Get-OSStat -Entity $ResA.id -Stat cpu -Realtime -Granularity 1 -Start $Base.UtcDateTime.AddMinutes(-1) -ErrorAction Stop
        $samples[0].PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.MetricSample'
        $cli = @(Invoke-Gnocchi metric measures show $CpuA.Id --refresh --granularity 1 --start $Base.UtcDateTime.AddMinutes(-1).ToString('o'))
        $samples.Count | Should -Be $cli.Count
        $samples.Count | Should -Be 4
        for ($i = 0; $i -lt $cli.Count; $i++) {
            $samples[$i].Timestamp | Should -Be ([DateTimeOffset]::Parse($cli[$i].timestamp))
            $samples[$i].Value | Should -Be $cli[$i].value
            $samples[$i].IntervalSecs | Should -Be $cli[$i].granularity
        }
        $samples.Value | Should -Be $values
        $samples[0].Entity | Should -Be "$Prefix-a"
        $samples[0].Stat | Should -Be 'cpu'
        $samples[0].MetricId | Should -Be $CpuA.Id
        $samples[0].Unit | Should -Be '%'
    }

    It 'Get-OSStat reads other aggregation methods and granularities as Gnocchi computes them' {
        $max = Get-OSStat (Get-OSMetricResource "$Prefix-a") -Stat c* -Aggregation max -IntervalMins 1 -Start $Base.UtcDateTime.AddMinutes(-1) -ErrorAction Stop
        $cli = @(Invoke-Gnocchi metric measures show $CpuA.Id --aggregation max --granularity 60 --start $Base.UtcDateTime.AddMinutes(-1).ToString('o'))
        $max.Count | Should -Be $cli.Count
        $max[0].Value | Should -Be $cli[0].value
        $max[0].IntervalSecs | Should -Be 60
        $max[0].Aggregation | Should -Be 'max'

        $byMetric = Get-OSStat -Metric $CpuA.Id -Granularity 1 -Start $Base.UtcDateTime.AddMinutes(-1) -ErrorAction Stop
        $byMetric.Value | Should -Be @(3, 5.5, 7, 1.25)
        $byMetric[0].Entity | Should -Be "$Prefix-a"
    }

    It 'Add-OSMeasure -Value -Timestamp, and -Aggregate max across two piped resources is Gnocchi''s one series' {
        Add-OSMeasure $CpuB -Value 4, 2, 9, 0.5 -Timestamp $Base, $Base.AddSeconds(10), $Base.AddSeconds(20), $Base.AddSeconds(30) -Confirm:$false -ErrorAction Stop
        $series = Get-OSMetricResource "$Prefix-*" | Get-OSStat -Stat cpu -Aggregate max -Realtime -Granularity 1 -Start $Base.UtcDateTime.AddMinutes(-1) -ErrorAction Stop
        $series.Value | Should -Be @(4, 5.5, 9, 1.25) -Because 'the larger of each pair of points'
        $series[0].Entity | Should -Match ([regex]::Escape("$Prefix-a"))
        $series[0].Entity | Should -Match ([regex]::Escape("$Prefix-b"))
        $series[0].Aggregation | Should -Be 'max of mean'
        $cli = @(Invoke-Gnocchi metric aggregates --resource-type generic --granularity 1 --start $Base.UtcDateTime.AddMinutes(-1).ToString('o') `
                '(aggregate max (metric cpu mean))' "id=$($ResA.id) or id=$($ResB.id)")
        $series.Count | Should -Be $cli.Count
        for ($i = 0; $i -lt $cli.Count; $i++) {
            $series[$i].Timestamp | Should -Be ([DateTimeOffset]::Parse($cli[$i].timestamp))
            $series[$i].Value | Should -Be $cli[$i].value
        }
    }

    It 'any object with an Id is an entity: a volume piped from Get-OSVolume reads the Gnocchi resource of its id' {
        $script:Vol = New-OSVolume -Name "$Prefix-vol" -SizeGB 1 -Confirm:$false -ErrorAction Stop
        $script:ResVol = Invoke-OSApiRequest -Service metric -Method POST -Path /v1/resource/generic -Body @{ id = $Vol.Id } -Confirm:$false -ErrorAction Stop
        $ResVol.id | Should -Be $Vol.Id
        $usage = New-OSMetric usage -ArchivePolicy high -Unit B -Entity $Vol -Confirm:$false -ErrorAction Stop
        $usage.ResourceId | Should -Be $Vol.Id
        Add-OSMeasure $usage -Value 100, 250 -Timestamp $Base, $Base.AddSeconds(1) -Confirm:$false -ErrorAction Stop
        $samples = Get-OSVolume "$Prefix-vol" | Get-OSStat -Stat usage -Realtime -Granularity 1 -Start $Base.UtcDateTime.AddMinutes(-1) -ErrorAction Stop
        $samples.Value | Should -Be @(100, 250)
        $samples[0].Entity | Should -Be "$Prefix-vol" -Because 'the piped object names the entity'
        $samples[0].EntityId | Should -Be $Vol.Id
        $samples[0].Unit | Should -Be 'B'
        $cli = @(Invoke-Gnocchi metric measures show $usage.Id --granularity 1 --start $Base.UtcDateTime.AddMinutes(-1).ToString('o'))
        $cli.value | Should -Be @(100, 250)
    }

    It '-Stat completes the metric names of the entity given by name' {
        $line = "Get-OSStat -Entity $Prefix-a -Stat "
        $found = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $found | Should -Be @('cpu', 'mem')
        $line = "Get-OSStat -Entity $($ResA.id) -Stat m"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('mem')
    }

    It 'samples show in a table: entity, stat, time, value, unit, interval' {
        $text = Get-OSStat -Metric $CpuA -Granularity 1 -Start $Base.UtcDateTime.AddMinutes(-1) | Format-Table | Out-String -Width 200
        $header = ($text -split "`n" | Where-Object { $_.Trim() })[0]
        $header | Should -Match '^Entity\s+Stat\s+Timestamp\s+Value\s+Unit\s+IntervalSecs'
        $text | Should -Match ([regex]::Escape("$Prefix-a") + '\s+cpu\s+')
    }

    It '-WhatIf creates, pushes and removes nothing' {
        New-OSMetric "$Prefix-whatif" -ArchivePolicy low -WhatIf
        @(Get-OSMetric "$Prefix-whatif" -ErrorAction SilentlyContinue).Count | Should -Be 0
        Add-OSMeasure $MemA -Value 42 -Timestamp $Base -WhatIf
        @(Get-OSStat -Metric $MemA -Realtime -Start $Base.UtcDateTime.AddMinutes(-10)).Count | Should -Be 0
        Remove-OSMetric $Loose -WhatIf
        (Get-OSMetric -Id $Loose.Id -ErrorAction Stop).Id | Should -Be $Loose.Id
    }

    It 'an unknown metric or resource is an ObjectNotFound error with a stable id, the target and Gnocchi''s message' {
        Get-OSStat -Entity "$Prefix-nosuch" -Stat cpu -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MetricResourceNotFound,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be "$Prefix-nosuch"
        $err[0].Exception.ServiceMessage | Should -Match 'does not exist'

        Get-OSStat -Entity $ResA.id -Stat nosuch -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MetricNotFound,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be 'nosuch'
        $err[0].Exception.Message | Should -Match 'cpu, mem'

        $missing = [guid]::NewGuid().ToString()
        Remove-OSMetric $missing -WhatIf -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MetricNotFound,*'
        $err[0].TargetObject | Should -Be $missing

        Add-OSMeasure -Metric $missing -Value 1 -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MetricNotFound,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'

        Get-OSMetric -Id $missing -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MetricNotFound,*'
        $err[0].Exception.ServiceMessage | Should -Be "Metric $missing does not exist"

        New-OSMetric "$Prefix-badpolicy" -ArchivePolicy "$Prefix-nopolicy" -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ArchivePolicyNotFound,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'Remove-OSMetric deletes piped metrics, and Gnocchi no longer has them' {
        Get-OSMetric "$Prefix-loose" | Remove-OSMetric -Confirm:$false -ErrorAction Stop
        $env:OS_CLIENT_CONFIG_FILE = $Yaml
        $null = & openstack --os-cloud los-admin metric show $Loose.Id 2>&1
        $LASTEXITCODE | Should -Not -Be 0
        $MemA | Remove-OSMetric -Confirm:$false -ErrorAction Stop
        (Get-OSMetric -Entity "$Prefix-a").Name | Should -Be @('cpu')
    }
}
