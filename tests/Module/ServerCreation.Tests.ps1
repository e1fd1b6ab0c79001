# New-OSServer: many at once with -RunAsync and Wait-OSTask, sizing from -NumCpu/-MemoryGB, and references that do
# not resolve (no server is made, and -WhatIf says the same as the real run).

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
    $script:project = New-OsoProject -AdminCloud $admin -Name (New-OsoName 'oso-new') -ComputeQuota @{ instances = 30; cores = 30 } -Default
    $script:prefix = $project.Name
    $script:connect = "`$null = Connect-OSCloud -Cloud los-admin -ProjectName $prefix -ErrorAction Stop"
}

AfterAll {
    Remove-OsoProject -AdminCloud $admin -Project $project
}

Describe 'New-OSServer -RunAsync' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'returns tasks, and Wait-OSTask batches the polling' {
        $before = (Get-OsoInternal $DefaultOSCloud Compute).WaitPollRequests
        $tasks = New-OSServer -Name "$prefix-b" -Count 5 -Image los-fake-image -Flavor m1.tiny -Network none -RunAsync -Confirm:$false -ErrorAction Stop
        $tasks | Should -HaveCount 5
        $tasks | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Task' }
        $servers = @($tasks | Wait-OSTask -ErrorAction Stop)
        $requests = (Get-OsoInternal $DefaultOSCloud Compute).WaitPollRequests - $before

        $servers | Should -HaveCount 5
        $servers.Status | Sort-Object -Unique | Should -Be 'ACTIVE'
        $servers.Name | Sort-Object | Should -Be @(1..5 | ForEach-Object { "$prefix-b-$_" })
        $tasks.State | ForEach-Object { "$_" } | Sort-Object -Unique | Should -Be 'Success'
        $ids = $tasks.Id
        @(Get-OSTask | Where-Object Id -in $ids) | Should -HaveCount 5
        # Watching five servers costs about one list request per round, not one GET per server per round.
        $requests | Should -BeGreaterOrEqual 1
        $requests | Should -BeLessOrEqual 12
    }
}

Describe 'Sizing by -NumCpu and -MemoryGB' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'a PowerCLI VM object on the pipeline gets the smallest public flavor that fits' {
        $flavor = [pscustomobject]@{ Name = "$prefix-vm"; NumCpu = 1; MemoryGB = 1.5 } |
            New-OSServer -Image los-fake-image -Network none -Confirm:$false -ErrorAction Stop | ForEach-Object Flavor
        $flavor | Should -Be 'm1.small'
    }

    It 'a size no public flavor has says what was asked and the largest flavors there are' {
        $largest = Get-OSFlavor -ErrorAction Stop | Where-Object IsPublic | Sort-Object VCpus, MemoryMB -Descending | Select-Object -First 1
        $cpu = $largest.VCpus + 1
        New-OSServer -Name "$prefix-big" -Image los-fake-image -NumCpu $cpu -MemoryGB 4 -Network none -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be 'NoFittingFlavor,OpenStackOrchestrator.Cmdlets.Compute.NewOSServerCommand'
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $message = $e[0].ToString()
        $message | Should -BeLike "No public flavor has at least $cpu vCPU and 4 GB of memory; the largest are: *"
        $message | Should -Match ([regex]::Escape("$($largest.Name) ($($largest.VCpus) vCPU, $($largest.MemoryGB) GB)"))
        $message | Should -Not -Match 'named'
        Get-OSServer -Name "$prefix-big*" -ErrorAction Stop | Should -BeNullOrEmpty
    }
}

