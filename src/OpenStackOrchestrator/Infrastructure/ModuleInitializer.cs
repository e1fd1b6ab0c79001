using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>Hooks assembly resolution for the module's own dependencies while the module is loaded
    /// (see <see cref="AssemblyResolution"/>). On PowerShell 7 binding rarely fails, so it is a no-op there.</summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string ModuleFolder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? "";

        public void OnImport()
        {
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
            ModuleSettings.Reload();
        }

        public void OnRemove(PSModuleInfo psModuleInfo) => AppDomain.CurrentDomain.AssemblyResolve -= Resolve;

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var path = AssemblyResolution.Decide(new AssemblyName(args.Name), ModuleFolder, AssemblyResolution.ReadName);
            return path == null ? null : Assembly.LoadFrom(path);
        }
    }
}
