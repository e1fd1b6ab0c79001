using System.Management.Automation;
using OpenStackOrchestrator.Client.Database;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Database
{
    /// <summary>Get-OSDatabase: the databases (schemas) inside a Trove instance, as its guest agent lists them.</summary>
    [Cmdlet(VerbsCommon.Get, "OSDatabase")]
    [OutputType(typeof(DatabaseSchema))]
    public sealed class GetOSDatabaseCommand : DatabaseInstanceCmdlet
    {
        [Parameter(Position = 1)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            var filter = new NameFilter(Name);
            OnInstance(null, null, (cloud, id, ct) => TroveClient.ListDatabasesAsync(cloud, id, ct), databases =>
            {
                foreach (var database in databases)
                    if (filter.IsMatch(database.Name))
                        WriteTyped(database);
            });
        }
    }
}
