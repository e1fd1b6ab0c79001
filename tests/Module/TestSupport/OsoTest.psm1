# Shared helpers for the module's Pester files (tests/Module/*.Tests.ps1). Each file runs in its own pwsh process
# (tests/Invoke-ModuleTests.ps1), so a file may change environment variables and $global:DefaultOSCloud freely.
#
#   BeforeDiscovery { Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force; $NoCloud = Get-OsoCloudSkipReason }
#   BeforeAll      { Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force; Import-OsoModule; Use-OsoLocalCloud }
#   Describe 'Servers' -Tag Cloud -Skip:([bool]$NoCloud) { ... }

$script:RepoRoot = (Resolve-Path "$PSScriptRoot/../../..").Path
$script:StateDir = if ($env:LOS_STATE) { $env:LOS_STATE } else { '/var/lib/los' }
$script:CloudsYaml = if ($env:LOS_CLOUDS_YAML) { $env:LOS_CLOUDS_YAML } else { Join-Path $script:StateDir 'clouds.yaml' }

function Get-OsoRepoRoot { $script:RepoRoot }

function Get-OsoModulePath {
    Join-Path $script:RepoRoot 'out/OpenStackOrchestrator/OpenStackOrchestrator.psd1'
}

function Get-OsoCloudsYaml { $script:CloudsYaml }

function Import-OsoModule {
    Import-Module (Get-OsoModulePath) -Force -Global -ErrorAction Stop
}

function Test-OsoPort([int] $Port) {
    $client = [System.Net.Sockets.TcpClient]::new()
    try { $client.ConnectAsync('127.0.0.1', $Port).Wait(2000) -and $client.Connected }
    catch { $false }
    finally { $client.Dispose() }
}

<#
.SYNOPSIS
    Why cloud tests cannot run here, or $null when they can. With OSO_REQUIRE_CLOUD=1 (CI) it is always $null:
    the tests then run and fail instead of being skipped.
#>
function Get-OsoCloudSkipReason {
    if ($env:OSO_REQUIRE_CLOUD -eq '1') { return $null }
    if (-not (Test-Path $script:CloudsYaml)) { return "No local OpenStack: $script:CloudsYaml is missing (start tests/cloud/up.sh)." }
    if (-not (Test-OsoPort 5000)) { return 'No local OpenStack: nothing answers on 127.0.0.1:5000 (start tests/cloud/up.sh).' }
    $null
}

<# Points clouds.yaml lookups at the local cloud's file and forgets every connection. #>
function Use-OsoLocalCloud {
    $env:OS_CLIENT_CONFIG_FILE = $script:CloudsYaml
    Remove-Item Env:OS_CLOUD -ErrorAction SilentlyContinue
    if (Get-Command Disconnect-OSCloud -ErrorAction SilentlyContinue) {
        # Every open connection, -NotDefault ones too (Disconnect-OSCloud alone closes the defaults only).
        Get-OSCloud -ErrorAction SilentlyContinue | Disconnect-OSCloud -Confirm:$false -ErrorAction SilentlyContinue
    }
    $global:DefaultOSClouds = $null
    $global:DefaultOSCloud = $null
}

<# A name no other test run uses: prefix-<8 hex>. #>
function New-OsoName([string] $Prefix = 'oso') {
    '{0}-{1}' -f $Prefix, [guid]::NewGuid().ToString('N').Substring(0, 8)
}

<# Polls until the script block returns something truthy; returns that value or throws after the timeout. #>
function Wait-OsoCondition {
    param([Parameter(Mandatory)] [scriptblock] $Condition, [int] $TimeoutSec = 60, [int] $IntervalMs = 500, [string] $Because = 'the condition')
    $deadline = [datetime]::UtcNow.AddSeconds($TimeoutSec)
    do {
        $value = & $Condition
        if ($value) { return $value }
        Start-Sleep -Milliseconds $IntervalMs
    } while ([datetime]::UtcNow -lt $deadline)
    throw "Timed out after $TimeoutSec s waiting for $Because."
}

