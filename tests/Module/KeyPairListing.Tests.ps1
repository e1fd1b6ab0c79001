# Key pairs listed, completed and removed through the cmdlets (making them is in KeyPairs.Tests.ps1).

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $PSStyle.OutputRendering = 'PlainText'
    $null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
    $script:prefix = New-OsoName 'oso-kp'
    # Imported rather than generated: a 4096-bit RSA key takes long to make on a busy machine. Its private half is gone.
    $script:publicKey = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFaGwnItjEBI0wv1XSgkfIyfQ3h916Bfq6ofLImF8zID oso-test'
    function Get-Stored([string] $Name) { Get-OSKeyPair -Name $Name -ErrorAction Stop }
    function Get-DebugAndOutput([scriptblock] $Script) {
        $all = & { $DebugPreference = 'Continue'; & $Script } 5>&1
        [pscustomobject]@{
            Debug  = @($all | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message)
            Output = @($all | Where-Object { $_ -isnot [System.Management.Automation.DebugRecord] })
        }
    }
}

AfterAll {
    Get-OSKeyPair -Name "$prefix*" -ErrorAction SilentlyContinue | Remove-OSKeyPair -Confirm:$false -ErrorAction SilentlyContinue
}

Describe 'Get-OSKeyPair and Remove-OSKeyPair' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'wildcards and -First list key pairs in a table, and names complete' {
        $first = "$prefix-w1"
        $second = "$prefix-w2"
        $null = New-OSKeyPair $first -PublicKey $publicKey -Confirm:$false -ErrorAction Stop
        $null = New-OSKeyPair $second -PublicKey $publicKey -Confirm:$false -ErrorAction Stop

        Get-OSKeyPair -Name "$prefix-w*" -ErrorAction Stop | ForEach-Object Name | Sort-Object | Should -Be @($first, $second)
        $run = Get-DebugAndOutput { Get-OSKeyPair -First 1 -ErrorAction Stop }
        $run.Output | Should -HaveCount 1
        $run.Debug | Where-Object { $_ -like '*/os-keypairs?limit=1*' } | Should -Not -BeNullOrEmpty
        $table = Get-OSKeyPair $first | Format-Table | Out-String
        $table | Should -Match 'Name\s+Type\s+Fingerprint'
        $table | Should -Match ([regex]::Escape($first) + '\s+ssh\s+([0-9a-f]{2}:){15}[0-9a-f]{2}')
        $line = "Remove-OSKeyPair $prefix-w"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Sort-Object | Should -Be @($first, $second)
    }

    It 'Remove asks first, honours -WhatIf, and takes key pairs from the pipeline' {
        $name = "$prefix-rm"
        $null = New-OSKeyPair $name -PublicKey $publicKey -Confirm:$false -ErrorAction Stop

        # An interactive pwsh: "N" answers the one prompt, and -WhatIf must not prompt.
        $no = Invoke-OsoPwsh -Interactive -InputLines 'N' -Script "`$null = Connect-OSCloud -Cloud los-demo; Remove-OSKeyPair $name; 'answered'; Remove-OSKeyPair $name -WhatIf"
        ([regex]::Matches($no.Text, 'Are you sure you want to perform this action\?')).Count | Should -Be 1
        $no.Output | Should -Contain 'answered'
        $no.Output | Should -Contain "What if: Performing the operation `"Delete key pair`" on target `"$name on los-demo`"."
        Get-Stored $name | Should -HaveCount 1

        Get-OSKeyPair $name | Remove-OSKeyPair -Confirm:$false -ErrorAction Stop

        Get-OSKeyPair -Name $name -ErrorVariable gone -ErrorAction SilentlyContinue
        $gone[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It '-Property gives key pairs with just those properties, for exact names, wildcards and piped names' {
        $name = "$prefix-prop"
        $null = New-OSKeyPair $name -PublicKey $publicKey -Confirm:$false -ErrorAction Stop
        foreach ($found in @(Get-OSKeyPair $name -Property Name, Fingerprint -ErrorAction Stop), @(Get-OSKeyPair "$name*" -Property Name, Fingerprint -ErrorAction Stop),
            @($name | Get-OSKeyPair -Property Name, Fingerprint -ErrorAction Stop)) {
            $found | Should -HaveCount 1
            $found[0].Fingerprint | Should -Match '^([0-9a-f]{2}:){15}[0-9a-f]{2}$'
            $found[0].PSObject.Properties.Name | Where-Object { $_ -in 'PublicKey', 'Type', 'Created' } | Should -BeNullOrEmpty
        }
    }

    It 'an unknown key pair is ObjectNotFound for Get and Remove' {
        $name = "$prefix-missing"
        Get-OSKeyPair -Name $name -ErrorVariable get -ErrorAction SilentlyContinue
        Remove-OSKeyPair $name -Confirm:$false -ErrorVariable remove -ErrorAction SilentlyContinue

        $get | Should -HaveCount 1
        $get[0].FullyQualifiedErrorId | Should -Be 'NameNotFound,OpenStackOrchestrator.Cmdlets.Compute.GetOSKeyPairCommand'
        $get[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $remove | Should -HaveCount 1
        $remove[0].FullyQualifiedErrorId | Should -Be 'ResourceNotFound,OpenStackOrchestrator.Cmdlets.Compute.RemoveOSKeyPairCommand'
        $remove[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $remove[0].ToString() | Should -Match ([regex]::Escape("Keypair $name not found"))
    }
}
