using System;
using System.IO;
using System.Linq;
using OpenStackOrchestrator.Tests.Hosting;
using Xunit;

namespace OpenStackOrchestrator.Tests.Cmdlets
{
    public class ModuleLoadingTests
    {
        [Fact]
        public void Import_loads_the_cmdlets_from_the_built_module_folder_not_from_the_test_bin()
        {
            using var session = new ModuleSession();
            var dll = session.Run("(Get-Command Get-OSFlavor).DLL").AssertNoErrors().Output.Single().BaseObject as string;
            Assert.Equal(Path.GetFullPath(Path.Combine(ModuleSession.ModuleDirectory, "OpenStackOrchestrator.dll")), Path.GetFullPath(dll!));
        }

        [Fact]
        public void The_manifest_exports_exactly_the_cmdlets_the_assembly_defines()
        {
            using var session = new ModuleSession();
            var exported = session.Run("(Get-Command -Module OpenStackOrchestrator).Name").AssertNoErrors().Output.Select(o => o.ToString()).OrderBy(n => n).ToArray();
            var defined = session.Run(@"
                (Get-Module OpenStackOrchestrator).ImplementingAssembly.GetTypes() |
                    Where-Object { -not $_.IsAbstract } |
                    ForEach-Object { $_.GetCustomAttributes([Management.Automation.CmdletAttribute], $false) } |
                    ForEach-Object { '{0}-{1}' -f $_.VerbName, $_.NounName }").AssertNoErrors().Output.Select(o => o.ToString()).OrderBy(n => n).ToArray();
            Assert.NotEmpty(defined);
            Assert.Equal(defined, exported);
        }

        [Fact]
        public void No_exported_name_collides_with_PowerCLI_OSCustomization_cmdlets()
        {
            using var session = new ModuleSession();
            var names = session.Run("(Get-Command -Module OpenStackOrchestrator).Name").Output.Select(o => o.ToString()).ToArray();
            Assert.DoesNotContain(names, n => n.Contains("-OSCustomization", StringComparison.OrdinalIgnoreCase));
            Assert.All(names, n => Assert.Matches("^[A-Z][a-z]+-OS[A-Z]", n));
        }

        [Fact]
        public void The_manifest_passes_Test_ModuleManifest()
        {
            using var session = new ModuleSession(importModule: false);
            var result = session.Run($"Test-ModuleManifest -Path '{ModuleSession.Manifest}'").AssertNoErrors();
            Assert.Equal("OpenStackOrchestrator", result.Output.Single().Properties["Name"].Value);
        }

        [Fact]
        public void Module_folder_ships_no_reference_System_Management_Automation()
        {
            Assert.False(File.Exists(Path.Combine(ModuleSession.ModuleDirectory, "System.Management.Automation.dll")));
        }
    }
}
