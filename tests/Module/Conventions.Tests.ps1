# Conventions every cmdlet and output type of the module follows, read by reflection from the built module: a new
# resource added without its type name, help example, export, completer or -WhatIf fails here, named, instead of in a
# review. No cloud is needed. Related checks live elsewhere and are not repeated here: Views.Tests.ps1 (every view is
# for a registered type, its columns are real properties, every registered type has a table view), Help.Tests.ps1 (docs
# match the parameters), Manifest.Tests.ps1 (the manifest lists exactly what the module exports), Completion.Tests.ps1.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    $module = Get-Module OpenStackOrchestrator
    $registry = [OpenStackOrchestrator.Infrastructure.TypeNames]::ByType
    $moduleAssemblies = @($module.ImplementingAssembly, [OpenStackOrchestrator.Client.CloudConnection].Assembly)
    $commands = @(Get-Command -Module OpenStackOrchestrator -CommandType Cmdlet | Sort-Object Name)

    $Cmdlets = @($commands | ForEach-Object { @{ Name = $_.Name; Verb = $_.Verb } })

    $OutputTypes = @($commands | ForEach-Object {
            @{ Name = $_.Name; Types = @($_.OutputType.Type | Where-Object { $_ -and $_.Assembly -in $moduleAssemblies }) } })

    $RegisteredTypes = @($registry.GetEnumerator() | Sort-Object { $_.Key.FullName } | ForEach-Object { @{ Type = $_.Key; TypeName = $_.Value } })

    $Constants = @([OpenStackOrchestrator.Infrastructure.TypeNames].GetFields() | Where-Object IsLiteral | Sort-Object Name |
            ForEach-Object { @{ Constant = $_.Name; TypeName = $_.GetValue($null) } })

    # Every concrete cmdlet class, also one that lacks [Cmdlet] or is not public (PowerShell would not load it).
    $CmdletClasses = @($module.ImplementingAssembly.GetTypes() |
            Where-Object { $_.IsClass -and -not $_.IsAbstract -and $_.IsSubclassOf([System.Management.Automation.Cmdlet]) } |
            Sort-Object FullName | ForEach-Object { @{ Class = $_.FullName; Type = $_ } })

    # The module's commands and aliases, by the names a user types.
    $classAliases = @($CmdletClasses.Type | ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.AliasAttribute], $false).AliasNames })
    $ExportedNames = @(@($module.ExportedCommands.Keys) + @($module.ExportedAliases.Keys) + $classAliases |
            Where-Object { $_ } | Sort-Object -Unique | ForEach-Object { @{ Name = $_ } })

    $referenceTypes = @([OpenStackOrchestrator.Infrastructure.ResourceReference], [OpenStackOrchestrator.Infrastructure.ResourceReference[]])
    $ReferenceParameters = @(foreach ($command in $commands) {
            foreach ($parameter in $command.Parameters.Values | Sort-Object Name) {
                if ($parameter.ParameterType -in $referenceTypes) { @{ Command = $command.Name; Parameter = $parameter.Name } }
            }
        })
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    $script:Registry = [OpenStackOrchestrator.Infrastructure.TypeNames]::ByType
    $script:Manifest = Import-PowerShellDataFile (Get-OsoModulePath)
    $script:ModuleAssembly = (Get-Module OpenStackOrchestrator).ImplementingAssembly

    $builder = Get-ChildItem (Join-Path (Get-OsoRepoRoot) 'tools/HelpBuilder/bin/*/net10.0/HelpBuilder.dll') | Sort-Object LastWriteTime | Select-Object -Last 1
    if (-not $builder) { throw 'tools/HelpBuilder is not built: dotnet build Module.sln builds it with the module.' }
    Add-Type -Path (Join-Path $builder.DirectoryName 'Markdig.dll')
    Add-Type -Path $builder.FullName

    $script:PowerCLI = @(Get-Content "$PSScriptRoot/TestSupport/PowerCLICommands.txt" | ForEach-Object { ($_ -replace '#.*$', '').Trim() } | Where-Object { $_ })

    <#
        What each verb of the module means for -WhatIf/-Confirm. A cmdlet whose verb is not here fails until someone
        decides: ShouldProcess = $true when the verb changes something (on the cloud, on disk, or in the session).
    #>
    $script:VerbRules = @{
        New        = @{ ShouldProcess = $true; Why = 'creates resources, which use quota and cost money' }
        Set        = @{ ShouldProcess = $true; Why = 'changes a resource' }
        Remove     = @{ ShouldProcess = $true; Why = 'deletes or detaches, which cannot be undone: ConfirmImpact High, it asks by default' }
        Add        = @{ ShouldProcess = $true; Why = 'attaches floating IPs, interfaces or volumes, which changes what a server reaches, or tags resources' }
        Update     = @{ ShouldProcess = $true; Why = 'Update-OSStack replaces, creates and deletes the resources of a stack' }
        Start      = @{ ShouldProcess = $true; Why = 'changes the power state of a server' }
        Stop       = @{ ShouldProcess = $true; Why = 'changes the power state of a server' }
        Restart    = @{ ShouldProcess = $true; Why = 'reboots a server' }
        Suspend    = @{ ShouldProcess = $true; Why = 'suspends a server or stack' }
        Resume     = @{ ShouldProcess = $true; Why = 'resumes a stack' }
        Lock       = @{ ShouldProcess = $true; Why = 'locks a server, which then refuses to be deleted, stopped or changed' }
        Unlock     = @{ ShouldProcess = $true; Why = 'unlocks a server, which then can be deleted again' }
        Enter      = @{ ShouldProcess = $true; Why = 'Enter-OSServerRescue reboots a server into a rescue system' }
        Open       = @{ ShouldProcess = $true; Why = 'Open-OSServerConsole starts a web browser; -WhatIf names the URL instead' }
        Exit       = @{ ShouldProcess = $true; Why = 'Exit-OSServerRescue reboots a server from its own disk again' }
        Reset      = @{ ShouldProcess = $true; Why = 'rebuilds a server from an image, losing its disk' }
        Send       = @{ ShouldProcess = $true; Why = 'uploads objects, replacing one of the same name' }
        Copy       = @{ ShouldProcess = $true; Why = 'writes the copy, replacing an object of the same name' }
        Save       = @{ ShouldProcess = $true; Why = 'writes a local file, which may replace one' }
        Export     = @{ ShouldProcess = $true; Why = 'Export-OSStackTemplate writes local files (an existing one only with -Force)' }
        Receive    = @{ ShouldProcess = $true; Why = 'writes local files, which may replace some; Receive-OSVolumeTransfer takes a volume into the project' }
        Restore    = @{ ShouldProcess = $true; Why = 'Restore-OSVolumeBackup creates a volume or overwrites one with a backup''s data' }
        Disconnect = @{ ShouldProcess = $true; Why = 'closes connections that $DefaultOSCloud and scripts in the session use' }
        Invoke     = @{ ShouldProcess = $true; Why = 'Invoke-OSApiRequest sends any method, DELETE too' }
        Move       = @{ ShouldProcess = $true; Why = 'Move-OSServer migrates servers to another compute host, which restarts a cold-migrated one' }
        Import     = @{ ShouldProcess = $true; Why = 'Import-OSVApp creates images, volumes, ports and a server from an OVF/OVA' }
        Get        = @{ ShouldProcess = $false; Why = 'reads only' }
        Test       = @{ ShouldProcess = $false; Why = 'Test-OSStackTemplate asks Heat to validate a template; nothing is created' }
        Connect    = @{ ShouldProcess = $false; Why = 'opens a connection in the session; nothing changes on the cloud' }
        Wait       = @{ ShouldProcess = $false; Why = 'Wait-OSTask waits for a task a cmdlet already started (that cmdlet had the -WhatIf)' }
    }
    # Remove- cmdlets that delete nothing, so they do not ask by default (ConfirmImpact Medium), and why.
    $script:LabelRemovals = @{
        'Remove-OSTag' = 'removes labels only: the resource stays, and Add-OSTag puts a label back'
    }
}

