# Unattended use, as a vSphere admin's scheduled PowerCLI script does it: Connect-OSCloud -Server host -User -Password,
# Get-/Set-OSConfiguration (Session and User scope, DefaultCloudMode, WebOperationTimeoutSeconds...), and nothing that
# prompts in a non-interactive pwsh: a clear error that names the parameter to add instead.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    # The User scope of this file (and of the pwsh it starts) is a folder of its own, never the real home's.
    $ConfigHome = Join-Path ([IO.Path]::GetTempPath()) ('oso-config-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $env:OSO_CONFIG_HOME = $ConfigHome
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud

    # The local cloud's credentials, read where its installer wrote them.
    function Get-LocalCloudAuth([string] $Cloud) {
        $text = Get-Content (Get-OsoCloudsYaml) -Raw
        $block = [regex]::Match($text, "(?ms)^  $([regex]::Escape($Cloud)):\s*\r?\n(.*?)(?=^  \S|\z)").Groups[1].Value
        $auth = @{}
        foreach ($m in [regex]::Matches($block, '(?m)^[ \t]+(\w+):[ \t]*(\S.*?)[ \t]*\r?$')) { $auth[$m.Groups[1].Value] = $m.Groups[2].Value.Trim("'`"") }
        [pscustomobject]$auth
    }
    $Demo = Get-LocalCloudAuth los-demo
    $Admin = Get-LocalCloudAuth los-admin
    $Server = ([uri]$Demo.auth_url).GetLeftPart('Authority')   # http://127.0.0.1:5000
    function Reset-OsoSessionSettings {
        Set-OSConfiguration -Scope Session -Unset InvalidCertificateAction, DefaultCloudMode, WebOperationTimeoutSeconds, RetryCount, CompletionTimeoutSeconds | Out-Null
    }
}

AfterAll {
    Reset-OsoSessionSettings
    Use-OsoLocalCloud
    Remove-Item $ConfigHome -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Item Env:OSO_CONFIG_HOME -ErrorAction SilentlyContinue
}

Describe 'Connect-OSCloud -Server host -User -Password, as Connect-VIServer' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeEach { Use-OsoLocalCloud }

    It 'connects with a plain string password to the auth URL given as -Server, and the script goes on' {
        $connection = Connect-OSCloud -Server $Server -User $Demo.username -Password $Demo.password -ProjectName $Demo.project_name -ErrorAction Stop
        $connection.AuthUrl | Should -Be "$Server/v3"
        $connection.UserName | Should -Be $Demo.username
        $connection.ProjectName | Should -Be $Demo.project_name
        $DefaultOSCloud.Id | Should -Be $connection.Id
        (Get-OSFlavor -Name m1.tiny -ErrorAction Stop).VCpus | Should -Be 1
    }

    It 'takes a SecureString password and -UserName for -User' {
        $secure = ConvertTo-SecureString $Admin.password -AsPlainText -Force
        $connection = Connect-OSCloud -Server $Server -UserName $Admin.username -Password $secure -ProjectName $Admin.project_name -ErrorAction Stop
        $connection.UserName | Should -Be $Admin.username
        $connection.IsConnected | Should -BeTrue
    }

    It 'a -User/-Password over a clouds.yaml cloud replaces its credentials' {
        $err = $null
        Connect-OSCloud -Server los-demo -User $Demo.username -Password 'not-the-Passw0rd-xyz' -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
    }

    It 'never shows a plain string password: not in -Debug, -Verbose, warnings nor the error of a rejected login' {
        $secret = 'Wr0ng-S3cret-' + (New-OsoName x)
        $everything = Connect-OSCloud -Server $Server -User $Demo.username -Password $secret -ProjectName $Demo.project_name -Debug -Verbose -ErrorAction SilentlyContinue -ErrorVariable err *>&1 |
            Out-String
        $err | Should -HaveCount 1
        ($everything + ($err | Out-String) + $err[0].Exception.ToString() + ($err[0].ErrorDetails | Out-String)) | Should -Not -Match ([regex]::Escape($secret))
        $everything | Should -Match 'auth/tokens'   # the debug trace was written, with the password left out
    }

    It 'gives a bare host https, Keystone''s port 5000 and /v3 (the local cloud is http, so it fails, naming that URL)' {
        $err = $null
        Connect-OSCloud -Server 127.0.0.1 -User $Demo.username -Password $Demo.password -ErrorVariable err -ErrorAction SilentlyContinue -Verbose 4>&1 |
            Out-String | Should -Match ([regex]::Escape('https://127.0.0.1:5000/v3'))
        $err | Should -HaveCount 1
        $err[0].ToString() | Should -Match ([regex]::Escape('https://127.0.0.1:5000/v3'))
    }

    It 'an unknown name that is not a host lists the clouds.yaml names' {
        $thrown = { Connect-OSCloud -Server no-such-cloud -ErrorAction Stop } | Should -Throw -PassThru
        $thrown.Exception.Message | Should -Match 'los-admin'
        $thrown.Exception.Message | Should -Match 'los-demo'
        $thrown.Exception.Message | Should -Match '-Server also takes a host name or URL'
    }

    It 'refuses -Credential together with -Password' {
        $credential = [pscredential]::new('demo', (ConvertTo-SecureString 'x' -AsPlainText -Force))
        { Connect-OSCloud -Server $Server -Credential $credential -Password 'y' -ErrorAction Stop } | Should -Throw '*not both*'
    }
}

Describe 'Set-OSConfiguration for this session' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeEach { Use-OsoLocalCloud; Reset-OsoSessionSettings }
    AfterEach { Reset-OsoSessionSettings }

    It 'DefaultCloudMode Multiple (the default) keeps every default connection' {
        (Get-OSConfiguration -Scope Session).DefaultCloudMode | Should -Be 'Multiple'
        Connect-OSCloud los-demo -ErrorAction Stop | Out-Null
        Connect-OSCloud los-admin -ErrorAction Stop | Out-Null
        $DefaultOSClouds | Should -HaveCount 2
    }

    It 'DefaultCloudMode Single makes a new default connection replace the others' {
        Set-OSConfiguration -DefaultCloudMode Single | Out-Null
        Connect-OSCloud los-demo -ErrorAction Stop | Out-Null
        $admin = Connect-OSCloud los-admin -ErrorAction Stop
        $DefaultOSClouds | Should -HaveCount 1
        $DefaultOSCloud.Id | Should -Be $admin.Id
        $notDefault = Connect-OSCloud los-demo -NotDefault -ErrorAction Stop
        $DefaultOSClouds | Should -HaveCount 1 -Because '-NotDefault leaves the defaults alone'
        $notDefault.IsConnected | Should -BeTrue
    }

    It 'WebOperationTimeoutSeconds and RetryCount reach new connections; existing ones keep theirs' {
        $before = Connect-OSCloud los-demo -ErrorAction Stop
        Set-OSConfiguration -WebOperationTimeoutSeconds 17 -RetryCount 1 | Out-Null
        $after = Connect-OSCloud los-admin -ErrorAction Stop
        (Get-OsoInternal $after HttpSettings).Timeout | Should -Be ([timespan]::FromSeconds(17))
        (Get-OsoInternal $after HttpSettings).MaxRetries | Should -Be 1
        (Get-OsoInternal $before HttpSettings).Timeout | Should -Be ([timespan]::FromSeconds(30))
        (Get-OsoInternal $before HttpSettings).MaxRetries | Should -Be 8
        Use-OsoLocalCloud   # (a second Connect-OSCloud as the same user and project returns the open connection)
        $explicit = Connect-OSCloud los-demo -TimeoutSec 44 -ErrorAction Stop
        (Get-OsoInternal $explicit HttpSettings).Timeout | Should -Be ([timespan]::FromSeconds(44)) -Because '-TimeoutSec wins over the setting'
    }

    It 'api_timeout of a clouds.yaml cloud wins over the setting, and -TimeoutSec over both' {
        $yaml = Join-Path $ConfigHome ((New-OsoName timeout) + '.yaml')
        $null = New-Item -ItemType Directory -Force $ConfigHome
        Set-Content $yaml @"
clouds:
  slow:
    api_timeout: 12
    auth:
      auth_url: $($Demo.auth_url)
      username: $($Demo.username)
      password: $($Demo.password)
      project_name: $($Demo.project_name)
      user_domain_name: Default
      project_domain_name: Default
"@
        $env:OS_CLIENT_CONFIG_FILE = $yaml
        try {
            Set-OSConfiguration -WebOperationTimeoutSeconds 17 | Out-Null
            (Get-OsoInternal (Connect-OSCloud slow -ErrorAction Stop) HttpSettings).Timeout | Should -Be ([timespan]::FromSeconds(12))
            Use-OsoLocalCloud
            $env:OS_CLIENT_CONFIG_FILE = $yaml
            (Get-OsoInternal (Connect-OSCloud slow -TimeoutSec 44 -ErrorAction Stop) HttpSettings).Timeout | Should -Be ([timespan]::FromSeconds(44))
        }
        finally { Use-OsoLocalCloud }
    }

    It 'a tiny WebOperationTimeoutSeconds times out a service that does not answer' {
        $silent = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $silent.Start()   # the kernel accepts the connections; nobody ever answers
        try {
            Set-OSConfiguration -WebOperationTimeoutSeconds 1 -RetryCount 0 | Out-Null
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $err = $null
            Connect-OSCloud -Server "http://127.0.0.1:$($silent.LocalEndpoint.Port)" -User demo -Password x -ErrorVariable err -ErrorAction SilentlyContinue
            $watch.Stop()
            $err | Should -HaveCount 1
            $err[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
        }
        finally { $silent.Stop() }
    }

    It 'InvalidCertificateAction Ignore skips certificate checks of new connections, as -SkipCertificateCheck' {
        Set-OSConfiguration -InvalidCertificateAction Ignore | Out-Null
        $connection = Connect-OSCloud los-demo -ErrorAction Stop
        (Get-OsoInternal $connection HttpSettings).VerifyCertificate | Should -BeFalse
        Set-OSConfiguration -InvalidCertificateAction Fail | Out-Null
        (Get-OsoInternal (Connect-OSCloud los-admin -ErrorAction Stop) HttpSettings).VerifyCertificate | Should -BeTrue
    }

    It 'Get-OSConfiguration shows the values in force and where each comes from' {
        Set-OSConfiguration -RetryCount 2 | Out-Null
        $session = Get-OSConfiguration -Scope Session
        $session.RetryCount | Should -Be 2
        $session.ValueSources['RetryCount'] | Should -Be 'Session'
        $session.ValueSources['DefaultCloudMode'] | Should -Be 'Default'
        $session.WebOperationTimeoutSeconds | Should -Be 30
        (Get-OSConfiguration).Scope | Should -Be 'Session', 'User'
        Get-OSConfiguration | Format-Table | Out-String | Should -Match 'Session\s+Fail\s+Multiple\s+30'
    }

    It 'the completion time box follows CompletionTimeoutSeconds' {
        Set-OSConfiguration -CompletionTimeoutSeconds 9 | Out-Null
        [OpenStackOrchestrator.Completion.CompletionCache]::TimeBox | Should -Be ([timespan]::FromSeconds(9))
        Set-OSConfiguration -Unset CompletionTimeoutSeconds | Out-Null
        [OpenStackOrchestrator.Completion.CompletionCache]::TimeBox | Should -Be ([timespan]::FromSeconds(3))
    }

    It 'refuses values out of range, and -WhatIf changes nothing' {
        { Set-OSConfiguration -RetryCount 11 -ErrorAction Stop } | Should -Throw
        { Set-OSConfiguration -InvalidCertificateAction Sometimes -ErrorAction Stop } | Should -Throw
        { Set-OSConfiguration -WebOperationTimeoutSeconds 0 -ErrorAction Stop } | Should -Throw
        Set-OSConfiguration -RetryCount 7 -WhatIf | Out-Null
        (Get-OSConfiguration -Scope Session).RetryCount | Should -Be 8
    }
}

Describe 'The User scope, kept in the user''s settings file' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'Set-OSConfiguration -Scope User is read by a fresh pwsh, where Session overrides it' {
        # OSO_CONFIG_HOME is read when the module is imported: the pwsh started inherits it.
        $home1 = Join-Path $ConfigHome (New-OsoName user)
        $env:OSO_CONFIG_HOME = $home1
        try { $set = Invoke-OsoPwsh -Script 'Set-OSConfiguration -Scope User -WebOperationTimeoutSeconds 21 -DefaultCloudMode Single -ErrorAction Stop | Out-Null' }
        finally { $env:OSO_CONFIG_HOME = $ConfigHome }
        $set.ExitCode | Should -Be 0 -Because $set.Errors
        Test-Path (Join-Path $home1 'settings.json') | Should -BeTrue
        (Get-Content (Join-Path $home1 'settings.json') -Raw | ConvertFrom-Json).WebOperationTimeoutSeconds | Should -Be 21

        $env:OSO_CONFIG_HOME = $home1
        try {
            $read = Invoke-OsoPwsh -Script @"
`$c = Get-OSConfiguration -Scope Session
"timeout=`$(`$c.WebOperationTimeoutSeconds) from=`$(`$c.ValueSources['WebOperationTimeoutSeconds']) mode=`$(`$c.DefaultCloudMode)"
`$connection = Connect-OSCloud los-demo -ErrorAction Stop
Connect-OSCloud los-admin -ErrorAction Stop | Out-Null
"defaults=`$(`$DefaultOSClouds.Count)"
Set-OSConfiguration -Scope Session -WebOperationTimeoutSeconds 5 | Out-Null
"now=`$((Get-OSConfiguration -Scope Session).WebOperationTimeoutSeconds) user=`$((Get-OSConfiguration -Scope User).WebOperationTimeoutSeconds)"
"@
        }
        finally { $env:OSO_CONFIG_HOME = $ConfigHome }
        $read.ExitCode | Should -Be 0 -Because $read.Errors
        $read.Output | Should -Contain 'timeout=21 from=User mode=Single'
        $read.Output | Should -Contain 'defaults=1'
        $read.Output | Should -Contain 'now=5 user=21'
    }

    It 'Set-OSConfiguration -Scope User -WhatIf writes nothing and tells what would change' {
        $home2 = Join-Path $ConfigHome (New-OsoName whatif)
        $env:OSO_CONFIG_HOME = $home2
        try { $run = Invoke-OsoPwsh -Script 'Set-OSConfiguration -Scope User -RetryCount 6 -WhatIf' }
        finally { $env:OSO_CONFIG_HOME = $ConfigHome }
        $run.Text | Should -Match 'RetryCount: \(not set\) -> 6'
        $run.Text | Should -Match ([regex]::Escape((Join-Path $home2 'settings.json')))
        Test-Path (Join-Path $home2 'settings.json') | Should -BeFalse
    }
}

Describe 'Nothing prompts in a non-interactive pwsh' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'Connect-OSCloud without a password says to add -Password or -Credential, and Stop exits non-zero' {
        $run = Invoke-OsoPwsh -TimeoutSec 60 -Script @"
`$ErrorActionPreference = 'Stop'
Connect-OSCloud -Server '$Server' -User '$($Demo.username)' -ProjectName '$($Demo.project_name)'
'still running'
"@
        $run.ExitCode | Should -Not -Be 0
        $run.Output | Should -Not -Contain 'still running'
        $run.Errors + $run.Text | Should -Match '-Password or -Credential'
        $run.Errors + $run.Text | Should -Not -Match 'Password for user'   # no prompt was started
    }

    It 'a clouds.yaml cloud without a password gives the same error, with its id and category' {
        $yaml = Join-Path $ConfigHome ((New-OsoName nopass) + '.yaml')
        $null = New-Item -ItemType Directory -Force $ConfigHome
        Set-Content $yaml @"
clouds:
  nopass:
    auth:
      auth_url: $($Demo.auth_url)
      username: $($Demo.username)
      project_name: $($Demo.project_name)
      user_domain_name: Default
      project_domain_name: Default
"@
        $run = Invoke-OsoPwsh -TimeoutSec 60 -Script @"
`$env:OS_CLIENT_CONFIG_FILE = '$yaml'
Connect-OSCloud nopass -ErrorVariable e -ErrorAction SilentlyContinue
"id=`$(`$e[0].FullyQualifiedErrorId) category=`$(`$e[0].CategoryInfo.Category)"
"@
        $run.ExitCode | Should -Be 0 -Because 'with Continue the script goes on'
        $run.Output | Should -Contain 'id=CredentialNeedsInteractiveHost,OpenStackOrchestrator.Cmdlets.ConnectOSCloudCommand category=InvalidArgument'
    }

    It 'a pwsh without -NonInteractive whose input is redirected (a scheduled task) gets the error too, and no prompt' {
        $run = Invoke-OsoPwsh -Interactive -TimeoutSec 60 -InputLines 'typed-ahead' -Script @"
Connect-OSCloud -Server '$Server' -User '$($Demo.username)' -ProjectName '$($Demo.project_name)' -ErrorVariable e -ErrorAction SilentlyContinue
"id=`$(`$e[0].FullyQualifiedErrorId)"
"@
        $run.Output | Should -Contain 'id=CredentialNeedsInteractiveHost,OpenStackOrchestrator.Cmdlets.ConnectOSCloudCommand' -Because ($run.Errors + $run.Text)
        $run.Text | Should -Not -Match 'Password for user'
    }

    It 'an interactive pwsh (a terminal) asks for the password instead' {
        $session = Start-OsoTmux
        try {
            Send-OsoTmuxKeys $session "`$c = Connect-OSCloud -Server $Server -User $($Demo.username) -ProjectName $($Demo.project_name)" -Literal
            Send-OsoTmuxKeys $session Enter
            $null = Wait-OsoCondition -TimeoutSec 30 -Because 'the password prompt' { (Get-OsoTmuxScreen $session) -match 'Password for user' }
            Send-OsoTmuxKeys $session $Demo.password -Literal
            Send-OsoTmuxKeys $session Enter
            Send-OsoTmuxKeys $session '"connected=$($c.IsConnected)"' -Literal
            Send-OsoTmuxKeys $session Enter
            $screen = Wait-OsoCondition -TimeoutSec 60 -Because 'the connection' { $s = Get-OsoTmuxScreen $session; if ($s -match 'connected=True') { $s } }
            $screen | Should -Not -Match ([regex]::Escape($Demo.password)) -Because 'the password is not echoed'
        }
        finally { Stop-OsoTmux $session }
    }

    Context 'a delete that would ask for confirmation (ConfirmImpact High)' {
        BeforeAll {
            Use-OsoLocalCloud
            Connect-OSCloud los-demo -ErrorAction Stop | Out-Null
            $keyName = New-OsoName unattended
            New-OSKeyPair -Name $keyName -ErrorAction Stop | Out-Null
        }
        AfterAll { Remove-OSKeyPair $keyName -Confirm:$false -ErrorAction SilentlyContinue }

        It 'Remove-OSKeyPair without -Confirm:$false says to add it, keeps the key, and Stop exits non-zero' {
            $run = Invoke-OsoPwsh -TimeoutSec 60 -Script @"
`$ErrorActionPreference = 'Stop'
Connect-OSCloud los-demo | Out-Null
Remove-OSKeyPair '$keyName'
'still running'
"@
            $run.ExitCode | Should -Not -Be 0
            $run.Output | Should -Not -Contain 'still running'
            $run.Errors + $run.Text | Should -Match ([regex]::Escape('-Confirm:$false'))
            Get-OSKeyPair -Name $keyName -ErrorAction Stop | Should -HaveCount 1 -Because 'nothing was done'
        }

        It 'with Continue the error has a stable id, category and the target, and the script goes on to -Confirm:$false' {
            $run = Invoke-OsoPwsh -TimeoutSec 60 -Script @"
Connect-OSCloud los-demo | Out-Null
Remove-OSKeyPair '$keyName' -ErrorVariable e -ErrorAction SilentlyContinue
"id=`$(`$e[0].FullyQualifiedErrorId) category=`$(`$e[0].CategoryInfo.Category) target=`$(`$e[0].TargetObject)"
Remove-OSKeyPair '$keyName' -Confirm:`$false -ErrorAction Stop
'removed'
"@
            $run.ExitCode | Should -Be 0 -Because $run.Errors
            $run.Output | Should -Contain "id=ConfirmationNeedsInteractiveHost,OpenStackOrchestrator.Cmdlets.Compute.RemoveOSKeyPairCommand category=InvalidOperation target=$keyName on los-demo"
            $run.Output | Should -Contain 'removed'
            Get-OSKeyPair -Name $keyName -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        }
    }
}
