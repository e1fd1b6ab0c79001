# Runs one Pester file with the Pester that NuGet restored (never one from the user's module path) and writes its
# counts as JSON. Called by tests/Invoke-ModuleTests.ps1, one pwsh process per file.
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $File,
    [Parameter(Mandatory)] [string] $ResultFile
)
$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
Import-Module $PesterManifest -Force
$config = New-PesterConfiguration
$config.Run.Path = $File
$config.Run.PassThru = $true
$config.Output.Verbosity = if ($env:OSO_PESTER_VERBOSITY) { $env:OSO_PESTER_VERBOSITY } else { 'Normal' }
$config.Output.RenderMode = 'Plaintext'
$run = Invoke-Pester -Configuration $config
# A failure's name carries its first error lines: a CI log's tail is often all there is to read.
function Get-FirstErrorLines($item) {
    $message = @($item.ErrorRecord | ForEach-Object { "$($_.Exception.Message) ($($_.ScriptStackTrace -split "`n" | Select-Object -First 1))" }) -join ' / '
    $message = $message -replace '\s+', ' '
    if ($message) { ': ' + $message.Substring(0, [math]::Min(400, $message.Length)) } else { '' }
}
$failedNames = @($run.Failed | ForEach-Object { "$($_.ExpandedPath)$(Get-FirstErrorLines $_)" }) +
    @($run.FailedBlocks | ForEach-Object { "$($_.ExpandedPath) (setup)" }) +
    @($run.FailedContainers | ForEach-Object { "$($_.Item) (file)" })
[pscustomobject]@{
    File     = $File
    Passed   = $run.PassedCount
    # A failed BeforeAll/AfterAll or a file that does not parse fails its tests, and is counted at least once.
    Failed   = $run.FailedCount + @($run.FailedBlocks).Count + @($run.FailedContainers).Count
    Skipped  = $run.SkippedCount
    NotRun   = $run.NotRunCount
    Duration = $run.Duration.TotalSeconds
    FailedNames = $failedNames
} | ConvertTo-Json | Set-Content -Path $ResultFile -Encoding utf8
