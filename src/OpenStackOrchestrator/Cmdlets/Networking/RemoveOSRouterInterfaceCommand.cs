using System.Management.Automation;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Remove-OSRouterInterface: disconnects subnets or ports from a router; Neutron deletes the router's port
    /// with the interface, also one that was given with Add-OSRouterInterface -Port.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSRouterInterface", DefaultParameterSetName = AddOSRouterInterfaceCommand.SubnetSet, SupportsShouldProcess = true,
        ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSRouterInterfaceCommand : NeutronCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(RouterNameCompleter))]
        [ValidateNotNull]
        public ResourceReference? Router { get; set; }

        [Parameter(ParameterSetName = AddOSRouterInterfaceCommand.SubnetSet, Mandatory = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(SubnetNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Subnet { get; set; }

        [Parameter(ParameterSetName = AddOSRouterInterfaceCommand.PortSet, Mandatory = true)]
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
                    }, $"{Router} on {cloud.Name}", $"Remove interface on {kind} {target}"))
                    continue;
                Act(target.ToString(), () => Run(async ct =>
                {
                    var routerId = await Router.RouterIdAsync(cloud, ct).ConfigureAwait(false);
                    if (Subnet != null)
                        await cloud.Network.RemoveRouterInterfaceAsync(routerId, await target.SubnetIdAsync(cloud, ct).ConfigureAwait(false), null, ct).ConfigureAwait(false);
                    else
                        await cloud.Network.RemoveRouterInterfaceAsync(routerId, null, await target.PortIdAsync(cloud, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
                }));
            }
        }
    }
}
