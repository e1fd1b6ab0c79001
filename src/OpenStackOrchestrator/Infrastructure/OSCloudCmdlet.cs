using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>Base of cmdlets that talk to a cloud: -Cloud takes connections (or their names); without it,
    /// Get- cmdlets use every default connection ($DefaultOSClouds) and others the newest ($DefaultOSCloud).</summary>
    public abstract class OSCloudCmdlet : OSCmdlet
    {
        /// <summary>The connection(s) to use, as PowerCLI's -Server.</summary>
        [Parameter]
        [CloudTransformation]
        [ValidateNotNullOrEmpty]
        public CloudConnection[]? Cloud { get; set; }

        /// <summary>True for cmdlets that read and may run against every default cloud at once.</summary>
        protected virtual bool UsesAllDefaultClouds => false;

        /// <summary>The connections to act on; writes an error and returns none when there is no connection.</summary>
        protected IReadOnlyList<CloudConnection> TargetClouds()
        {
            if (Cloud != null && Cloud.Length > 0)
                return Cloud;
            if (UsesAllDefaultClouds)
            {
                var defaults = ConnectionRegistry.Defaults(this);
                if (defaults.Count > 0)
                    return defaults;
            }
            else if (ConnectionRegistry.Default(this) is CloudConnection single)
            {
                return new[] { single };
            }
            WriteError(ErrorRecords.From(new NotConnectedException(
                "You are not connected to any cloud. Run Connect-OSCloud, or pass -Cloud."), null));
            return new CloudConnection[0];
        }

        /// <summary>Exactly one connection (for cmdlets that change things); the first one given or the default.</summary>
        protected CloudConnection? TargetCloud() => TargetClouds().FirstOrDefault();
    }
}
