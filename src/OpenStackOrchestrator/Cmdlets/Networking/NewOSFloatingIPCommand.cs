using System.Management.Automation;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>New-OSFloatingIP: allocates a floating IP from an external network, optionally associated with a port at once.</summary>
    [Cmdlet(VerbsCommon.New, "OSFloatingIP", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(FloatingIP))]
    public sealed class NewOSFloatingIPCommand : NeutronCreateCmdlet
    {
        /// <summary>The external network; without it, the cloud's only external network.</summary>
        [Parameter(Position = 0)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        [ValidateNotNull]
        public ResourceReference? Network { get; set; }

        /// <summary>A particular address of the network (an administrator's choice by default policy).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Address { get; set; }

        /// <summary>Associate the new address with this port at once.</summary>
        [Parameter]
        [ResourceReferenceTransformation]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(PortNameCompleter))]
        public ResourceReference? Port { get; set; }

        [Parameter]
        public string? Description { get; set; }

        protected override void ProcessRecord()
        {
            var cloud = Network?.Cloud ?? Port?.Cloud ?? TargetCloud();
            if (cloud == null || !ShouldProcessResolved(Network?.ToString() ?? Address, async ct =>
                {
                    if (Network != null)
                        await Network.NetworkIdAsync(cloud, ct).ConfigureAwait(false);
                    if (Port != null)
                        await Port.PortIdAsync(cloud, ct).ConfigureAwait(false);
                }, $"{Network?.ToString() ?? "the external network"} on {cloud.Name}", "Allocate floating IP"))
                return;
            Act(Network?.ToString() ?? Address, () => WriteCreated(cloud, FloatingIP.Definition, async ct =>
            {
                var networkId = await ExternalNetworks.IdAsync(Network, cloud, ct).ConfigureAwait(false);
                var portId = Port == null ? null : await Port.PortIdAsync(cloud, ct).ConfigureAwait(false);
                return await cloud.Network.CreateFloatingIPAsync(networkId, Address, portId, Description, ct).ConfigureAwait(false);
            }));
        }
    }
}
