using System.Management.Automation;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Cmdlets.Tags
{
    /// <summary>Add-OSTag: tags servers, networks, subnets, ports, routers, security groups, floating IPs and projects (PowerCLI's
    /// New-TagAssignment). Tags already there stay; the objects' other tags are kept.</summary>
    [Cmdlet(VerbsCommon.Add, "OSTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Client.Compute.Server), typeof(Client.Networking.Network), typeof(Client.Networking.Subnet), typeof(Client.Networking.Port),
        typeof(Client.Networking.Router), typeof(Client.Networking.SecurityGroup), typeof(Client.Networking.FloatingIP))]
    public sealed class AddOSTagCommand : TagCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [Infrastructure.ValidateTag]
        public string[]? Tag { get; set; }

        protected override void ProcessRecord() =>
            ForEachObject(kind => $"Add {Quoted(Tag!)} to {kind}", (cloud, definition, id, ct) => cloud.AddTagsAsync(definition, id, Tag!, ct));
    }
}
