using System.Management.Automation;
using OpenStackOrchestrator.Client.Database;

namespace OpenStackOrchestrator.Cmdlets.Database
{
    /// <summary>Remove-OSDatabaseUser: deletes database users of a Trove instance (its guest agent does it).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSDatabaseUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSDatabaseUserCommand : DatabaseInstanceCmdlet
    {
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>The host of the users (when not %).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? UserHost { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var name in Name!)
                OnInstance($"Delete database user '{name}'", "", (cloud, id, ct) => TroveClient.DeleteUserAsync(cloud, id, name, UserHost, ct));
        }
    }
}
