# The help users get: Get-Help of every exported cmdlet (from the en-US/ MAML the build generates out of docs/cmdlets),
# the about topic, and docs/cmdlets/*.md against the real parameter sets from Get-Command. The markdown is read with the
# HelpBuilder's own reader (tools/HelpBuilder, built with the module), the one that turns it into the MAML.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    $Cmdlets = @(Get-Command -Module OpenStackOrchestrator -CommandType Cmdlet | Sort-Object Name | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    $script:Root = Get-OsoRepoRoot
    $script:DocsFolder = Join-Path $Root 'docs/cmdlets'
    $script:ModuleFolder = Split-Path (Get-OsoModulePath)

    $builder = Get-ChildItem (Join-Path $Root 'tools/HelpBuilder/bin/*/net10.0/HelpBuilder.dll') | Sort-Object LastWriteTime | Select-Object -Last 1
    if (-not $builder) { throw 'tools/HelpBuilder is not built: dotnet build Module.sln builds it with the module.' }
    Add-Type -Path (Join-Path $builder.DirectoryName 'Markdig.dll')
    Add-Type -Path $builder.FullName

    $script:Common = [System.Management.Automation.Cmdlet]::CommonParameters

    # Get-Help's object flattened into plain values.
    function Get-HelpFacts([string] $Name) {
        $help = Get-Help -Name $Name -Full
        [pscustomobject]@{
            Synopsis    = ([string]$help.Synopsis).Trim()
            Description = (@($help.description) | ForEach-Object { $_.Text }) -join "`n"
            Parameters  = @(@($help.parameters.parameter) | Where-Object { $_ } | ForEach-Object {
                    [pscustomobject]@{ Name = [string]$_.name; Description = (@($_.description) | ForEach-Object { $_.Text }) -join "`n" } })
            ExampleCode = @(@($help.examples.example) | Where-Object { $_ } | ForEach-Object { [string]$_.code })
        }
    }

    # The cmdlet's parameter sets as PlatyPS describes them: Nullable<T> as T, generics in full, otherwise the short
    # type name; accepted values from [ValidateSet] or the enum.
    function Get-RealSets([string] $Name) {
        $command = Get-Command -Name $Name -CommandType Cmdlet
        foreach ($set in $command.ParameterSets) {
            $parameters = foreach ($p in $set.Parameters) {
                if ($Common.Contains($p.Name)) { continue }
                $type = $p.ParameterType
                $underlying = [Nullable]::GetUnderlyingType($type)
                if ($underlying) { $type = $underlying }
                $validSet = @($p.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | ForEach-Object { $_.ValidValues })
                $pipeline = switch (@($p.ValueFromPipeline, $p.ValueFromPipelineByPropertyName) -join ',') {
                    'True,True' { 'True (ByPropertyName, ByValue)' }
                    'True,False' { 'True (ByValue)' }
                    'False,True' { 'True (ByPropertyName)' }
                    default { 'False' }
                }
                [pscustomobject]@{
                    Name          = $p.Name
                    Type          = if ($type.IsGenericType) { $type.ToString() } else { $type.Name }
                    IsSwitch      = $type -eq [System.Management.Automation.SwitchParameter]
                    Mandatory     = $p.IsMandatory
                    Position      = if ($p.Position -ge 0) { $p.Position } else { $null }
                    PipelineInput = $pipeline
                    Aliases       = [string[]]@($p.Aliases)
                    ValidValues   = [string[]]$(if ($validSet.Count -gt 0) { $validSet } elseif ($type.IsEnum) { [Enum]::GetNames($type) } else { @() })
                    Wildcards     = @($p.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }).Count -gt 0
                }
            }
            [pscustomobject]@{ Name = $set.Name; IsDefault = $set.IsDefault; Parameters = @($parameters) }
        }
    }

    # The syntax line PlatyPS writes for a set: positional parameters by position, then the others in Get-Command's order.
    function Get-SyntaxLine([string] $Command, $Set) {
        $i = 0
        $ordered = $Set.Parameters | ForEach-Object { [pscustomobject]@{ P = $_; Index = $i++ } } |
            Sort-Object @{ Expression = { if ($null -ne $_.P.Position) { $_.P.Position } else { [int]::MaxValue } } }, Index
        $syntax = [System.Collections.Generic.List[OpenStackOrchestrator.HelpBuilder.Markdown.SyntaxParameter]]::new()
        foreach ($x in $ordered) {
            $position = if ($null -ne $x.P.Position) { [Nullable[int]]$x.P.Position } else { [Nullable[int]]$null }
            $syntax.Add([OpenStackOrchestrator.HelpBuilder.Markdown.SyntaxParameter]::new($x.P.Name, $x.P.Type, $x.P.Mandatory, $position, $x.P.IsSwitch))
        }
        [OpenStackOrchestrator.HelpBuilder.Markdown.SyntaxFormatter]::Format($Command, $syntax, $true)
    }

    function Get-Doc([string] $Name) {
        $path = Join-Path $DocsFolder "$Name.md"
        if (-not (Test-Path $path)) { throw "No docs/cmdlets/$Name.md." }
        [OpenStackOrchestrator.HelpBuilder.Markdown.CommandMarkdownReader]::ReadFile($path)
    }

    function Get-SetHeading($SetName, [bool] $IsDefault) {
        if ($null -eq $SetName) { '(one unnamed set: no ### heading)' }
        else { '### ' + $SetName + $(if ($IsDefault) { [OpenStackOrchestrator.HelpBuilder.Markdown.CommandMarkdownReader]::DefaultSetSuffix } else { '' }) }
    }
}

