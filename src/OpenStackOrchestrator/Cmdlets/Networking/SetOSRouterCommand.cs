using System.Management.Automation;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Set-OSRouter: renames a router, or sets or removes its gateway.</summary>
    [Cmdlet(VerbsCommon.Set, "OSRouter", DefaultParameterSetName = GatewaySet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Router))]
    public sealed class SetOSRouterCommand : NeutronCmdlet
    {
        private const string GatewaySet = "Gateway";
        private const string NoGatewaySet = "NoGateway";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(RouterNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Router { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        public string? Description { get; set; }

        /// <summary>Sets (or moves) the gateway to this external network.</summary>
        [Parameter(ParameterSetName = GatewaySet)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        [ValidateNotNull]
        public ResourceReference? ExternalNetwork { get; set; }

        /// <summary>Removes the gateway (floating IPs through the router stop working).</summary>
        [Parameter(ParameterSetName = NoGatewaySet, Mandatory = true)]
        public SwitchParameter NoExternalNetwork { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var reference in Router!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null || !ShouldProcessResolved(reference.ToString(), async ct =>
                    {
                        await reference.RouterIdAsync(cloud, ct).ConfigureAwait(false);
                        if (ExternalNetwork != null)
                            await ExternalNetwork.NetworkIdAsync(cloud, ct).ConfigureAwait(false);
                    }, $"{reference} on {cloud.Name}", NoExternalNetwork ? "Remove router gateway" : "Change router"))
                    continue;
                Act(reference.ToString(), () => WriteTyped(Run(async ct =>
                {
                    var update = new RouterUpdate { Name = Name, Description = Description, ClearExternalNetwork = NoExternalNetwork };
                    if (ExternalNetwork != null)
                        update.ExternalNetworkId = await ExternalNetwork.NetworkIdAsync(cloud, ct).ConfigureAwait(false);
                    var id = await reference.RouterIdAsync(cloud, ct).ConfigureAwait(false);
                    return await cloud.Network.UpdateRouterAsync(id, update, ct).ConfigureAwait(false);
                })));
            }
        }
    }
}
