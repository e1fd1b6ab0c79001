using System.Management.Automation;
using OpenStackOrchestrator.Client.Database;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Database
{
    /// <summary>Trove datastores (database engines) with their versions, by name (wildcards) or id.</summary>
    [Cmdlet(VerbsCommon.Get, "OSDatabaseDatastore", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(DatabaseDatastore))]
    public sealed class GetOSDatabaseDatastoreCommand : OSResourceGetCmdlet<DatabaseDatastore>
    {
        protected override ResourceDefinition<DatabaseDatastore> Definition => DatabaseDatastore.Definition;
    }
}
