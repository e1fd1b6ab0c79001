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
        /// <summary>The connection(s) to use, as PowerCLI's -Server (its alias).</summary>
        [Parameter]
        [Alias("Server")]
        [CloudTransformation]
        [ArgumentCompleter(typeof(Completion.ConnectionNameCompleter))]
        [ValidateNotNullOrEmpty]
        public CloudConnection[]? Cloud { get; set; }

        /// <summary>True for cmdlets that read and may run against every default cloud at once.</summary>
        protected virtual bool UsesAllDefaultClouds => false;

        /// <summary>The connections to act on; writes an error and returns none when there is no connection.</summary>
        protected IReadOnlyList<CloudConnection> TargetClouds()
        {
            BoundText.Check(this);
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
                "You are not connected to any cloud. " + (ConnectionRegistry.Connections.Count == 0 ? ConnectionRegistry.OtherProcessHint : "Run Connect-OSCloud, or pass -Cloud.")), null));
            return new CloudConnection[0];
        }

        /// <summary>Exactly one connection (for cmdlets that act on one cloud): the one given, or $DefaultOSCloud.
        /// Several given (a wildcard name matching more than one) is an error listing them.</summary>
        protected CloudConnection? TargetCloud()
        {
            var clouds = TargetClouds();
            if (clouds.Count > 1)
            {
                WriteError(ErrorRecords.From(new AmbiguousNameException("connection", "-Cloud",
                    clouds.Select(c => $"{c.Name} ({c.Id})").ToList()), Cloud));
                return null;
            }
            return clouds.FirstOrDefault();
        }
    }
}
