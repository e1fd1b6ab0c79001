# Trove databases on the local cloud (LOS_EXTRA=trove): datastores and versions, configuration groups (no guest agent
# needed: tested fully), instances (the taskmanager really creates the Nova server and Cinder volume, but no guest
# agent ever runs, so an instance stays BUILD: the wait ends in the timeout error), deletion of a BUILD instance
# (-Force), the errors of guest-agent calls, -WhatIf and the table views.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
    if (-not $NoCloud -and -not (Test-OsoPort 8779)) { $NoCloud = 'Trove is not running (tests/cloud/up.sh with LOS_EXTRA=trove)' }
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $PSStyle.OutputRendering = 'PlainText'
    $script:Prefix = New-OsoName 'oso-trove'
    if (-not (Get-OsoCloudSkipReason) -and (Test-OsoPort 8779)) {
        $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
    }
}

AfterAll {
    if (Get-OSCloud -ErrorAction SilentlyContinue) {
        Get-OSDatabaseInstance -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSDatabaseInstance -Force -Confirm:$false -ErrorAction SilentlyContinue
        Get-OSDatabaseConfiguration -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSDatabaseConfiguration -Confirm:$false -ErrorAction SilentlyContinue
    }
}

Describe 'Trove datastores' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'lists the mysql datastore with its version 8.0, the default' {
        $ds = Get-OSDatabaseDatastore mysql -ErrorAction Stop
        $ds.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.DatabaseDatastore'
        $ds.Name | Should -Be 'mysql'
        $ds.Versions.Name | Should -Contain '8.0'
        $ds.DefaultVersionName | Should -Be '8.0'
        $raw = (Invoke-OSApiRequest -Service database -Path "/datastores/$($ds.Id)" -ErrorAction Stop).datastore
        $raw.default_version | Should -Be $ds.DefaultVersionId
        (Get-OSDatabaseDatastore -Id $ds.Id -ErrorAction Stop).Name | Should -Be 'mysql'
    }

    It 'a missing datastore is ObjectNotFound' {
        Get-OSDatabaseDatastore 'no-such-ds' -ErrorAction SilentlyContinue -ErrorVariable e | Should -BeNullOrEmpty
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Trove configuration groups' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'creates a configuration group with typed values' {
        $script:Config = New-OSDatabaseConfiguration "$Prefix-cfg" @{ max_connections = 50; autocommit = 1 } -Datastore mysql -DatastoreVersion '8.0' -Description 'oso test' -Confirm:$false -ErrorAction Stop
        $Config.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.DatabaseConfiguration'
        $Config.Name | Should -Be "$Prefix-cfg"
        $Config.Datastore | Should -Be 'mysql'
        $Config.DatastoreVersion | Should -Be '8.0'
        $Config.Values['max_connections'] | Should -Be 50
        $raw = (Invoke-OSApiRequest -Service database -Path "/configurations/$($Config.Id)" -ErrorAction Stop).configuration
        $raw.values.max_connections | Should -Be 50
        $raw.description | Should -Be 'oso test'
    }

    It 'gets it by name and by id' {
        (Get-OSDatabaseConfiguration "$Prefix-cfg" -ErrorAction Stop).Id | Should -Be $Config.Id
        (Get-OSDatabaseConfiguration -Id $Config.Id -ErrorAction Stop).Values['max_connections'] | Should -Be 50
        @(Get-OSDatabaseConfiguration "$Prefix*" -ErrorAction Stop).Count | Should -Be 1
    }

    It 'an invalid parameter is refused by Trove with its message' {
        New-OSDatabaseConfiguration "$Prefix-bad" @{ no_such_parameter = 1 } -Datastore mysql -DatastoreVersion '8.0' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e |
            Should -BeNullOrEmpty
        $e[0].FullyQualifiedErrorId | Should -Match '^BadRequest|^RequestRejected|^ResourceNotFound'
        $e[0].Exception.Message | Should -Match 'no_such_parameter'
    }

    It '-WhatIf deletes nothing; Remove deletes it (pipeline)' {
        Remove-OSDatabaseConfiguration "$Prefix-cfg" -WhatIf
        (Get-OSDatabaseConfiguration -Id $Config.Id -ErrorAction Stop).Id | Should -Be $Config.Id
        Get-OSDatabaseConfiguration "$Prefix-cfg" | Remove-OSDatabaseConfiguration -Confirm:$false -ErrorAction Stop
        Get-OSDatabaseConfiguration -Id $Config.Id -ErrorAction SilentlyContinue -ErrorVariable e | Should -BeNullOrEmpty
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Trove instances without a guest agent' -Tag Cloud -Skip:([bool]$NoCloud) {
    It '-RunAsync returns a task; Wait-OSTask ends in the clear timeout error naming the instance and BUILD' {
        $task = New-OSDatabaseInstance "$Prefix-async" -Flavor m1.tiny -SizeGB 1 -Datastore mysql -DatastoreVersion '8.0' -TimeoutSec 15 -RunAsync -Confirm:$false -ErrorAction Stop
        $task.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.Task'
        Wait-OSTask $task -ErrorAction SilentlyContinue -ErrorVariable e | Should -BeNullOrEmpty
        $e[0].FullyQualifiedErrorId | Should -Match '^DatabaseInstanceTimeout'
        $e[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $e[0].Exception.Message | Should -Match "$Prefix-async"
        $e[0].Exception.Message | Should -Match 'BUILD'
        $e[0].Exception.Status | Should -Be 'BUILD'
    }

    It 'the instance exists in BUILD, with its Nova server created by the taskmanager' {
        $script:Async = Get-OSDatabaseInstance "$Prefix-async" -ErrorAction Stop
        $Async.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.DatabaseInstance'
        $Async.Status | Should -Be 'BUILD'
        $Async.Datastore | Should -Be 'mysql'
        $Async.DatastoreVersion | Should -Be '8.0'
        $Async.SizeGB | Should -Be 1
        $Async.FlavorId | Should -Be (Get-OSFlavor m1.tiny).Id
        (Get-OSDatabaseInstance -Id $Async.Id -ErrorAction Stop).Name | Should -Be "$Prefix-async"
    }

    It 'a synchronous create with a short timeout writes the timeout error, not an object' {
        $flavor = Get-OSFlavor m1.tiny
        $out = New-OSDatabaseInstance "$Prefix-sync" -Flavor $flavor -SizeGB 1 -Datastore mysql -TimeoutSec 4 -Database app -User ([pscredential]::new('app', (ConvertTo-SecureString 'Secret-123' -AsPlainText -Force))) -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e
        $out | Should -BeNullOrEmpty
        $e[0].FullyQualifiedErrorId | Should -Match '^DatabaseInstanceTimeout'
        $e[0].TargetObject | Should -Be "$Prefix-sync"
        (Get-OSDatabaseInstance "$Prefix-sync" -ErrorAction Stop).Status | Should -Be 'BUILD'
    }

    It 'guest-agent calls fail with DatabaseInstanceNotReady and Trove''s message' {
        Get-OSDatabase $Async -ErrorAction SilentlyContinue -ErrorVariable e1 | Should -BeNullOrEmpty
        $e1[0].FullyQualifiedErrorId | Should -Match '^DatabaseInstanceNotReady'
        $e1[0].Exception.Message | Should -Match 'is not ready'
        $e1[0].Exception.StatusCode | Should -Be 422
        Get-OSDatabaseUser $Async -ErrorAction SilentlyContinue -ErrorVariable e2 | Should -BeNullOrEmpty
        $e2[0].FullyQualifiedErrorId | Should -Match '^DatabaseInstanceNotReady'
        New-OSDatabase $Async db1 -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e3
        $e3[0].FullyQualifiedErrorId | Should -Match '^DatabaseInstanceNotReady'
        New-OSDatabaseUser $Async ([pscredential]::new('u1', (ConvertTo-SecureString 'Secret-123' -AsPlainText -Force))) -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e4
        $e4[0].FullyQualifiedErrorId | Should -Match '^DatabaseInstanceNotReady'
        Remove-OSDatabaseUser $Async u1 -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e5
        $e5[0].FullyQualifiedErrorId | Should -Match '^DatabaseInstanceNotReady'
        Remove-OSDatabase $Async db1 -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e6
        $e6[0].FullyQualifiedErrorId | Should -Match '^DatabaseInstanceNotReady'
        Restart-OSDatabaseInstance $Async -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e7
        $e7[0].FullyQualifiedErrorId | Should -Match '^DatabaseInstanceNotReady'
        $e7[0].Exception.Message | Should -Match 'BUILDING'
        New-OSDatabaseBackup $Async "$Prefix-bk" -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e8 | Should -BeNullOrEmpty
        $e8[0].FullyQualifiedErrorId | Should -Match '^DatabaseInstanceNotReady'
        @(Get-OSDatabaseBackup "$Prefix*" -ErrorAction Stop).Count | Should -Be 0
        @($Async | Get-OSDatabaseBackup -ErrorAction Stop).Count | Should -Be 0
    }

    It '-WhatIf deletes nothing; without -Force Trove refuses a BUILD instance' {
        Remove-OSDatabaseInstance $Async -WhatIf
        Restart-OSDatabaseInstance $Async -WhatIf
        (Get-OSDatabaseInstance -Id $Async.Id -ErrorAction Stop).Status | Should -Be 'BUILD'
        Remove-OSDatabaseInstance $Async -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e
        $e[0].FullyQualifiedErrorId | Should -Match '^DatabaseInstanceNotReady'
        $e[0].Exception.Message | Should -Match 'Status is BUILD'
    }

    It '-Force deletes BUILD instances from the pipeline; they are gone' {
        Get-OSDatabaseInstance "$Prefix*" | Remove-OSDatabaseInstance -Force -Confirm:$false -ErrorAction Stop
        Wait-OsoCondition -TimeoutSec 60 -Because "the instances are deleted" { @(Get-OSDatabaseInstance "$Prefix*" -ErrorAction SilentlyContinue).Count -eq 0 }
        @(Get-OSDatabaseInstance "$Prefix*" -ErrorAction SilentlyContinue).Count | Should -Be 0
    }

    It 'a missing instance is ObjectNotFound' {
        Get-OSDatabase 'no-such-instance' -ErrorAction SilentlyContinue -ErrorVariable e
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Trove table views' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'shows datastores with their versions' {
        $text = Get-OSDatabaseDatastore mysql | Out-String
        $text | Should -Match 'DefaultVersionName'
        $text | Should -Match 'mysql\s+8\.0'
    }
}