Describe 'Type names' {
    It '<Name>: every [OutputType] of the module has a type name in TypeNames.ByType' -ForEach $OutputTypes {
        (Get-Command $Name).OutputType | Should -Not -BeNullOrEmpty -Because "Get-Help's OUTPUTS and the pipeline's tab completion come from [OutputType]"
        @($Types | Where-Object { -not $Registry.ContainsKey($_) } | ForEach-Object FullName) | Should -BeNullOrEmpty -Because 'a type without a type name has no view: add it to TypeNames.ByType'
    }

    It '<Type> is registered under a TypeNames constant or its declared resource definition' -ForEach $RegisteredTypes {
        $constants = @([OpenStackOrchestrator.Infrastructure.TypeNames].GetFields() | Where-Object IsLiteral | ForEach-Object { $_.GetValue($null) })
        $definition = $Type.GetField('Definition', [System.Reflection.BindingFlags]'Public,Static')
        $declared = if ($definition) { $definition.GetValue($null).TypeName }
        $TypeName | Should -BeIn @($constants + $declared) -Because 'views, Update-TypeData and tests name types by the TypeNames constants or the resource''s Definition.TypeName'
        if ($declared) { $TypeName | Should -Be $declared -Because 'a declared resource''s type name is the one its definition gives' }
        @($Registry.GetEnumerator() | Where-Object { $_.Value -eq $TypeName } | ForEach-Object { $_.Key.FullName }) | Should -Be @($Type.FullName) -Because 'one type name is one type (its view''s columns are that type''s properties)'
    }

    It 'TypeNames.<Constant> has a TypeNames.ByType entry' -ForEach $Constants {
        $Registry.Values | Should -Contain $TypeName -Because 'a type name without its .NET type in ByType is checked by no view convention and silently loses its view'
    }
}

