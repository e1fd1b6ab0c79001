# The Windows PowerShell 5.1 binding fix (Infrastructure/AssemblyResolution.cs), checked as decisions against the
# real module folder: which requested assembly the module serves from its own folder. No cloud needed.

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    $moduleBase = (Get-Module OpenStackOrchestrator).ModuleBase
    function Get-ResolutionDecision([string] $RequestedName) {
        $readName = [Func[string, Reflection.AssemblyName]] { param($p) [OpenStackOrchestrator.Infrastructure.AssemblyResolution]::ReadName($p) }
        [OpenStackOrchestrator.Infrastructure.AssemblyResolution]::Decide([Reflection.AssemblyName]::new($RequestedName), $moduleBase, $readName)
    }
}

Describe 'Assembly resolution for Windows PowerShell 5.1' {
    It 'serves an older polyfill version from the module folder' {
        $path = Get-ResolutionDecision 'System.Runtime.CompilerServices.Unsafe, Version=4.0.4.1, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a'
        [IO.Path]::GetFullPath($path) | Should -Be (Join-Path $moduleBase 'System.Runtime.CompilerServices.Unsafe.dll')
    }

    It 'leaves a newer version than the module ships to the runtime' {
        Get-ResolutionDecision 'System.Text.Json, Version=99.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51' | Should -BeNullOrEmpty
    }

    It 'does not serve an assembly with a different public key token' {
        Get-ResolutionDecision 'System.Memory, Version=4.0.1.0, Culture=neutral, PublicKeyToken=0000000000000001' | Should -BeNullOrEmpty
    }

    It 'does not serve <Name>, which the module does not ship' -TestCases @(
        @{ Name = 'Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed' }
        @{ Name = 'VMware.Vim, Version=1.0.0.0' }
    ) {
        Get-ResolutionDecision $Name | Should -BeNullOrEmpty
    }
}
