using System.Management.Automation;
using OpenStackOrchestrator.Client.Database;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Database
{
    /// <summary>Get-OSDatabaseUser: the database users of a Trove instance, as its guest agent lists them.</summary>
    [Cmdlet(VerbsCommon.Get, "OSDatabaseUser")]
    [OutputType(typeof(DatabaseUser))]
    public sealed class GetOSDatabaseUserCommand : DatabaseInstanceCmdlet
    {
        [Parameter(Position = 1)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            var filter = new NameFilter(Name);
            OnInstance(null, null, (cloud, id, ct) => TroveClient.ListUsersAsync(cloud, id, ct), users =>
            {
                foreach (var user in users)
                    if (filter.IsMatch(user.Name))
                        WriteTyped(user);
            });
        }
    }
}
