using System.Management.Automation;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>New-OSRouter: creates a router, with its gateway on an external network when one is given.</summary>
    [Cmdlet(VerbsCommon.New, "OSRouter", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Router))]
    public sealed class NewOSRouterCommand : NeutronCreateCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The external network for the router's gateway (name, id or object).</summary>
        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        [ValidateNotNull]
        public ResourceReference? ExternalNetwork { get; set; }

        /// <summary>No source NAT on the gateway (an administrator's setting by default policy).</summary>
        [Parameter]
        public SwitchParameter DisableSnat { get; set; }

        [Parameter]
        public string? Description { get; set; }

        /// <summary>The project that owns the new router, by name or id (an admin creating for another project).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Project { get; set; }

        protected override void ProcessRecord()
        {
            var cloud = ExternalNetwork?.Cloud ?? TargetCloud();
            if (cloud == null || !ShouldProcessResolved(Name, ct => ResolveOwnerProjectAsync(cloud, Project, ct), $"{Name}{ForProject(Project)} on {cloud.Name}", "Create router"))
                return;
            Act(Name, () =>
            {
                if (DisableSnat && ExternalNetwork == null)
                    throw new System.ArgumentException("-DisableSnat applies to the gateway: give -ExternalNetwork too.");
                WriteCreated(cloud, Router.Definition, async ct => await cloud.Network.CreateRouterAsync(new RouterCreateRequest
                {
                    Name = Name!,
                    Description = Description,
                    ExternalNetworkId = ExternalNetwork == null ? null : await ExternalNetwork.NetworkIdAsync(cloud, ct).ConfigureAwait(false),
                    SnatEnabled = DisableSnat ? false : (bool?)null,
                    ProjectId = OwnerProjectId,
                }, ct).ConfigureAwait(false));
            });
        }
    }
}
