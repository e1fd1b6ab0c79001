using System.Management.Automation;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Get-OSServerGroup: Nova server groups (affinity and anti-affinity rules) by name (wildcards) or id.</summary>
    [Cmdlet(VerbsCommon.Get, "OSServerGroup", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(ServerGroup))]
    public sealed class GetOSServerGroupCommand : OSResourceGetCmdlet<ServerGroup>
    {
        protected override ResourceDefinition<ServerGroup> Definition => ServerGroup.Definition;

        /// <summary>The groups of every project (an admin's view).</summary>
        [Parameter(ParameterSetName = "Name")]
        public SwitchParameter AllProjects { get; set; }

        protected override bool Filter(ListQuery query)
        {
            query.Filter("AllProjects", AllProjects ? "True" : null);
            return true;
        }
    }
}