<# The pwsh this test process runs in (the dotnet tool's apphost, or pwsh.exe on Windows). #>
function Get-OsoPwsh {
    foreach ($name in 'pwsh', 'pwsh.exe') {
        $candidate = Join-Path $PSHOME $name
        if (Test-Path $candidate) { return $candidate }
    }
    throw "No pwsh executable in $PSHOME"
}

<#
.SYNOPSIS
    Runs a script in a brand-new `pwsh -NoProfile` process, as a user's scheduled script runs, with the built module
    imported and the local cloud's clouds.yaml in force. Returns ExitCode, Output (stdout lines) and Errors (stderr).
.PARAMETER Interactive
    Leave out -NonInteractive (stdin is still redirected: Input lines answer prompts).
#>
function Invoke-OsoPwsh {
    param(
        [Parameter(Mandatory)] [string] $Script,
        [switch] $Interactive,
        [switch] $NoImport,
        [string[]] $InputLines,
        [int] $TimeoutSec = 120
    )
    $prelude = "`$ErrorActionPreference = 'Continue'; `$PSStyle.OutputRendering = 'PlainText'; `$env:OS_CLIENT_CONFIG_FILE = '$script:CloudsYaml'`n"
    if (-not $NoImport) { $prelude += "Import-Module '$(Get-OsoModulePath)' -ErrorAction Stop`n" }
    $file = Join-Path ([System.IO.Path]::GetTempPath()) ("oso-" + [guid]::NewGuid().ToString('N') + '.ps1')
    Set-Content -Path $file -Value ($prelude + $Script) -Encoding utf8
    try {
        $info = [System.Diagnostics.ProcessStartInfo]::new((Get-OsoPwsh))
        foreach ($a in @('-NoProfile') + @(if (-not $Interactive) { '-NonInteractive' }) + @('-File', $file)) { $info.ArgumentList.Add($a) }
        $info.RedirectStandardInput = $true
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $info.UseShellExecute = $false
        $info.Environment['NO_COLOR'] = '1'
        $process = [System.Diagnostics.Process]::Start($info)
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        foreach ($line in $InputLines) { $process.StandardInput.WriteLine($line) }
        $process.StandardInput.Close()
        if (-not $process.WaitForExit($TimeoutSec * 1000)) {
            $process.Kill($true)
            throw "pwsh did not finish within $TimeoutSec s. Output so far:`n$($stdout.Result)"
        }
        [pscustomobject]@{
            ExitCode = $process.ExitCode
            Output   = @($stdout.Result -split "`r?`n" | Where-Object { $_ -ne '' })
            Errors   = $stderr.Result
            Text     = $stdout.Result
        }
    }
    finally { Remove-Item $file -ErrorAction SilentlyContinue }
}

<#
.SYNOPSIS
    Starts `pwsh -NonInteractive -File $Script` as a separate process that Ctrl+C (SIGINT, `kill -INT`) reaches as it
    reaches a script a user runs; its output goes to "$Script.out" and "$Script.err" (Get-OsoScriptOutput).
.NOTES
    A shell started in the background (CI) leaves SIGINT ignored, and its children inherit that: a wrapper restores
    the default, as a terminal would have it, before it becomes pwsh.
#>
function Start-OsoInterruptiblePwsh([Parameter(Mandatory)] [string] $Script) {
    $restoreSigint = 'import signal,os,sys;signal.signal(signal.SIGINT,signal.SIG_DFL);os.execv(sys.argv[1],sys.argv[1:])'
    # Start-Process joins its arguments with spaces as they are: the program's text is quoted.
    Start-Process -FilePath python3 -ArgumentList '-c', "`"$restoreSigint`"", (Get-OsoPwsh), '-NoProfile', '-NonInteractive', '-File', $Script `
        -PassThru -RedirectStandardInput /dev/null -RedirectStandardOutput "$Script.out" -RedirectStandardError "$Script.err"
}

