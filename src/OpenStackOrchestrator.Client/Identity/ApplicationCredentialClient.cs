using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Identity
{
    /// <summary>The application credentials of the connection's own user (the user its token belongs to).</summary>
    public static class ApplicationCredentialClient
    {
        private static readonly Regex VersionedEndpoint = new Regex(@"/v3(\.\d+)?$", RegexOptions.CultureInvariant);

        public static async IAsyncEnumerable<ApplicationCredential> ListApplicationCredentialsAsync(this CloudConnection cloud, ListQuery? query,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var definition = await DefinitionAsync(cloud, cancellationToken).ConfigureAwait(false);
            await foreach (var credential in cloud.ListResourcesAsync(definition, query, cancellationToken).ConfigureAwait(false))
                yield return credential;
        }

        public static async Task<ApplicationCredential> GetApplicationCredentialAsync(this CloudConnection cloud, string id, CancellationToken cancellationToken) =>
            await cloud.GetResourceAsync(await DefinitionAsync(cloud, cancellationToken).ConfigureAwait(false), id, cancellationToken).ConfigureAwait(false);

        public static async Task<ApplicationCredential> ResolveApplicationCredentialAsync(this CloudConnection cloud, string nameOrId, CancellationToken cancellationToken) =>
            await cloud.ResolveResourceAsync(await DefinitionAsync(cloud, cancellationToken).ConfigureAwait(false), nameOrId, cancellationToken).ConfigureAwait(false);

        /// <summary>The new credential; its (internal) Secret is set: Keystone answers it this once.</summary>
        public static async Task<ApplicationCredential> CreateApplicationCredentialAsync(this CloudConnection cloud, ApplicationCredentialCreateRequest request,
            CancellationToken cancellationToken) =>
            await cloud.CreateResourceAsync(await DefinitionAsync(cloud, cancellationToken).ConfigureAwait(false), request,
                IdentityJson.Default.ApplicationCredentialCreateRequest, cancellationToken).ConfigureAwait(false);

        public static async Task DeleteApplicationCredentialAsync(this CloudConnection cloud, string id, CancellationToken cancellationToken) =>
            await cloud.DeleteResourceAsync(await DefinitionAsync(cloud, cancellationToken).ConfigureAwait(false), id, cancellationToken).ConfigureAwait(false);

        /// <summary>A role of -Role: a Keystone id (32 hex digits) by id, anything else by name.</summary>
        public static RoleReference Role(string nameOrId) =>
            Regex.IsMatch(nameOrId, "^[0-9a-fA-F]{32}$") ? new RoleReference { Id = nameOrId } : new RoleReference { Name = nameOrId };

        /// <summary>The credentials of the token's user, under the identity endpoint (which may or may not end in /v3).</summary>
        internal static async Task<ResourceDefinition<ApplicationCredential>> DefinitionAsync(CloudConnection cloud, CancellationToken cancellationToken)
        {
            var endpoint = await cloud.GetEndpointAsync(ServiceTypes.Identity, cancellationToken).ConfigureAwait(false);
            var userId = cloud.UserId;
            if (string.IsNullOrEmpty(userId))
                throw new NotConnectedException($"The token of cloud '{cloud.Name}' names no user, so it has no application credentials of its own.");
            var prefix = VersionedEndpoint.IsMatch(endpoint) ? "" : "/v3";
            return ApplicationCredential.For($"{prefix}/users/{Uri.EscapeDataString(userId)}/application_credentials");
        }
    }
}
