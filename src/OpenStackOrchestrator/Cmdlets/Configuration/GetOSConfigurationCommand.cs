using System.Management.Automation;
using OpenStackOrchestrator.Client.Settings;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Configuration
{
    /// <summary>Get-OSConfiguration: the module's settings, as Get-PowerCLIConfiguration: the Session row is what new
    /// connections use, the User row what the user settings file holds.</summary>
    [Cmdlet(VerbsCommon.Get, "OSConfiguration")]
    [OutputType(typeof(OSConfiguration))]
    public sealed class GetOSConfigurationCommand : OSCmdlet
    {
        [Parameter(Position = 0)]
        [ValidateSet("Session", "User")]
        public string[]? Scope { get; set; }

        protected override void EndProcessing()
        {
            var store = ModuleSettings.Store;
            if (store.LoadProblem != null)
                WriteWarning(store.LoadProblem);
            foreach (var scope in Scope ?? new[] { "Session", "User" })
                WriteTyped(new OSConfiguration(store, scope == "User" ? SettingScope.User : SettingScope.Session));
        }
    }
}
