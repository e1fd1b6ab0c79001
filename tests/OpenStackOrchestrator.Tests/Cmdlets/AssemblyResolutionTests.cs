using System.IO;
using System.Linq;
using OpenStackOrchestrator.Tests.Hosting;
using Xunit;

namespace OpenStackOrchestrator.Tests.Cmdlets
{
    /// <summary>The Windows PowerShell 5.1 binding fix, checked as decisions against the real module folder.</summary>
    public class AssemblyResolutionTests
    {
        private static string? Decide(ModuleSession session, string requestedName)
        {
            var result = session.Run(
                "$m = (Get-Module OpenStackOrchestrator).ModuleBase; " +
                $"[OpenStackOrchestrator.Infrastructure.AssemblyResolution]::Decide([Reflection.AssemblyName]::new('{requestedName}'), $m, " +
                "[Func[string, Reflection.AssemblyName]] { param($p) [OpenStackOrchestrator.Infrastructure.AssemblyResolution]::ReadName($p) })")
                .AssertNoErrors();
            return result.Output.SingleOrDefault()?.BaseObject as string;
        }

        [Fact]
        public void An_older_polyfill_version_is_served_from_the_module_folder()
        {
            using var session = new ModuleSession();
            var path = Decide(session, "System.Runtime.CompilerServices.Unsafe, Version=4.0.4.1, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a");
            Assert.Equal(Path.Combine(ModuleSession.ModuleDirectory, "System.Runtime.CompilerServices.Unsafe.dll"), Path.GetFullPath(path!));
        }

        [Fact]
        public void A_newer_version_than_the_module_ships_is_left_to_the_runtime()
        {
            using var session = new ModuleSession();
            Assert.Null(Decide(session, "System.Text.Json, Version=99.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51"));
        }

        [Fact]
        public void A_different_public_key_token_is_not_served()
        {
            using var session = new ModuleSession();
            Assert.Null(Decide(session, "System.Memory, Version=4.0.1.0, Culture=neutral, PublicKeyToken=0000000000000001"));
        }

        [Fact]
        public void Assemblies_the_module_does_not_ship_and_odd_names_are_not_served()
        {
            using var session = new ModuleSession();
            Assert.Null(Decide(session, "Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed"));
            Assert.Null(Decide(session, "VMware.Vim, Version=1.0.0.0"));
        }
    }
}
