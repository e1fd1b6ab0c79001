# -WhatIf resolves what a changing cmdlet is given (read-only GET calls) before it says "What if:": a reference the
# real run would reject is the same ObjectNotFound error, and no "What if:" line is printed. "What if:" goes to the
# host, so every case runs in one fresh pwsh whose output is read back.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
    $missing = 'oso-no-such-x'
    # The reference parameter of a representative set of changing cmdlets, given a name nothing has.
    $Cases = @(
        @{ Command = "Stop-OSServer $missing" }
        @{ Command = "Start-OSServer $missing" }
        @{ Command = "Restart-OSServer $missing" }
        @{ Command = "Suspend-OSServer $missing" }
        @{ Command = "Remove-OSServer $missing" }
        @{ Command = "Lock-OSServer $missing" }
        @{ Command = "Unlock-OSServer $missing" }
        @{ Command = "Enter-OSServerRescue $missing" }
        @{ Command = "Exit-OSServerRescue $missing" }
        @{ Command = "Open-OSServerConsole $missing" }
        @{ Command = "Set-OSServer $missing -Name renamed" }
        @{ Command = "Reset-OSServer $missing -Image los-fake-image" }
        @{ Command = "Move-OSServer $missing -Live" }
        @{ Command = "New-OSServer oso-whatif -Image $missing -Flavor m1.tiny -Network none" }
        @{ Command = "New-OSServer oso-whatif -Image los-fake-image -Flavor $missing -Network none" }
        @{ Command = "New-OSServer oso-whatif -Image los-fake-image -Flavor m1.tiny -Network $missing" }
        @{ Command = "New-OSServer oso-whatif -Image los-fake-image -Flavor m1.tiny -Network none -KeyPair $missing" }
        @{ Command = "Remove-OSFlavor $missing" }
        @{ Command = "Remove-OSKeyPair $missing" }
        @{ Command = "Remove-OSVolume $missing" }
        @{ Command = "Set-OSVolume $missing -Name renamed" }
        @{ Command = "New-OSVolumeSnapshot -Volume $missing -Name snap" }
        @{ Command = "Remove-OSVolumeSnapshot $missing" }
        @{ Command = "Remove-OSImage $missing" }
        @{ Command = "Set-OSImage $missing -Name renamed" }
        @{ Command = "Remove-OSNetwork $missing" }
        @{ Command = "Set-OSNetwork $missing -Name renamed" }
        @{ Command = "New-OSSubnet -Network $missing -Name sub -Cidr 10.250.0.0/24" }
        @{ Command = "Remove-OSSubnet $missing" }
        @{ Command = "New-OSPort -Network $missing" }
        @{ Command = "Remove-OSPort $missing" }
        @{ Command = "Set-OSPort $missing -Name renamed" }
        @{ Command = "Remove-OSRouter $missing" }
        @{ Command = "Set-OSRouter $missing -Name renamed" }
        @{ Command = "Remove-OSSecurityGroup $missing" }
        @{ Command = "New-OSSecurityGroupRule -SecurityGroup $missing -Protocol tcp -Port 22" }
        @{ Command = "Remove-OSFloatingIP 192.0.2.254" }
        @{ Command = "Add-OSServerInterface $missing -Network public" }
        @{ Command = "Add-OSVolumeAttachment -Volume $missing -VM $missing" }
        @{ Command = "New-OSImage -Name oso-whatif -VM $missing" }
        @{ Command = "Add-OSRouterInterface -Router $missing -Subnet $missing" }
        @{ Command = "Add-OSFloatingIP $missing" }
        @{ Command = "New-OSFloatingIP -Network $missing" }
        @{ Command = "Remove-OSStack $missing" }
        @{ Command = "Remove-OSContainer $missing" }
        @{ Command = "Remove-OSObject -Container $missing -Name obj" }
    )
}

# -ForEach hands the cases to the run phase, where BeforeAll runs them all in one pwsh.
Describe '-WhatIf on a reference that does not resolve' -Tag Cloud -Skip:([bool]$NoCloud) -ForEach @(@{ Cases = $Cases }) {
    BeforeAll {
        Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
        $lines = foreach ($case in $Cases) { $case.Command }
        $script = @'
$null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
foreach ($command in $commands) {
    "=== $command"
    $e = $null
    Invoke-Expression "$command -WhatIf -ErrorVariable +e -ErrorAction SilentlyContinue"
    foreach ($record in $e) { 'ERROR ' + $record.FullyQualifiedErrorId + ' ' + $record.CategoryInfo.Category }
}
'@
        $quoted = ($lines | ForEach-Object { "'" + ($_ -replace "'", "''") + "'" }) -join ', '
        $script:Run = Invoke-OsoPwsh -Script ("`$commands = @($quoted)`n" + $script) -TimeoutSec 300
        # The output lines of each command, by command.
        $script:Sections = @{}
        $current = $null
        foreach ($line in $Run.Output) {
            if ($line -like '=== *') { $current = $line.Substring(4); $Sections[$current] = [System.Collections.Generic.List[string]]::new() }
            elseif ($current) { $Sections[$current].Add($line) }
        }
    }

    It '<Command> -WhatIf writes ObjectNotFound and no "What if:"' -TestCases $Cases {
        $Sections.Keys | Should -Contain $Command -Because "the script ran every case ($($Run.Errors))"
        $out = $Sections[$Command]
        $out | Where-Object { $_ -like 'What if:*' } | Should -BeNullOrEmpty
        $errors = @($out | Where-Object { $_ -like 'ERROR *' })
        $errors | Should -HaveCount 1
        $errors[0] | Should -Match ' ObjectNotFound$'
    }
}

Describe '-WhatIf and -Confirm on references that resolve or not' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
        $script = @'
$null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
Remove-OSFlavor m1.tiny -WhatIf
Stop-OSServer oso-no-such-x -Confirm -ErrorVariable e -ErrorAction SilentlyContinue
'CONFIRM ' + $e[0].FullyQualifiedErrorId + ' ' + $e[0].CategoryInfo.Category
'@
        # An interactive pwsh, with a "Y" ready for a prompt that must not come.
        $script:Run = Invoke-OsoPwsh -Interactive -InputLines 'Y' -Script $script
    }

    It 'a reference that resolves still gets its "What if:" line' {
        $Run.Output | Should -Contain 'What if: Performing the operation "Delete flavor" on target "m1.tiny on los-demo".'
    }

    It '-Confirm on a reference that does not resolve writes the error and does not prompt' {
        $Run.Output | Should -Contain 'CONFIRM NameNotFound,OpenStackOrchestrator.Cmdlets.Compute.StopOSServerCommand ObjectNotFound'
        $Run.Text | Should -Not -Match 'Are you sure'
    }
}
