# Install by name: tools/New-ModulePackage.ps1 (what build.ps1 -Package runs) makes a Gallery-format .nupkg of the
# built module; a user registers a folder repository holding it, runs Install-PSResource, and a new pwsh imports
# the module by name and lists flavors.
#
# The whole install runs under a throwaway HOME: there Install-PSResource's default CurrentUser
# scope writes to <HOME>/.local/share/powershell/Modules and pwsh puts that folder on its PSModulePath by itself,
# exactly as on a user's machine, so the test checks where the module lands and that pwsh finds it there without
# being told. The repository list (PSResourceRepository.xml) then also lives in that HOME: the user's own list is
# never touched, and two runs at once each have their own list and their own repository names.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $script:ModuleFolder = Split-Path (Get-OsoModulePath)
    $script:Version = (Import-PowerShellDataFile (Get-OsoModulePath)).ModuleVersion
    $script:Work = (New-Item -ItemType Directory -Path (Join-Path ([System.IO.Path]::GetTempPath()) (New-OsoName 'oso-install'))).FullName
    $script:Feed = Join-Path $Work 'feed'
    $script:UserHome = (New-Item -ItemType Directory -Path (Join-Path $Work 'home')).FullName
    $script:UserModules = Join-Path $UserHome '.local/share/powershell/Modules'
    $script:RepositoryList = Join-Path $UserHome '.local/share/PSResourceGet/PSResourceRepository.xml'
    $script:SavedEnvironment = @{}
    # HOME alone places the user's folders (XDG_* variables would override it, so they are cleared).
    $throwaway = @{ HOME = $UserHome; XDG_DATA_HOME = $null; XDG_CONFIG_HOME = $null; XDG_CACHE_HOME = $null }
    foreach ($name in $throwaway.Keys) {
        $SavedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $throwaway[$name])
    }

    $script:Packaging = Invoke-OsoPwsh -NoImport -TimeoutSec 300 -Script @"
`$ErrorActionPreference = 'Stop'
`$package = & '$(Join-Path (Get-OsoRepoRoot) 'tools/New-ModulePackage.ps1')' -ModulePath '$ModuleFolder' -OutputDirectory '$Feed'
"PACKAGE=`$(`$package.FullName)"
"@
    $script:Package = ($Packaging.Output | Where-Object { $_ -like 'PACKAGE=*' } | Select-Object -First 1) -replace '^PACKAGE='
}

