using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Identity
{
    /// <summary>Get-OSApplicationCredential: the connected user's application credentials, by name (wildcards) or id.
    /// Their secrets are never shown (Keystone gives a secret only when it makes the credential).</summary>
    [Cmdlet(VerbsCommon.Get, "OSApplicationCredential", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(ApplicationCredential))]
    public sealed class GetOSApplicationCredentialCommand : OSResourceGetCmdlet<ApplicationCredential>
    {
        protected override ResourceDefinition<ApplicationCredential> Definition => ApplicationCredential.Definition;

        protected override Task<ApplicationCredential> GetAsync(CloudConnection cloud, string id, CancellationToken cancellationToken) =>
            cloud.GetApplicationCredentialAsync(id, cancellationToken);

        protected override IAsyncEnumerable<ApplicationCredential> ListAsync(CloudConnection cloud, ListQuery query, CancellationToken cancellationToken) =>
            cloud.ListApplicationCredentialsAsync(query, cancellationToken);
    }
}