Describe 'Help examples' {
    It '<Name>: docs/cmdlets/<Name>.md has an example with code, and Get-Help <Name> shows its examples' -ForEach $Cmdlets {
        $path = Join-Path (Get-OsoRepoRoot) "docs/cmdlets/$Name.md"
        $path | Should -Exist -Because 'every exported cmdlet has its help in docs/cmdlets'
        $doc = [OpenStackOrchestrator.HelpBuilder.Markdown.CommandMarkdownReader]::ReadFile($path)
        $examples = @($doc.Examples | ForEach-Object { [pscustomobject]@{ Title = $_.Title; Code = (($_.Code -join "`n`n") -replace "`r`n", "`n").Trim() } })
        @($examples | Where-Object Code) | Should -Not -BeNullOrEmpty -Because "## EXAMPLES needs a '### Example 1: ...' with a code block"
        @($examples | Where-Object { $_.Code -match "(?<![\w-])$([regex]::Escape($Name))(?![\w-])" }) | Should -Not -BeNullOrEmpty -Because "an example shows $Name itself"
        $shown = @((Get-Help -Name $Name -Examples).examples.example | Where-Object { $_ })
        $shown.Count | Should -Be $examples.Count -Because 'Get-Help shows every example of the doc (build the solution to regenerate en-US/)'
        for ($i = 0; $i -lt $examples.Count; $i++) {
            ([string]$shown[$i].title).Trim(' ', '-') | Should -BeExactly $examples[$i].Title
            (([string]$shown[$i].code) -replace "`r`n", "`n").Trim() | Should -BeExactly $examples[$i].Code -Because "Get-Help shows the code of example $($i + 1)"
        }
    }
}

Describe 'Exports' {
    It '<Class> is a public [Cmdlet] named Verb+Noun+Command that the manifest exports' -ForEach $CmdletClasses {
        $Type.IsPublic | Should -BeTrue -Because 'PowerShell loads only public cmdlet classes'
        $attribute = $Type.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) | Select-Object -First 1
        $attribute | Should -Not -BeNullOrEmpty -Because 'a cmdlet class without [Cmdlet(...)] is not a command'
        $name = '{0}-{1}' -f $attribute.VerbName, $attribute.NounName
        $Type.Name | Should -BeExactly ($attribute.VerbName + $attribute.NounName + 'Command') -Because "$name's class is found by its name"
        $Manifest.CmdletsToExport | Should -Contain $name -Because 'OpenStackOrchestrator.psd1 CmdletsToExport lists every cmdlet'
        (Get-Command -Name $name -Module OpenStackOrchestrator -CommandType Cmdlet -ErrorAction SilentlyContinue).ImplementingType | Should -Be $Type
    }

    It 'finds the cmdlet classes of the assembly (the check above is not vacuous)' -ForEach @(@{ Classes = @($CmdletClasses.Class) }) {
        $Classes | Should -Contain 'OpenStackOrchestrator.Cmdlets.Networking.NewOSPortCommand'
    }

    It '<Name> is not the name of a PowerCLI command' -ForEach $ExportedNames {
        $PowerCLI | Should -Not -Contain $Name -Because 'PowerCLI and this module are loaded side by side; a shared name hides one of the commands'
    }

    It 'the PowerCLI list has the OSCustomization names the OS prefix could produce' {
        $PowerCLI.Count | Should -BeGreaterThan 50
        foreach ($verb in 'Get', 'New', 'Set', 'Remove') {
            $PowerCLI | Should -Contain "$verb-OSCustomizationSpec"
            $PowerCLI | Should -Contain "$verb-OSCustomizationNicMapping"
        }
    }
}

