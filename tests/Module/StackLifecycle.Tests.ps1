# One Heat stack through its whole life against the local cloud: a server on a network the stack creates, a volume,
# a random string, a resource group of nested templates and a nested template mapped by an environment.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $script:Templates = Join-Path $PSScriptRoot 'Templates'
    $script:Prefix = New-OsoName 'oso-stk'

    function Get-Output([string] $Stack, [string] $Name) { Get-OSStackOutput $Stack -Name $Name -ErrorAction Stop }
}

AfterAll {
    if ($DefaultOSCloud) {
        Get-OSStack -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSStack -Confirm:$false -ErrorAction SilentlyContinue
    }
}

Describe 'A stack through its life' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        Connect-OSCloud -Cloud los-demo -ErrorAction Stop | Out-Null
    }

    It 'a stack is created, read, updated, previewed, suspended, resumed and removed' {
        $name = "$Prefix-app"
        $app = Join-Path $Templates 'app.yaml'
        $environment = Join-Path $Templates 'env/app-env.yaml'

        # In a runspace of its own, to see the progress records New-OSStack writes.
        $run = Invoke-OsoRunspace -Variables @{ Name = $name; App = $app; Environment = $environment } -Script {
            New-OSStack $Name -TemplateFile $App -EnvironmentFile $Environment -Parameter @{ length = 6 } -Tag oso, test
        }
        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Should -HaveCount 1
        $created = $run.Output[0]
        $created.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Stack'
        $created.Status | Should -Be 'CREATE_COMPLETE'
        $created.Tags | Should -Be @('oso', 'test')
        # The progress bar showed the resources' events as they came.
        $run.Progress.Where({ $_.StatusDescription -like "${name}: *" -and $_.StatusDescription -like '* CREATE_*' -and $_.StatusDescription -like '*resources)*' }) |
            Should -Not -BeNullOrEmpty

        # Outputs as objects, and one value with -Name.
        $outputs = @(Get-OSStackOutput $name -ErrorAction Stop)
        $outputs.ForEach({ $_.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.StackOutput' })
        $outputs.Name | Sort-Object | Should -Be @('extra_greeting', 'member_greetings', 'random_value', 'server_id', 'volume_id')
        (Get-Output $name random_value).Length | Should -Be 6
        # A nested template mapped by the environment's registry, reading a file with get_file, with a parameter from the environment.
        Get-Output $name extra_greeting | Should -Be 'member 99 says hi: stacks all the way down'
        # A list output is written item by item: one per member of the resource group (type: lib/member.yaml).
        Get-OSStackOutput $name member_greetings -ErrorAction Stop |
            Should -Be @('member 0 says hi: stacks all the way down', 'member 1 says hi: stacks all the way down')
        $serverId = Get-Output $name server_id
        (Get-OSServer -Id $serverId -ErrorAction Stop).Status | Should -Be 'ACTIVE'

        # Resources, with what they created, and those of the nested stacks.
        $resources = @(Get-OSStackResource $name -ErrorAction Stop)
        $resources.Name | Sort-Object | Should -Be @('extra', 'members', 'net', 'port', 'random', 'server', 'subnet', 'volume')
        $resources.ForEach({ $_.Status | Should -Be 'CREATE_COMPLETE' })
        $resources.Where({ $_.Name -eq 'server' }).PhysicalId | Should -Be $serverId
        (Get-OSStackResource $name volume -ErrorAction Stop).PhysicalId | Should -Be (Get-Output $name volume_id)
        $nested = @(Get-OSStack $name | Get-OSStackResource -Name motto -NestedDepth 2 -ErrorAction Stop)
        $nested | Should -HaveCount 3
        $nested.ForEach({ $_.StackName | Should -Not -Be $name })

        # Get-OSStack: a name reads it in full; wildcards and statuses list; -Nested adds the nested stacks.
        $read = Get-OSStack $name -ErrorAction Stop
        $read.Parameters['length'] | Should -Be '6'
        $read.Parameters['greeting'] | Should -Be 'hi'
        @($read.Outputs) | Should -HaveCount 5
        @(Get-OSStack -Name "$Prefix-app*" -Status CREATE_* -ErrorAction Stop) | Should -HaveCount 1
        Get-OSStack -Name "$Prefix-app*" -Status *_FAILED -ErrorAction Stop | Should -BeNullOrEmpty
        @(Get-OSStack -Name "$Prefix-app*" -Nested -ErrorAction Stop) | Should -HaveCount 5

        # The preview shows the changes and makes none.
        $random = Get-Output $name random_value
        $changes = @(Update-OSStack $name -ExistingParameters -Parameter @{ length = 12 } -PreviewOnly -ErrorAction Stop)
        $changes.ForEach({ $_.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.StackChange' })
        $changes.Where({ $_.Change -eq 'Replaced' -and $_.ResourceName -eq 'random' }) | Should -HaveCount 1
        Get-Output $name random_value | Should -Be $random

        # -ExistingParameters keeps what is not given; a new template without it takes the defaults again.
        (Update-OSStack $name -ExistingParameters -Parameter @{ length = 12 } -ErrorAction Stop).Status | Should -Be 'UPDATE_COMPLETE'
        (Get-Output $name random_value).Length | Should -Be 12
        Get-Output $name extra_greeting | Should -Be 'member 99 says hi: stacks all the way down'
        (Get-OSStack $name | Update-OSStack -TemplateFile $app -EnvironmentFile $environment -ErrorAction Stop).Status | Should -Be 'UPDATE_COMPLETE'
        (Get-Output $name random_value).Length | Should -Be 8

        (Suspend-OSStack $name -ErrorAction Stop).Status | Should -Be 'SUSPEND_COMPLETE'
        (Get-OSServer -Id $serverId -ErrorAction Stop).Status | Should -Be 'SUSPENDED'
        (Resume-OSStack $name -ErrorAction Stop).Status | Should -Be 'RESUME_COMPLETE'
        (Get-OSServer -Id $serverId -ErrorAction Stop).Status | Should -Be 'ACTIVE'

        # Events, oldest first, of the resources and of the stack itself.
        $events = @(Get-OSStackEvent $name -ErrorAction Stop)
        $events.ForEach({ $_.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.StackEvent' })
        $events.Where({ $_.ResourceName -eq 'server' -and $_.Status -eq 'CREATE_COMPLETE' }) | Should -Not -BeNullOrEmpty
        $events.Where({ $_.IsStackEvent -and $_.Status -like '*_COMPLETE' }).Status |
            Should -Be @('CREATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_COMPLETE', 'SUSPEND_COMPLETE', 'RESUME_COMPLETE')
        $times = $events.Time
        $times | Should -Be ($times | Sort-Object)

        (Get-OSStackTemplate $name -ErrorAction Stop).resources.Keys | Should -Contain 'server'
        $json = Get-OSStackTemplate $name -AsJson -ErrorAction Stop
        [System.Text.Json.JsonDocument]::Parse($json).RootElement.GetProperty('heat_template_version').GetString() | Should -Be '2018-08-31'

        Get-OSStack $name | Remove-OSStack -Confirm:$false -ErrorAction Stop
        Get-OSStack $name -ErrorVariable gone -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $gone[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-OSServer -Id $serverId -ErrorVariable server -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $server[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}
