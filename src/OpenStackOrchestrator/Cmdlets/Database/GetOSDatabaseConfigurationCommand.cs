using System.Management.Automation;
using OpenStackOrchestrator.Client.Database;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Database
{
    /// <summary>Trove configuration groups by name (wildcards) or id.</summary>
    [Cmdlet(VerbsCommon.Get, "OSDatabaseConfiguration", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(DatabaseConfiguration))]
    public sealed class GetOSDatabaseConfigurationCommand : OSResourceGetCmdlet<DatabaseConfiguration>
    {
        protected override ResourceDefinition<DatabaseConfiguration> Definition => DatabaseConfiguration.Definition;
    }
}
