using System.Management.Automation;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Cmdlets.Tags
{
    /// <summary>Remove-OSTag: removes tags (or, with -All, every tag) from servers, networks, subnets, ports, routers,
    /// security groups and floating IPs (PowerCLI's Remove-TagAssignment). ConfirmImpact Medium, not the High of the
    /// module's deletes: only a label goes, the resource stays, and Add-OSTag puts it back.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "Tag")]
    [OutputType(typeof(Client.Compute.Server), typeof(Client.Networking.Network), typeof(Client.Networking.Subnet), typeof(Client.Networking.Port),
        typeof(Client.Networking.Router), typeof(Client.Networking.SecurityGroup), typeof(Client.Networking.FloatingIP))]
    public sealed class RemoveOSTagCommand : TagCmdlet
    {
        /// <summary>The tags to remove; one the object does not have is no error.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Tag")]
        [ValidateNotNullOrEmpty]
        [Infrastructure.ValidateTag]
        public string[]? Tag { get; set; }

        /// <summary>Removes every tag of the objects.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "All")]
        public SwitchParameter All { get; set; }

        protected override void ProcessRecord()
        {
            if (All)
                ForEachObject(kind => $"Remove all tags from {kind}", (cloud, definition, id, ct) => cloud.RemoveAllTagsAsync(definition, id, ct));
            else
                ForEachObject(kind => $"Remove {Quoted(Tag!)} from {kind}", (cloud, definition, id, ct) => cloud.RemoveTagsAsync(definition, id, Tag!, ct));
        }
    }
}
