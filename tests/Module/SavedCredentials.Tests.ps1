# Saved credentials, shared with the openstack CLI (issue 12): a nightly job's script, as a PowerCLI user writes it with
# New-VICredentialStoreItem, made the OpenStack way: New-OSApplicationCredential -SaveAs writes a cloud into clouds.yaml
# and its secret into the owner-only secure.yaml; Connect-OSCloud and `openstack --os-cloud` then need no password.
# Each test works on a copy of the local cloud's clouds.yaml (the shared file is never touched) and removes the
# application credentials it made.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $script:Folder = Join-Path ([System.IO.Path]::GetTempPath()) (New-OsoName 'oso-saved')
    $null = New-Item -ItemType Directory -Path $script:Folder
    $script:CloudsFile = Join-Path $script:Folder 'clouds.yaml'
    $script:SecureFile = Join-Path $script:Folder 'secure.yaml'
    Copy-Item (Get-OsoCloudsYaml) $script:CloudsFile
    $script:SharedBefore = Get-Content -Raw (Get-OsoCloudsYaml)
    # openstacksdk reads secure.yaml from its search folders or OS_CLIENT_SECURE_FILE, not beside OS_CLIENT_CONFIG_FILE.
    $env:OS_CLIENT_CONFIG_FILE = $script:CloudsFile
    $env:OS_CLIENT_SECURE_FILE = $script:SecureFile
    $script:Demo = Connect-OSCloud los-demo -ErrorAction Stop
    $script:Prefix = New-OsoName 'oso-ac'

    function script:SecretOf([string] $Cloud, [string] $Key) {
        $text = Get-Content -Raw $script:SecureFile
        if ($text -match "(?m)^  $([regex]::Escape($Cloud)):\r?\n    auth:\r?\n      ${Key}: `"([^`"]+)`"") { $Matches[1] }
    }
    function script:CloudBlock([string] $Cloud) {
        $text = Get-Content -Raw $script:CloudsFile
        if ($text -match "(?ms)^  $([regex]::Escape($Cloud)):\r?\n.*?(?=^  \S|\z)") { $Matches[0] }
    }
    function script:ShownText($Records) {
        @($Records | ForEach-Object {
                if ($_ -is [System.Management.Automation.InformationalRecord]) { $_.Message }
                else { $_ | Format-List * | Out-String; $_ | Format-Table | Out-String; "$_" }
            }) -join "`n"
    }
    function script:InFreshPwsh([string] $Script) {
        Invoke-OsoPwsh -Script ("`$env:OS_CLIENT_CONFIG_FILE = '$script:CloudsFile'; `$env:OS_CLIENT_SECURE_FILE = '$script:SecureFile'`n" + $Script)
    }
}

AfterAll {
    # A connection of its own: a test may have closed $script:Demo.
    $cleanup = Connect-OSCloud los-demo -NotDefault -ErrorAction SilentlyContinue
    Get-OSApplicationCredential -Name "$script:Prefix*" -Cloud $cleanup -ErrorAction SilentlyContinue |
        Remove-OSApplicationCredential -Confirm:$false -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $script:Folder -ErrorAction SilentlyContinue
    Use-OsoLocalCloud
    Remove-Item Env:OS_CLIENT_SECURE_FILE -ErrorAction SilentlyContinue
}

Describe 'Saved credentials for unattended scripts' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'New-OSApplicationCredential -SaveAs makes a cloud that Connect-OSCloud and openstack use without a password' {
        $cloudName = New-OsoName 'nightly'
        $shown = New-OSApplicationCredential "$script:Prefix-nightly" -Description 'nightly report' -SaveAs $cloudName -Verbose -Debug -ErrorAction Stop *>&1
        $credential = @($shown | Where-Object { $_.PSObject.TypeNames -contains 'OpenStackOrchestrator.ApplicationCredential' })
        $credential.Count | Should -Be 1
        $credential[0].Name | Should -Be "$script:Prefix-nightly"
        $credential[0].PSObject.Properties['Secret'] | Should -BeNullOrEmpty -Because 'with -SaveAs the secret is only in secure.yaml'

        $secret = SecretOf $cloudName 'application_credential_secret'
        $secret | Should -Not -BeNullOrEmpty
        (Get-Content -Raw $script:CloudsFile) | Should -Not -Match ([regex]::Escape($secret))
        ShownText $shown | Should -Not -Match ([regex]::Escape($secret)) -Because 'neither the output nor -Verbose/-Debug show the secret'
        if (-not $IsWindows) { (Get-Item $script:SecureFile).UnixMode | Should -Be '-rw-------' }
        CloudBlock $cloudName | Should -Match 'auth_type: v3applicationcredential'
        CloudBlock $cloudName | Should -Match "application_credential_id: $($credential[0].Id)"
        (Get-Content -Raw $script:CloudsFile) | Should -Match '(?m)^# written by up\.sh' -Because 'the comments of clouds.yaml are kept'
        CloudBlock 'los-admin' | Should -Match 'username: admin' -Because 'the other clouds are kept'
        (Get-Content -Raw (Get-OsoCloudsYaml)) | Should -Be $script:SharedBefore

        $run = InFreshPwsh "`$c = Connect-OSCloud $cloudName -ErrorAction Stop; 'user=' + `$c.UserId; 'flavors=' + @(Get-OSFlavor -ErrorAction Stop).Count"
        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Should -Contain "user=$($script:Demo.UserId)"
        $run.Output | Where-Object { $_ -like 'flavors=*' } | Should -Not -Be 'flavors=0'

        $cli = & openstack --os-cloud $cloudName token issue -f value -c user_id 2>&1
        $LASTEXITCODE | Should -Be 0 -Because "openstack reads the same files: $cli"
        "$cli".Trim() | Should -Be $script:Demo.UserId
    }

    It 'does not replace a saved cloud without -Force, and then leaves no credential behind in Keystone' {
        $name = "$script:Prefix-refused"
        $before = Get-Content -Raw $script:CloudsFile
        New-OSApplicationCredential $name -SaveAs los-demo -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'SavedCloudExists,*'
        $failed[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $failed[0].Exception.Message | Should -Match '-Force'
        @(Get-OSApplicationCredential "$name*" -ErrorAction Stop) | Should -BeNullOrEmpty
        Get-Content -Raw $script:CloudsFile | Should -Be $before
    }

    It 'replaces a saved cloud with -Force' {
        $cloudName = New-OsoName 'nightly'
        $first = New-OSApplicationCredential "$script:Prefix-first" -SaveAs $cloudName -ErrorAction Stop
        $second = New-OSApplicationCredential "$script:Prefix-second" -SaveAs $cloudName -Force -ErrorAction Stop
        CloudBlock $cloudName | Should -Match "application_credential_id: $($second.Id)"
        CloudBlock $cloudName | Should -Not -Match $first.Id
        ([regex]::Matches((Get-Content -Raw $script:CloudsFile), "(?m)^  $cloudName`:")).Count | Should -Be 1
        $run = InFreshPwsh "(Connect-OSCloud $cloudName -ErrorAction Stop).UserId"
        $run.Output | Should -Contain $script:Demo.UserId
    }

    It 'refuses -SaveAs before creating anything when openstack would not find secure.yaml' {
        $name = "$script:Prefix-nowhere"
        $cloudName = New-OsoName 'nightly'
        Remove-Item Env:OS_CLIENT_SECURE_FILE
        try {
            New-OSApplicationCredential $name -SaveAs $cloudName -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        }
        finally { $env:OS_CLIENT_SECURE_FILE = $script:SecureFile }
        $failed[0].Exception.Message | Should -Match 'OS_CLIENT_SECURE_FILE'
        @(Get-OSApplicationCredential "$name*" -ErrorAction Stop) | Should -BeNullOrEmpty
        CloudBlock $cloudName | Should -BeNullOrEmpty
    }

    It 'without -SaveAs returns the secret once, as a SecureString a script can connect with' {
        $credential = New-OSApplicationCredential "$script:Prefix-direct" -Role member -ExpiresAt (Get-Date).AddDays(1) -ErrorAction Stop
        $credential.Secret | Should -BeOfType ([securestring])
        $plain = [System.Net.NetworkCredential]::new('', $credential.Secret).Password
        $plain | Should -Not -BeNullOrEmpty
        ShownText $credential | Should -Not -Match ([regex]::Escape($plain))
        $credential.RoleNames | Should -Be @('member')
        $credential.ExpiresAt | Should -BeGreaterThan ([datetime]::UtcNow)

        $connection = Connect-OSCloud -AuthUrl $script:Demo.AuthUrl -ApplicationCredentialId $credential.Id -ApplicationCredentialSecret $credential.Secret -NotDefault -ErrorAction Stop
        $connection.UserId | Should -Be $script:Demo.UserId
    }

    It 'Get-OSApplicationCredential finds them by wildcard and id; Remove-OSApplicationCredential takes them from the pipeline' {
        $made = 'one', 'two' | ForEach-Object { New-OSApplicationCredential "$script:Prefix-list-$_" -ErrorAction Stop }
        @(Get-OSApplicationCredential "$script:Prefix-list-*" -ErrorAction Stop).Name | Sort-Object | Should -Be @("$script:Prefix-list-one", "$script:Prefix-list-two")
        (Get-OSApplicationCredential -Id $made[0].Id -ErrorAction Stop).Name | Should -Be "$script:Prefix-list-one"
        (Get-OSApplicationCredential "$script:Prefix-list-one" | Get-OSApplicationCredential).Id | Should -Be $made[0].Id

        Get-OSApplicationCredential "$script:Prefix-list-*" | Remove-OSApplicationCredential -WhatIf
        @(Get-OSApplicationCredential "$script:Prefix-list-*").Count | Should -Be 2 -Because '-WhatIf deletes nothing'
        Remove-OSApplicationCredential "$script:Prefix-list-one" -Confirm:$false -ErrorAction Stop
        Get-OSApplicationCredential "$script:Prefix-list-*" | Remove-OSApplicationCredential -Confirm:$false -ErrorAction Stop
        @(Get-OSApplicationCredential "$script:Prefix-list-*") | Should -BeNullOrEmpty
        Remove-OSApplicationCredential "$script:Prefix-list-one" -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'Connect-OSCloud -SaveCredential saves a password cloud with the password in secure.yaml only' {
        $cloudName = New-OsoName 'saved'
        $connection = Connect-OSCloud los-demo -SaveCredential $cloudName -NotDefault -ErrorAction Stop
        $connection.Name | Should -Be 'los-demo'
        CloudBlock $cloudName | Should -Match 'username: demo'
        CloudBlock $cloudName | Should -Not -Match 'demopass'
        SecretOf $cloudName 'password' | Should -Be 'demopass'
        if (-not $IsWindows) { (Get-Item $script:SecureFile).UnixMode | Should -Be '-rw-------' }

        $run = InFreshPwsh "(Connect-OSCloud $cloudName -ErrorAction Stop).UserId"
        $run.Output | Should -Contain $script:Demo.UserId -Because "$($run.Errors)"

        $before = Get-Content -Raw $script:CloudsFile
        $null = Connect-OSCloud los-demo -SaveCredential $cloudName -NotDefault -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'SavedCloudExists,*'
        Get-Content -Raw $script:CloudsFile | Should -Be $before
    }
}
