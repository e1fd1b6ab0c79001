using System.Management.Automation;
using OpenStackOrchestrator.Client.Database;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Database
{
    /// <summary>Remove-OSDatabaseConfiguration: deletes configuration groups (names, ids or objects, from the pipeline too).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSDatabaseConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSDatabaseConfigurationCommand : OSResourceRemoveCmdlet<DatabaseConfiguration>
    {
        protected override ResourceDefinition<DatabaseConfiguration> Definition => DatabaseConfiguration.Definition;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<DatabaseConfiguration>))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Configuration { get; set; }

        protected override void ProcessRecord() => RemoveEach(Configuration!);
    }
}