Describe 'Reference parameters' {
    It '<Command> -<Parameter> completes names and takes a name, an id or an object' -ForEach $ReferenceParameters {
        $attributes = (Get-Command $Command).Parameters[$Parameter].Attributes
        $completers = @($attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] })
        $completers | Should -HaveCount 1 -Because 'without [ArgumentCompleter], Tab completes file names'
        $completers[0].Type | Should -Not -BeNullOrEmpty -Because 'the module completes with its cached completer classes, not script blocks'
        $completers[0].Type.Assembly | Should -Be $ModuleAssembly

        $transformations = @($attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentTransformationAttribute] })
        $transformations | Should -Not -BeNullOrEmpty -Because 'without [ResourceReferenceTransformation], an object from a Get- cmdlet does not bind'
        $byName = 'oso-conventions-name'
        $byObject = [pscustomobject]@{ Id = '7c0a1ee1-0000-4000-8000-000000000001'; Name = 'oso-conventions-object' }
        foreach ($transformation in $transformations) {
            $byName = $transformation.Transform($ExecutionContext, $byName)
            $byObject = $transformation.Transform($ExecutionContext, $byObject)
        }
        $byName | Should -BeOfType ([OpenStackOrchestrator.Infrastructure.ResourceReference])
        $byName.Text | Should -BeExactly 'oso-conventions-name' -Because 'text is a name or an id, resolved on the cloud'
        $byObject | Should -BeOfType ([OpenStackOrchestrator.Infrastructure.ResourceReference])
        $byObject.Id | Should -BeExactly '7c0a1ee1-0000-4000-8000-000000000001' -Because 'an object is used by its id, with no lookup'
        $byObject.Name | Should -BeExactly 'oso-conventions-object'
    }

    It 'finds the reference parameters (the check above is not vacuous)' -ForEach @(@{ Found = @($ReferenceParameters | ForEach-Object { "$($_.Command) -$($_.Parameter)" }) }) {
        $Found | Should -Contain 'New-OSPort -Network'
        $Found | Should -Contain 'New-OSPort -SecurityGroup' -Because 'ResourceReference[] parameters count too'
    }
}

Describe '-WhatIf and -Confirm' {
    It '<Name> follows the -WhatIf convention of its verb <Verb>' -ForEach $Cmdlets {
        $VerbRules.Keys | Should -Contain $Verb -Because "no one has decided whether $Verb changes state: add it to `$VerbRules in Conventions.Tests.ps1 with the reason"
        $attribute = (Get-Command $Name).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) | Select-Object -First 1
        $rule = $VerbRules[$Verb]
        if ($rule.ShouldProcess) {
            $attribute.SupportsShouldProcess | Should -BeTrue -Because "$Verb $($rule.Why): [Cmdlet(..., SupportsShouldProcess = true)] gives it -WhatIf and -Confirm"
        }
        if ($Verb -eq 'Remove' -and $LabelRemovals.ContainsKey($Name)) {
            $attribute.ConfirmImpact | Should -Be 'Medium' -Because "$Name $($LabelRemovals[$Name])"
        }
        elseif ($Verb -eq 'Remove') {
            $attribute.ConfirmImpact | Should -Be 'High' -Because "Remove $($rule.Why)"
        }
    }
}