<# True when the process exits within the timeout, once Start-Process has written all its output to the files: the
   timed WaitForExit returns before the redirected streams are drained (dotnet/runtime#51641), the untimed one after. #>
function Wait-OsoProcessExit([Parameter(Mandatory)] [System.Diagnostics.Process] $Process, [int] $TimeoutSec = 60) {
    if (-not $Process.WaitForExit($TimeoutSec * 1000)) { return $false }
    $Process.WaitForExit()
    $true
}

<# What a Start-OsoInterruptiblePwsh script wrote so far, standard output then standard error. #>
function Get-OsoScriptOutput([Parameter(Mandatory)] [string] $Script) {
    (Get-Content "$Script.out", "$Script.err" -Raw -ErrorAction SilentlyContinue) -join "`n"
}

<#
.SYNOPSIS
    A real interactive pwsh in tmux, as a person sees it: Send-OsoTmuxKeys types, Get-OsoTmuxScreen reads the screen.
    Needs tmux (apt-get install -y tmux); returns the session name.
#>
function Start-OsoTmux {
    param([int] $Width = 160, [int] $Height = 50)
    if (-not (Get-Command tmux -ErrorAction SilentlyContinue)) { throw 'tmux is not installed (apt-get install -y tmux).' }
    $session = New-OsoName 'oso-tmux'
    $init = Join-Path ([System.IO.Path]::GetTempPath()) "$session.ps1"
    Set-Content -Path $init -Encoding utf8 -Value @"
`$env:OS_CLIENT_CONFIG_FILE = '$script:CloudsYaml'
`$PSStyle.OutputRendering = 'PlainText'
Import-Module '$(Get-OsoModulePath)' -ErrorAction Stop
function prompt { 'PS> ' }
"@
    # Each console gets its own tmux server (-L): test files run in parallel, and a shared server exits when the
    # last session of one file ends, under another file's new-session.
    $err = & tmux -L $session new-session -d -s $session -x $Width -y $Height "$(Get-OsoPwsh) -NoProfile -NoLogo -NoExit -File $init" 2>&1
    if ($LASTEXITCODE) { throw "tmux new-session failed ($LASTEXITCODE): $err; /dev/pts: $((Get-ChildItem /dev/pts -Name) -join ' ')" }
    # capture-pane drops trailing blanks: the prompt 'PS> ' shows as 'PS>' at the end of its line.
    try { $null = Wait-OsoCondition -TimeoutSec 60 -Because 'the pwsh prompt in tmux' { (Get-OsoTmuxScreen $session) -match '(?m)^PS>' } }
    catch { Stop-OsoTmux $session; throw }
    $session
}

function Send-OsoTmuxKeys {
    param([Parameter(Mandatory)] [string] $Session, [Parameter(Mandatory)] [string[]] $Keys, [switch] $Literal)
    if ($Literal) { & tmux -L $Session send-keys -t $Session -l @Keys } else { & tmux -L $Session send-keys -t $Session @Keys }
}

function Get-OsoTmuxScreen([string] $Session) {
    (& tmux -L $Session capture-pane -p -t $Session) -join "`n"
}

function Stop-OsoTmux([string] $Session) {
    & tmux -L $Session kill-server 2>$null
    Remove-Item (Join-Path ([System.IO.Path]::GetTempPath()) "$Session.ps1") -ErrorAction SilentlyContinue
}


# ---- internals, for tests of efficiency only (request counters of the shared pollers)
<# Reads a non-public instance property, e.g. (Get-OsoInternal $DefaultOSCloud BlockStorage).WaitPollRequests. #>
function Get-OsoInternal([Parameter(Mandatory)] $InputObject, [Parameter(Mandatory)] [string] $Name) {
    $target = if ($InputObject -is [psobject]) { $InputObject.psobject.BaseObject } else { $InputObject }
    $property = $target.GetType().GetProperty($Name, [Reflection.BindingFlags]'Instance,Public,NonPublic')
    if (-not $property) { throw "$($target.GetType().FullName) has no property $Name" }
    $property.GetValue($target)
}

# ---- Added by the object storage / orchestration tests ----------------------------------------------------------
<#
.SYNOPSIS
    Runs a script block in a new runspace of this process (the module imported, connected to -Cloud) and returns its
    Output, Errors, Progress, Debug and Warning records: progress records cannot be redirected in a script.
    -Variables are set in the runspace before the script runs ($DebugPreference = 'Continue' gives the curl trace).
#>
function Invoke-OsoRunspace {
    param([Parameter(Mandatory)] [scriptblock] $Script, [hashtable] $Variables = @{}, [string] $Cloud = 'los-demo')
    $ps = [powershell]::Create()
    try {
        $null = $ps.AddScript("Import-Module '$(Get-OsoModulePath)' -ErrorAction Stop").Invoke()
        if ($Cloud) { $null = $ps.AddScript("Connect-OSCloud -Cloud '$Cloud' -ErrorAction Stop").Invoke() }
        foreach ($name in $Variables.Keys) { $ps.Runspace.SessionStateProxy.SetVariable($name, $Variables[$name]) }
        $ps.Commands.Clear()
        $ps.Streams.ClearStreams()
        $output = $ps.AddScript($Script.ToString()).Invoke()
        [pscustomobject]@{
            Output   = @($output)
            Errors   = @($ps.Streams.Error)
            Progress = @($ps.Streams.Progress)
            Debug    = @($ps.Streams.Debug | ForEach-Object Message)
            Warning  = @($ps.Streams.Warning | ForEach-Object Message)
        }
    }
    finally {
        $ps.Runspace.Dispose()
        $ps.Dispose()
    }
}
# ---- End of the object storage / orchestration block --------------------------------------------------------------

# ---- Throwaway projects (servers, quotas): a project of its own, so that no other test changes its usage ----

<#
.SYNOPSIS
    Makes a project in which the admin connection's user is a member; returns Id, Name and a connection to it
    (-NotDefault unless -Default). -ComputeQuota sets Nova quotas (e.g. @{ instances = 30; cores = 30 }), so that a file
    making many servers does not run into the quota other test runs share in the demo project.
#>
function New-OsoProject {
    param([Parameter(Mandatory)] $AdminCloud, [Parameter(Mandatory)] [string] $Name, [hashtable] $ComputeQuota, [switch] $Default)
    $body = @{ project = @{ name = $Name; domain_id = 'default'; description = 'throwaway project of a module test' } }
    $id = (Invoke-OSApiRequest -Cloud $AdminCloud -Service identity -Path /projects -Method POST -Body $body -Confirm:$false -ErrorAction Stop).project.id
    $role = (Invoke-OSApiRequest -Cloud $AdminCloud -Service identity -Path /roles -Query @{ name = 'member' } -ErrorAction Stop).roles[0].id
    $null = Invoke-OSApiRequest -Cloud $AdminCloud -Service identity -Path "/projects/$id/users/$($AdminCloud.UserId)/roles/$role" -Method PUT -Confirm:$false -ErrorAction Stop
    if ($ComputeQuota) {
        $null = Invoke-OSApiRequest -Cloud $AdminCloud -Service compute -Path "/os-quota-sets/$id" -Method PUT -Body @{ quota_set = $ComputeQuota } -Confirm:$false -ErrorAction Stop
    }
    $cloud = Connect-OSCloud -Cloud los-admin -ProjectName $Name -NotDefault:(-not $Default) -ErrorAction Stop
    [pscustomobject]@{ Id = $id; Name = $Name; Cloud = $cloud }
}

<# Removes a project from New-OsoProject with its servers and the security groups Neutron made for it. #>
function Remove-OsoProject {
    param([Parameter(Mandatory)] $AdminCloud, $Project)
    if (-not $Project) { return }
    Get-OSServer -Cloud $Project.Cloud -ErrorAction SilentlyContinue | Remove-OSServer -Confirm:$false -ErrorAction SilentlyContinue
    # Neutron makes a 'default' security group for each project it sees, and keeps it when the project is deleted.
    $groups = (Invoke-OSApiRequest -Cloud $AdminCloud -Service network -Path /v2.0/security-groups -Query @{ project_id = $Project.Id } -ErrorAction SilentlyContinue).security_groups
    foreach ($group in $groups) {
        $null = Invoke-OSApiRequest -Cloud $AdminCloud -Service network -Path "/v2.0/security-groups/$($group.id)" -Method DELETE -Confirm:$false -ErrorAction SilentlyContinue
    }
    $null = Invoke-OSApiRequest -Cloud $AdminCloud -Service identity -Path "/projects/$($Project.Id)" -Method DELETE -Confirm:$false -ErrorAction SilentlyContinue
}

Export-ModuleMember -Function *-Oso*
