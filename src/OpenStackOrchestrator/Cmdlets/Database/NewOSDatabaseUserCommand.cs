using System;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Database;

namespace OpenStackOrchestrator.Cmdlets.Database
{
    /// <summary>New-OSDatabaseUser: creates a database user inside a Trove instance (its guest agent does it).</summary>
    [Cmdlet(VerbsCommon.New, "OSDatabaseUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class NewOSDatabaseUserCommand : DatabaseInstanceCmdlet
    {
        /// <summary>The user name and password.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        /// <summary>The host the user may connect from (default %: any).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? UserHost { get; set; }

        /// <summary>Databases the user gets access to.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Database { get; set; }

        protected override void ProcessRecord() =>
            OnInstance($"Create database user '{Credential!.UserName}'", "", (cloud, id, ct) => TroveClient.CreateUserAsync(cloud, id, Credential.UserName,
                Credential.GetNetworkCredential().Password, UserHost, Database ?? Array.Empty<string>(), ct));
    }
}
