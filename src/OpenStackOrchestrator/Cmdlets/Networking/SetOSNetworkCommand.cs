using System.Management.Automation;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Set-OSNetwork: renames a network or changes its external, shared, MTU and port security settings.</summary>
    [Cmdlet(VerbsCommon.Set, "OSNetwork", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Client.Networking.Network))]
    public sealed class SetOSNetworkCommand : NeutronCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Network { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        public string? Description { get; set; }

        [Parameter]
        public bool? External { get; set; }

        [Parameter]
        public bool? Shared { get; set; }

        [Parameter]
        [ValidateRange(68, 65535)]
        public int? Mtu { get; set; }

        [Parameter]
        public bool? PortSecurityEnabled { get; set; }

        protected override void ProcessRecord()
        {
            var update = new NetworkUpdate
            {
                Name = Name, Description = Description, IsExternal = External, IsShared = Shared, Mtu = Mtu, PortSecurityEnabled = PortSecurityEnabled,
            };
            foreach (var reference in Network!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null || !ShouldProcessResolved(reference.ToString(), ct => reference.NetworkIdAsync(cloud, ct), $"{reference} on {cloud.Name}", "Change network"))
                    continue;
                Act(reference.ToString(), () => WriteTyped(Run(async ct =>
                {
                    var id = await reference.NetworkIdAsync(cloud, ct).ConfigureAwait(false);
                    return await cloud.Network.UpdateNetworkAsync(id, update, ct).ConfigureAwait(false);
                })));
            }
        }
    }
}
