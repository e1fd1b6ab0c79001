using System.Management.Automation;
using OpenStackOrchestrator.Client.Database;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Database
{
    /// <summary>Trove database instances by name (wildcards) or id.</summary>
    [Cmdlet(VerbsCommon.Get, "OSDatabaseInstance", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(DatabaseInstance))]
    public sealed class GetOSDatabaseInstanceCommand : OSResourceGetCmdlet<DatabaseInstance>
    {
        protected override ResourceDefinition<DatabaseInstance> Definition => DatabaseInstance.Definition;
    }
}
