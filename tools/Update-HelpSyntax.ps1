<#
.SYNOPSIS
    Rewrites the ## SYNTAX section of docs/cmdlets/<Name>.md from the built cmdlet (Get-Command), the way PlatyPS writes
    it, so a new parameter (or a new cmdlet) needs only its ### -Parameter entry written by hand. Help.Tests.ps1 checks the
    result against the cmdlet.
.EXAMPLE
    dotnet pwsh -NoProfile -File tools/Update-HelpSyntax.ps1 Get-OSPort, Get-OSServerGroup
#>
param([Parameter(Mandatory)] [string[]] $Name)
$Name = @($Name | ForEach-Object { $_ -split "," })   # pwsh -File passes "a,b" as one string
$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot
Import-Module (Join-Path $root 'out/OpenStackOrchestrator/OpenStackOrchestrator.psd1') -Force
$builder = Get-ChildItem (Join-Path $root 'tools/HelpBuilder/bin/*/net10.0/HelpBuilder.dll') | Sort-Object LastWriteTime | Select-Object -Last 1
Add-Type -Path (Join-Path $builder.DirectoryName 'Markdig.dll')
Add-Type -Path $builder.FullName
$common = [System.Management.Automation.Cmdlet]::CommonParameters
$suffix = [OpenStackOrchestrator.HelpBuilder.Markdown.CommandMarkdownReader]::DefaultSetSuffix

function Get-SyntaxLine([string] $Command, $Set) {
    $i = 0
    $ordered = @($Set.Parameters | Where-Object { -not $common.Contains($_.Name) } | ForEach-Object { [pscustomobject]@{ P = $_; Index = $i++ } } |
        Sort-Object @{ Expression = { if ($_.P.Position -ge 0) { $_.P.Position } else { [int]::MaxValue } } }, Index)
    $syntax = [System.Collections.Generic.List[OpenStackOrchestrator.HelpBuilder.Markdown.SyntaxParameter]]::new()
    foreach ($x in $ordered) {
        $type = $x.P.ParameterType
        if ([Nullable]::GetUnderlyingType($type)) { $type = [Nullable]::GetUnderlyingType($type) }
        $typeName = if ($type.IsGenericType) { $type.ToString() } else { $type.Name }
        $position = if ($x.P.Position -ge 0) { [Nullable[int]]$x.P.Position } else { [Nullable[int]]$null }
        $syntax.Add([OpenStackOrchestrator.HelpBuilder.Markdown.SyntaxParameter]::new($x.P.Name, $typeName, $x.P.IsMandatory, $position,
                $type -eq [System.Management.Automation.SwitchParameter]))
    }
    [OpenStackOrchestrator.HelpBuilder.Markdown.SyntaxFormatter]::Format($Command, $syntax, $true)
}

foreach ($command in $Name) {
    $path = Join-Path $root "docs/cmdlets/$command.md"
    $sets = @((Get-Command $command -CommandType Cmdlet).ParameterSets)
    $blocks = foreach ($set in $sets) {
        $heading = if ($sets.Count -gt 1) { "### $($set.Name)$(if ($set.IsDefault) { $suffix })`n" } else { '' }
        $fence = '```'
        "$heading$fence`n$(Get-SyntaxLine $command $set)`n$fence`n"
    }
    $text = Get-Content $path -Raw
    $section = "## SYNTAX`n`n" + ($blocks -join "`n") + "`n"
    $updated = [regex]::Replace($text, '(?s)## SYNTAX\n.*?(?=\n## )', { param($m) $section.TrimEnd("`n") + "`n" })
    Set-Content -Path $path -Value $updated -NoNewline
    Write-Host "docs/cmdlets/$command.md: ## SYNTAX from $($sets.Count) parameter set(s)"
}