Describe 'Get-Help <Name>' -ForEach $Cmdlets {
    BeforeAll {
        $script:help = Get-HelpFacts $Name
    }

    It 'shows a written synopsis and description' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        # Without help, PowerShell makes the synopsis from the syntax: "Verb-Noun [[-Name] <string[]>] ... [<CommonParameters>]".
        $help.Synopsis | Should -Not -BeLike "$Name*" -Because 'a synopsis that starts with the syntax means Get-Help found no help'
        $help.Synopsis | Should -Not -BeLike '*<CommonParameters>*'
        $help.Description.Trim() | Should -Not -BeNullOrEmpty
    }

    It 'describes every parameter of the cmdlet' {
        $real = @((Get-Command $Name).Parameters.Keys | Where-Object { -not $Common.Contains($_) })
        $real | Should -Not -BeNullOrEmpty
        $described = @{}
        foreach ($p in $help.Parameters) { $described[$p.Name] = $p.Description }
        @($real | Where-Object { -not $described.ContainsKey($_) }) | Should -BeNullOrEmpty -Because 'Get-Help lists every parameter'
        @($real | Where-Object { $described.ContainsKey($_) -and [string]::IsNullOrWhiteSpace($described[$_]) }) | Should -BeNullOrEmpty -Because 'every parameter has a description'
    }

    It 'has an example with code' {
        $help.ExampleCode | Should -Not -BeNullOrEmpty
        $help.ExampleCode | ForEach-Object { $_.Trim() | Should -Not -BeNullOrEmpty }
    }
}

Describe 'docs/cmdlets/<Name>.md matches the cmdlet' -ForEach $Cmdlets {
    BeforeAll {
        $script:sets = @(Get-RealSets $Name)
        $script:doc = Get-Doc $Name
        $script:real = @($sets.Parameters.Name | Select-Object -Unique)
    }

    It 'is the doc of that cmdlet' {
        $doc.Name | Should -BeExactly $Name
    }

    It 'has the parameter sets and syntax lines of the cmdlet in ## SYNTAX' {
        $single = $sets.Count -eq 1
        $expected = @(foreach ($s in $sets) { [pscustomobject]@{ Name = $(if ($single) { $null } else { $s.Name }); IsDefault = $s.IsDefault -and -not $single; Code = Get-SyntaxLine $Name $s } })
        $actual = @(foreach ($b in $doc.Syntax) { [pscustomobject]@{ Name = $(if ($b.ParameterSetName -eq '__AllParameterSets') { $null } else { $b.ParameterSetName }); IsDefault = $b.IsDefault; Code = $b.Code } })
        ($actual | ForEach-Object { Get-SetHeading $_.Name $_.IsDefault }) -join ', ' | Should -Be (($expected | ForEach-Object { Get-SetHeading $_.Name $_.IsDefault }) -join ', ')
        foreach ($set in $expected) {
            $block = $actual | Where-Object Name -EQ $set.Name | Select-Object -First 1
            $block.Code | Should -BeExactly $set.Code -Because "## SYNTAX $(Get-SetHeading $set.Name $set.IsDefault) must be the cmdlet's syntax"
        }
    }

    It 'documents each parameter of the cmdlet once, and no other, in ## PARAMETERS' {
        $documented = @($doc.Parameters.Name)
        @($documented | Group-Object | Where-Object Count -GT 1 | ForEach-Object Name) | Should -BeNullOrEmpty -Because 'a parameter is documented once'
        @($real | Where-Object { $_ -notin $documented }) | Should -BeNullOrEmpty -Because "every parameter has a '### -Name' entry"
        @($documented | Where-Object { $_ -notin $real }) | Should -BeNullOrEmpty -Because 'the cmdlet has every documented parameter'
        $doc.SupportsCommonParameters | Should -BeTrue -Because "## PARAMETERS has a '### CommonParameters' entry"
    }

    It 'gives each parameter the sets, Required, Position, pipeline input, type, aliases and values of the cmdlet' {
        $problems = foreach ($parameter in $doc.Parameters | Where-Object { $_.Name -in $real }) {
            $inSets = @($sets | Where-Object { $_.Parameters.Name -contains $parameter.Name })
            foreach ($block in $parameter.Metadata | Where-Object { -not $_.InAllSets }) {
                foreach ($setName in $block.ParameterSets | Where-Object { $_ -notin $inSets.Name }) {
                    "-$($parameter.Name): 'Parameter Sets' names $setName, but the parameter is only in: $($inSets.Name -join ', ')."
                }
            }
            if ($sets.Count -gt 1 -and @($parameter.Metadata | Where-Object InAllSets).Count -gt 0 -and $inSets.Count -lt $sets.Count) {
                "-$($parameter.Name): 'Parameter Sets: (All)', but the parameter is only in: $($inSets.Name -join ', ')."
            }
            foreach ($set in $inSets) {
                $p = $set.Parameters | Where-Object Name -EQ $parameter.Name
                $m = @($parameter.Metadata | Where-Object { $_.ParameterSets -contains $set.Name }) + @($parameter.Metadata | Where-Object InAllSets) | Select-Object -First 1
                if (-not $m) { "-$($parameter.Name): no yaml block covers parameter set $($set.Name)."; continue }
                $where = if ($sets.Count -gt 1) { " in set $($set.Name)" } else { '' }
                if ($m.Required -ne $p.Mandatory) { "-$($parameter.Name): Required is $($m.Required)$where; the cmdlet says $($p.Mandatory)." }
                if ($m.PositionNumber -ne $p.Position) { "-$($parameter.Name): Position is $($m.Position)$where; the cmdlet says $(if ($null -ne $p.Position) { $p.Position } else { 'Named' })." }
                if ($m.PipelineInput -ne $p.PipelineInput) { "-$($parameter.Name): Accept pipeline input is $($m.PipelineInput)$where; the cmdlet says $($p.PipelineInput)." }
                if ($m.Type -cne $p.Type) { "-$($parameter.Name): Type is $($m.Type); the cmdlet says $($p.Type)." }
                if ((@($m.Aliases) -join ',') -cne (@($p.Aliases) -join ',')) { "-$($parameter.Name): Aliases are [$($m.Aliases -join ', ')]; the cmdlet has [$($p.Aliases -join ', ')]." }
                if ((@($m.AcceptedValues) -join ',') -cne (@($p.ValidValues) -join ',')) { "-$($parameter.Name): Accepted values are [$($m.AcceptedValues -join ', ')]; the cmdlet accepts [$($p.ValidValues -join ', ')]." }
                if ($p.Wildcards -and -not $m.Globbing) { "-$($parameter.Name): Accept wildcard characters is False, but the parameter has [SupportsWildcards]." }
            }
        }
        $problems | Should -BeNullOrEmpty
    }
}

