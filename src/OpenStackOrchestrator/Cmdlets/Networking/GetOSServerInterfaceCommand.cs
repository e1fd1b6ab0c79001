using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Get-OSServerInterface: the NICs of servers (PowerCLI's Get-NetworkAdapter), from Nova's os-interface.</summary>
    [Cmdlet(VerbsCommon.Get, "OSServerInterface")]
    [OutputType(typeof(ServerInterface))]
    public sealed class GetOSServerInterfaceCommand : OSCloudCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [FilterReferenceTransformation(typeof(Client.Compute.Server))]
        [ArgumentCompleter(typeof(ServerNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? VM { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var reference in VM!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null)
                    continue;
                Try(reference.ToString(), () =>
                {
                    foreach (var nic in Run(async ct =>
                    {
                        var (id, name) = reference.Id != null && (reference.Cloud == null || ReferenceEquals(reference.Cloud, cloud))
                            ? (reference.Id, reference.Name)
                            : await ResolveAsync(cloud, reference.Text, ct).ConfigureAwait(false);
                        return await cloud.Compute.ListServerInterfacesAsync(id, name, ct).ConfigureAwait(false);
                    }))
                        WriteTyped(nic, TypeNames.ServerInterface);
                });
            }
        }

        private static async Task<(string Id, string? Name)> ResolveAsync(CloudConnection cloud, string nameOrId, CancellationToken ct)
        {
            var server = await cloud.Compute.ResolveServerAsync(nameOrId, ct).ConfigureAwait(false);
            return (server.Id, server.Name);
        }
    }
}
