using System.Management.Automation;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Add-OSRouterInterface: connects subnets to a router (through their gateway address) or existing ports;
    /// writes the router's new ports.</summary>
    [Cmdlet(VerbsCommon.Add, "OSRouterInterface", DefaultParameterSetName = SubnetSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Port))]
    public sealed class AddOSRouterInterfaceCommand : NeutronCmdlet
    {
        internal const string SubnetSet = "Subnet";
        internal const string PortSet = "Port";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(RouterNameCompleter))]
        [ValidateNotNull]
        public ResourceReference? Router { get; set; }

        [Parameter(ParameterSetName = SubnetSet, Mandatory = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(SubnetNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Subnet { get; set; }

        [Parameter(ParameterSetName = PortSet, Mandatory = true)]
        [ResourceReferenceTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PortNameCompleter))]
        public ResourceReference[]? Port { get; set; }

        protected override void ProcessRecord()
        {
            var cloud = Router!.Cloud ?? TargetCloud();
            if (cloud == null)
                return;
            foreach (var target in Subnet ?? Port!)
            {
                var kind = Subnet != null ? "subnet" : "port";
                if (!ShouldProcessResolved(target.ToString(), async ct =>
                    {
                        await Router.RouterIdAsync(cloud, ct).ConfigureAwait(false);
                        await (Subnet != null ? target.SubnetIdAsync(cloud, ct) : target.PortIdAsync(cloud, ct)).ConfigureAwait(false);
                    }, $"{Router} on {cloud.Name}", $"Add interface on {kind} {target}"))
                    continue;
                Act(target.ToString(), () => WriteTyped(Run(async ct =>
                {
                    var routerId = await Router.RouterIdAsync(cloud, ct).ConfigureAwait(false);
                    var portId = Subnet != null
                        ? await cloud.Network.AddRouterInterfaceAsync(routerId, await target.SubnetIdAsync(cloud, ct).ConfigureAwait(false), null, ct).ConfigureAwait(false)
                        : await cloud.Network.AddRouterInterfaceAsync(routerId, null, await target.PortIdAsync(cloud, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
                    return await cloud.Network.GetPortAsync(portId, ct).ConfigureAwait(false);
                })));
            }
        }
    }
}