Describe 'Help files' {
    It 'every doc in docs/cmdlets is the doc of an exported cmdlet, and every exported cmdlet has one' {
        $names = @(Get-Command -Module OpenStackOrchestrator -CommandType Cmdlet).Name
        $names | Should -Not -BeNullOrEmpty
        $docs = @(Get-ChildItem $DocsFolder -Filter *.md).BaseName
        @($names | Where-Object { $_ -notin $docs }) | Should -BeNullOrEmpty -Because 'each cmdlet needs docs/cmdlets/<Name>.md (PlatyPS format)'
        @($docs | Where-Object { $_ -notin $names }) | Should -BeNullOrEmpty -Because 'a doc needs a cmdlet the module exports'
    }

    It 'Get-Help about_OpenStackOrchestrator shows the topic with its short description' {
        $topic = [OpenStackOrchestrator.HelpBuilder.HelpGenerator]::Generate($Root) | Where-Object RelativePath -Like '*about_OpenStackOrchestrator.help.txt'
        $lines = $topic.Content -split "`n"
        $heading = [array]::IndexOf($lines, 'SHORT DESCRIPTION')
        $heading | Should -BeGreaterOrEqual 0
        $short = $lines[$heading + 1].Trim()
        $short | Should -Not -BeNullOrEmpty
        $text = Get-Help -Name about_OpenStackOrchestrator | Out-String
        $text | Should -Match 'about_OpenStackOrchestrator'
        $text | Should -Match ([regex]::Escape($short))
    }

    It 'the built module folder ships the help generated from the current docs in en-US' {
        # Windows PowerShell 5.1 and pwsh look for help in the module folder's culture folder.
        $generated = [OpenStackOrchestrator.HelpBuilder.HelpGenerator]::Generate($Root)
        $generated | Should -Not -BeNullOrEmpty
        foreach ($file in $generated) {
            $built = Join-Path $ModuleFolder "en-US/$(Split-Path $file.RelativePath -Leaf)"
            $built | Should -Exist -Because 'the build writes en-US/ into the module folder'
            ([System.IO.File]::ReadAllText($built) -replace "`r`n", "`n") | Should -BeExactly $file.Content -Because "$built must be built from the current $($file.RelativePath) sources: build the solution"
        }
    }

    It 'the help is generated, not committed' {
        Push-Location $Root
        try { @(git ls-files 'en-US/*.xml' 'en-US/*.txt') | Should -BeNullOrEmpty -Because 'en-US/ help is built from docs/ by the build' }
        finally { Pop-Location }
    }
}
