using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets
{
    /// <summary>Disconnect-OSCloud: revokes the token and forgets the connection.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "OSCloud", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class DisconnectOSCloudCommand : OSCmdlet
    {
        /// <summary>Connections or their names; "*" for all. Default: $DefaultOSCloud.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [Alias("Server")]
        [CloudTransformation]
        [ArgumentCompleter(typeof(Completion.ConnectionNameCompleter))]
        [ValidateNotNullOrEmpty]
        public CloudConnection[]? Cloud { get; set; }

        protected override void ProcessRecord()
        {
            var targets = Cloud;
            if (targets == null || targets.Length == 0)
            {
                var current = ConnectionRegistry.Default(this);
                if (current == null)
                {
                    WriteError(ErrorRecords.From(new NotConnectedException("There is no default connection to disconnect."), null));
                    return;
                }
                targets = new[] { current };
            }
            foreach (var connection in targets.Distinct())
            {
                if (!ShouldProcess(connection.ToString(), "Disconnect and revoke the token"))
                    continue;
                Try(connection, () =>
                {
                    try
                    {
                        Run(ct => connection.DisconnectAsync(ct));
                    }
                    finally
                    {
                        ConnectionRegistry.Remove(this, connection);
                    }
                });
            }
        }
    }
}
