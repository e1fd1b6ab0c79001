# Usage (os-simple-tenant-usage): a server of the test's own, in a throwaway project, runs a little; the project's usage
# then counts it, as the admin sees it (every project, or -Project) and as the project's member sees its own.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $PSStyle.OutputRendering = 'PlainText'
    $script:Prefix = New-OsoName 'oso-use'
    if (-not (Get-OsoCloudSkipReason)) {
        $script:Admin = Connect-OSCloud -Cloud los-admin -NotDefault -ErrorAction Stop
        $script:Demo = Connect-OSCloud -Cloud los-demo -NotDefault -ErrorAction Stop
        $script:Target = New-OsoProject -AdminCloud $Admin -Name "$Prefix-proj"
        $script:Since = [datetime]::UtcNow.AddMinutes(-5)
        $script:Server = New-OSServer -Name "$Prefix-vm" -Image los-fake-image -Flavor m1.tiny -Network none -Cloud $Target.Cloud -Confirm:$false -ErrorAction Stop
        Start-Sleep -Seconds 2
    }
}

AfterAll {
    if ($Target) { Remove-OsoProject -AdminCloud $Admin -Project $Target }
}

Describe 'Get-OSUsage' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'an admin gets every project; the test project''s usage counts its server' {
        $all = @(Get-OSUsage -Start $Since -Cloud $Admin -ErrorAction Stop)
        $mine = @($all | Where-Object ProjectId -EQ $Target.Id)
        $mine | Should -HaveCount 1
        $mine[0].PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.ProjectUsage'
        $mine[0].Project | Should -Be "$Prefix-proj" -Because 'an admin may read the project names'
        $mine[0].ServerHours | Should -BeGreaterThan 0
        $mine[0].VcpuHours | Should -BeGreaterThan 0
        $mine[0].MemoryMBHours | Should -BeGreaterThan 0
        $mine[0].Servers.Id | Should -Be @($Server.Id)
        $mine[0].Servers[0].Name | Should -Be "$Prefix-vm"
        $mine[0].Servers[0].Flavor | Should -Be 'm1.tiny'
        $mine[0].Start | Should -Be $Since
        ($mine | Format-Table | Out-String) | Should -Match 'Project\s+ServerHours\s+VcpuHours\s+MemoryMBHours\s+GBHours\s+Servers'
    }

    It '-Project gets one project by name, as Nova''s own answer has it' {
        $usage = Get-OSUsage "$Prefix-proj" -Start $Since -Cloud $Admin -ErrorAction Stop
        $usage.ProjectId | Should -Be $Target.Id
        $raw = (Invoke-OSApiRequest -Cloud $Admin -Service compute -Path "/os-simple-tenant-usage/$($Target.Id)" -Query @{ start = $usage.Start.ToString('s'); end = $usage.Finish.ToString('s') } -ErrorAction Stop).tenant_usage
        $raw.server_usages.instance_id | Should -Be @($Server.Id)
        $usage.VcpuHours | Should -BeGreaterThan 0
    }

    It 'a member gets its own project''s usage by default' {
        $usage = @(Get-OSUsage -Start $Since -Cloud $Target.Cloud -ErrorAction Stop)
        $usage | Should -HaveCount 1
        $usage[0].ProjectId | Should -Be $Target.Id
        $usage[0].Project | Should -Be "$Prefix-proj"
        $usage[0].Servers.Id | Should -Contain $Server.Id
    }

    It 'a period before the server existed has no usage (a zero record for -Project)' {
        $usage = Get-OSUsage $Target.Id -Start $Since.AddDays(-2) -Finish $Since.AddDays(-1) -Cloud $Admin -ErrorAction Stop
        $usage.ServerHours | Should -Be 0
        $usage.Servers | Should -BeNullOrEmpty
    }

    It 'a member asking for another project is refused, and told the call needs the admin role' {
        Get-OSUsage $Target.Id -Cloud $Demo -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failed[0].Exception.Message | Should -Match "needs the 'admin' role"
    }

    It '-Start after -Finish is an argument error' {
        Get-OSUsage -Start ([datetime]::UtcNow) -Finish ([datetime]::UtcNow.AddDays(-1)) -Cloud $Admin -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Match '^StartNotBeforeFinish'
    }
}
