# The built module as PowerShell sees it, no cloud needed.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $manifest = Get-OsoModulePath
    Import-Module $manifest -ErrorAction Stop
    $exported = @((Get-Module OpenStackOrchestrator).ExportedCommands.Keys)
    # The cmdlets fall back to these globals for the connection; hide the caller's own connections meanwhile.
    $savedDefaultClouds = $global:DefaultOSClouds
    $savedDefaultCloud = $global:DefaultOSCloud
    $global:DefaultOSClouds = $null
    $global:DefaultOSCloud = $null
}

AfterAll {
    $global:DefaultOSClouds = $savedDefaultClouds
    $global:DefaultOSCloud = $savedDefaultCloud
}

Describe 'Module manifest' {
    It 'passes Test-ModuleManifest for both PowerShell editions' {
        $info = Test-ModuleManifest $manifest -ErrorAction Stop
        $info.Name | Should -Be 'OpenStackOrchestrator'
        $info.RootModule | Should -Be 'OpenStackOrchestrator.dll'
        $info.CompatiblePSEditions | Should -Contain 'Desktop'
        $info.CompatiblePSEditions | Should -Contain 'Core'
    }

    It 'exports exactly the cmdlets the manifest lists' {
        $listed = @((Test-ModuleManifest $manifest -ErrorAction Stop).ExportedCmdlets.Keys)
        $listed | Should -Not -BeNullOrEmpty
        $exported.Where({ $_ -notin $listed }) | Should -BeNullOrEmpty -Because 'every exported command is declared'
        $listed.Where({ $_ -notin $exported }) | Should -BeNullOrEmpty -Because 'every declared cmdlet is exported'
    }
}

Describe 'Module loading' {
    It 'loads the cmdlets from the built module folder' {
        $dll = (Get-Command Get-OSFlavor).DLL
        [System.IO.Path]::GetFullPath($dll) | Should -Be ([System.IO.Path]::GetFullPath((Join-Path (Split-Path $manifest) 'OpenStackOrchestrator.dll')))
    }

    It 'exports exactly the cmdlets the assembly defines' {
        $defined = @((Get-Module OpenStackOrchestrator).ImplementingAssembly.GetTypes() |
            Where-Object { -not $_.IsAbstract } |
            ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
            ForEach-Object { '{0}-{1}' -f $_.VerbName, $_.NounName } | Sort-Object)
        $defined | Should -Not -BeNullOrEmpty
        @((Get-Command -Module OpenStackOrchestrator).Name | Sort-Object) | Should -Be $defined
    }

    It 'names every command Verb-OSNoun' {
        $exported.Where({ $_ -cnotmatch '^[A-Z][a-z]+-OS[A-Z]' }) | Should -BeNullOrEmpty
    }

    It 'ships no reference System.Management.Automation.dll' {
        Join-Path (Split-Path $manifest) 'System.Management.Automation.dll' | Should -Not -Exist
    }
}

Describe 'Exported commands' {
    It 'exports <Command>' -TestCases @(
        @{ Command = 'Connect-OSCloud' }, @{ Command = 'Disconnect-OSCloud' }, @{ Command = 'Get-OSCloud' },
        @{ Command = 'Get-OSFlavor' }, @{ Command = 'Get-OSImage' }, @{ Command = 'Get-OSServer' }, @{ Command = 'Invoke-OSApiRequest' }
    ) {
        $exported | Should -Contain $Command
        (Get-Command $Command).CommandType | Should -Be 'Cmdlet'
    }

    It 'exports no name that PowerCLI already uses (<Pattern>)' -TestCases @(
        @{ Pattern = '*-OSCustomizationSpec' }, @{ Pattern = '*-OSCustomizationNicMapping' }, @{ Pattern = '*-OSCustomization*' }
    ) {
        $exported.Where({ $_ -like $Pattern }) | Should -BeNullOrEmpty
    }

    It '<Command> supports -WhatIf and -Confirm' -TestCases @(
        @{ Command = 'Disconnect-OSCloud' }, @{ Command = 'Invoke-OSApiRequest' }
    ) {
        (Get-Command $Command).Parameters.ContainsKey('WhatIf') | Should -BeTrue
        (Get-Command $Command).Parameters.ContainsKey('Confirm') | Should -BeTrue
    }

    It 'every cmdlet that may change state (not Get-/Connect-/Wait-/Test-) supports -WhatIf' {
        $exported.Where({ $_ -notlike 'Get-*' -and $_ -notlike 'Connect-*' -and $_ -notlike 'Wait-*' -and $_ -notlike 'Test-*' -and -not (Get-Command $_).Parameters.ContainsKey('WhatIf') }) |
            Should -BeNullOrEmpty
    }
}

Describe 'Without a connection' {
    It '<Command> fails with NotConnected and says to run Connect-OSCloud' -TestCases @(
        @{ Command = 'Get-OSFlavor' }, @{ Command = 'Get-OSImage' }, @{ Command = 'Get-OSServer' }
    ) {
        $thrown = { & $Command -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected,*' -ExpectedMessage '*Connect-OSCloud*' -PassThru
        $thrown.CategoryInfo.Category | Should -Be 'ConnectionError'
    }

    It 'Get-OSCloud lists no connection and writes no error' {
        Get-OSCloud -ErrorAction Stop | Should -BeNullOrEmpty
    }
}