AfterAll {
    foreach ($name in $SavedEnvironment.Keys) { [Environment]::SetEnvironmentVariable($name, $SavedEnvironment[$name]) }
    Remove-Item $Work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The module package' {
    BeforeAll {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $script:Entries = @()
        $script:Nuspec = $null
        if ($Package -and (Test-Path $Package)) {
            $zip = [System.IO.Compression.ZipFile]::OpenRead($Package)
            try {
                $script:Entries = @($zip.Entries.FullName | ForEach-Object { [uri]::UnescapeDataString($_) })
                $reader = [System.IO.StreamReader]::new(($zip.Entries | Where-Object FullName -EQ 'OpenStackOrchestrator.nuspec').Open())
                try { $script:Nuspec = [xml]$reader.ReadToEnd() } finally { $reader.Dispose() }
            }
            finally { $zip.Dispose() }
        }
    }

    It 'New-ModulePackage.ps1 writes OpenStackOrchestrator.<version>.nupkg' {
        $Packaging.ExitCode | Should -Be 0 -Because $Packaging.Errors
        $Package | Should -Be (Join-Path $Feed "OpenStackOrchestrator.$Version.nupkg")
        $Package | Should -Exist
    }

    It 'holds every file of the module folder: manifest, DLLs, the format file and the help MAML' {
        $Entries | Should -Contain 'OpenStackOrchestrator.psd1'
        $Entries | Should -Contain 'OpenStackOrchestrator.dll'
        $Entries | Should -Contain 'OpenStackOrchestrator.Client.dll'
        $Entries | Should -Contain 'OpenStackOrchestrator.format.ps1xml'
        $Entries | Should -Contain 'OpenStackOrchestrator.Resources.format.ps1xml'
        $Entries | Should -Contain 'en-US/OpenStackOrchestrator.dll-Help.xml'
        $Entries | Should -Contain 'en-US/about_OpenStackOrchestrator.help.txt'
        $files = Get-ChildItem $ModuleFolder -Recurse -File | ForEach-Object { [System.IO.Path]::GetRelativePath($ModuleFolder, $_.FullName).Replace('\', '/') }
        $files.Where({ $_ -notin $Entries }) | Should -BeNullOrEmpty -Because 'the package should hold the whole module folder'
    }

    It 'is in PowerShell Gallery format: a nuspec with the module''s id, version, description, PSModule and PSEdition tags' {
        $metadata = $Nuspec.package.metadata
        $metadata.id | Should -Be 'OpenStackOrchestrator'
        $metadata.version | Should -Be $Version
        $metadata.description | Should -Not -BeNullOrEmpty
        $metadata.tags -split ' ' | Should -Contain 'PSModule'
        $metadata.tags -split ' ' | Should -Contain 'PSEdition_Core'
        $metadata.tags -split ' ' | Should -Contain 'PSEdition_Desktop'
    }

    It 'leaves no repository of its own registered' {
        $RepositoryList | Should -Exist -Because 'PSResourceGet keeps its repository list in the throwaway HOME'
        Get-Content $RepositoryList -Raw | Should -Not -Match 'oso-package-'
    }
}

Describe 'Install-PSResource OpenStackOrchestrator from a local folder repository' {
    BeforeAll {
        $script:Repository = New-OsoName 'oso-local'
        $script:ListBefore = Get-Content $RepositoryList -Raw -ErrorAction SilentlyContinue
        $script:Install = Invoke-OsoPwsh -NoImport -TimeoutSec 300 -Script @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name '$Repository' -Uri '$Feed' -Trusted
try {
    `$installed = Install-PSResource -Name OpenStackOrchestrator -Repository '$Repository' -PassThru
    "INSTALLED=`$(`$installed.Name) `$(`$installed.Version) `$(`$installed.InstalledLocation)"
}
finally { Unregister-PSResourceRepository -Name '$Repository' }
"@
        $script:InstalledFolder = Join-Path $UserModules "OpenStackOrchestrator/$Version"
    }

    It 'installs the module into the user''s module folder, help and formats included' {
        $Install.ExitCode | Should -Be 0 -Because $Install.Errors
        $Install.Output | Should -Contain "INSTALLED=OpenStackOrchestrator $Version $UserModules"
        Join-Path $InstalledFolder 'OpenStackOrchestrator.psd1' | Should -Exist
        Join-Path $InstalledFolder 'OpenStackOrchestrator.format.ps1xml' | Should -Exist
        Join-Path $InstalledFolder 'OpenStackOrchestrator.Resources.format.ps1xml' | Should -Exist
        Join-Path $InstalledFolder 'en-US/OpenStackOrchestrator.dll-Help.xml' | Should -Exist
    }

    It 'leaves the repository list as it was once the repository is unregistered' {
        $ListBefore | Should -Not -BeNullOrEmpty
        Get-Content $RepositoryList -Raw | Should -Be $ListBefore
    }

    It 'is imported by name in a new pwsh, from where it was installed, with its help' {
        $run = Invoke-OsoPwsh -NoImport -Script @'
Import-Module OpenStackOrchestrator -ErrorAction Stop
"BASE=$((Get-Module OpenStackOrchestrator).ModuleBase)"
"CMDLETS=$((Get-Command -Module OpenStackOrchestrator).Count)"
"SYNOPSIS=$((Get-Help Get-OSFlavor).Synopsis)"
'@
        $run.ExitCode | Should -Be 0 -Because $run.Errors
        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Should -Contain "BASE=$InstalledFolder"
        $exported = @((Import-PowerShellDataFile (Get-OsoModulePath)).CmdletsToExport).Count
        $run.Output | Should -Contain "CMDLETS=$exported"
        # Without its MAML, Get-Help would make a synopsis up from the syntax.
        $synopsis = [regex]::Match((Get-Content (Join-Path (Get-OsoRepoRoot) 'docs/cmdlets/Get-OSFlavor.md') -Raw), '## SYNOPSIS\r?\n(.+)').Groups[1].Value.Trim()
        $run.Output | Should -Contain "SYNOPSIS=$synopsis"
    }

    It 'lists flavors of the local cloud after Import-Module by name' -Tag Cloud -Skip:([bool]$NoCloud) {
        $run = Invoke-OsoPwsh -NoImport -Script @'
Import-Module OpenStackOrchestrator -ErrorAction Stop
$null = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
Get-OSFlavor m1.tiny -ErrorAction Stop | Format-Table | Out-String -Width 200
'@
        $run.ExitCode | Should -Be 0 -Because $run.Errors
        $run.Errors | Should -BeNullOrEmpty
        $run.Text | Should -Match '(?m)^m1\.tiny\s+1\s'
    }
}