Describe 'References that do not resolve' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'an unknown flavor or network is a clear error and creates nothing' {
        New-OSServer -Name "$prefix-x" -Image los-fake-image -Flavor no-such-flavor -Network none -Confirm:$false -ErrorVariable unknown -ErrorAction SilentlyContinue
        $unknown | Should -HaveCount 1
        $unknown[0].FullyQualifiedErrorId | Should -Be 'NameNotFound,OpenStackOrchestrator.Cmdlets.Compute.NewOSServerCommand'
        $unknown[0].ToString() | Should -Match 'no-such-flavor'

        New-OSServer -Name "$prefix-x" -Image los-fake-image -Flavor m1.tiny -Network no-such-net -Confirm:$false -ErrorVariable noNetwork -ErrorAction SilentlyContinue
        $noNetwork | Should -HaveCount 1
        $noNetwork[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-OSServer -Name "$prefix-x*" -ErrorAction Stop | Should -BeNullOrEmpty
    }

    Context 'two servers with the same name' {
        BeforeAll {
            $null = New-OSServer -Name "$prefix-dup" -Count 2 -Image los-fake-image -Flavor m1.tiny -Network none -Confirm:$false -ErrorAction Stop
            $null = Get-OSServer -Name "$prefix-dup-*" | Set-OSServer -Name "$prefix-same" -ErrorAction Stop
            $script:ids = @((Get-OSServer "$prefix-same").Id)
            # One interactive pwsh for the -WhatIf/-Confirm cases, with a "Y" ready for a prompt that must not come.
            $script = "$connect`n" +
                "Stop-OSServer $prefix-same -WhatIf -ErrorVariable e -ErrorAction SilentlyContinue; 'WHATIF ' + `$e[0].FullyQualifiedErrorId`n" +
                "Stop-OSServer $prefix-same -Confirm -ErrorVariable c -ErrorAction SilentlyContinue; 'CONFIRM ' + `$c[0].FullyQualifiedErrorId`n" +
                "New-OSServer $prefix-typo -Image los-fake-imag -Flavor m1.tiny -Network none -WhatIf -ErrorVariable t -ErrorAction SilentlyContinue; 'TYPO ' + `$t[0].FullyQualifiedErrorId`n" +
                "New-OSServer $prefix-typo -Image los-fake-imag -Flavor m1.tiny -Network none -Confirm:`$false -ErrorVariable r -ErrorAction SilentlyContinue; 'REAL ' + `$r[0].FullyQualifiedErrorId"
            $script:WhatIfRun = Invoke-OsoPwsh -Interactive -InputLines 'Y' -Script $script
        }

        It 'an ambiguous name is an AmbiguousName error that lists the candidates' {
            $ids | Should -HaveCount 2
            Stop-OSServer "$prefix-same" -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
            $e | Should -HaveCount 1
            $e[0].FullyQualifiedErrorId | Should -Be 'AmbiguousName,OpenStackOrchestrator.Cmdlets.Compute.StopOSServerCommand'
            foreach ($id in $ids) { $e[0].ToString() | Should -Match $id }
            (Get-OSServer "$prefix-same").Status | Sort-Object -Unique | Should -Be 'ACTIVE'
        }

        It '-WhatIf and -Confirm report the ambiguity the real run would, before any "What if:" or prompt' {
            $run = $script:WhatIfRun
            $run.Output | Should -Contain 'WHATIF AmbiguousName,OpenStackOrchestrator.Cmdlets.Compute.StopOSServerCommand'
            $run.Output | Should -Contain 'CONFIRM AmbiguousName,OpenStackOrchestrator.Cmdlets.Compute.StopOSServerCommand'
            $run.Text | Should -Not -Match 'What if:'
            $run.Text | Should -Not -Match 'Are you sure'
            (Get-OSServer "$prefix-same").Status | Sort-Object -Unique | Should -Be 'ACTIVE'
        }

        It 'a mistyped -Image with -WhatIf is the error the real run gives' {
            $run = $script:WhatIfRun
            $real = ($run.Output | Where-Object { $_ -like 'REAL *' }).Substring(5)
            $real | Should -BeLike '*NotFound,OpenStackOrchestrator.Cmdlets.Compute.NewOSServerCommand'
            $run.Output | Should -Contain "TYPO $real"
        }
    }
}
