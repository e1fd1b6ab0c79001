# Remove-OSServer asks before it deletes, in a real pwsh: -WhatIf says what it would do, and "No" keeps the server.

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
    $script:project = New-OsoProject -AdminCloud $admin -Name (New-OsoName 'oso-ask') -ComputeQuota @{ instances = 30; cores = 30 } -Default
    $script:prefix = $project.Name
    $script:connect = "`$null = Connect-OSCloud -Cloud los-admin -ProjectName $prefix -ErrorAction Stop"

    function New-TestServer([string] $Name, [hashtable] $With = @{}) {
        New-OSServer -Name $Name -Image los-fake-image -Flavor m1.tiny -Network none -Confirm:$false -ErrorAction Stop @With
    }
}

AfterAll {
    Remove-OsoProject -AdminCloud $admin -Project $project
}

Describe 'Remove-OSServer asks first' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $script:kept = "$prefix-w"
        $null = New-TestServer $kept
    }

    It '-WhatIf says what it would do and leaves the server' {
        $run = Invoke-OsoPwsh -Script "$connect; Get-OSServer $kept | Remove-OSServer -WhatIf"
        $run.Output | Should -Contain "What if: Performing the operation `"Delete server`" on target `"$kept on los-admin`"."
        (Get-OSServer $kept).Status | Should -Be 'ACTIVE'
    }

    It 'answering No in an interactive pwsh leaves the server' {
        $run = Invoke-OsoPwsh -Interactive -InputLines 'N' -Script "$connect; Remove-OSServer $kept; 'answered'"
        $run.Text | Should -Match 'Are you sure you want to perform this action\?'
        $run.Text | Should -Match ([regex]::Escape("Delete server") + '.*' + [regex]::Escape($kept))
        $run.Output | Should -Contain 'answered'
        (Get-OSServer $kept).Status | Should -Be 'ACTIVE'
    }
}
