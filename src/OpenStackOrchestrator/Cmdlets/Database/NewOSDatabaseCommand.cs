using System.Management.Automation;
using OpenStackOrchestrator.Client.Database;

namespace OpenStackOrchestrator.Cmdlets.Database
{
    /// <summary>New-OSDatabase: creates databases (schemas) inside a Trove instance (its guest agent does it).</summary>
    [Cmdlet(VerbsCommon.New, "OSDatabase", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class NewOSDatabaseCommand : DatabaseInstanceCmdlet
    {
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CharacterSet { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Collation { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var name in Name!)
                OnInstance($"Create database '{name}'", "", (cloud, id, ct) => TroveClient.CreateDatabaseAsync(cloud, id, name, CharacterSet, Collation, ct));
        }
    }
}
