using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;

namespace OpenStackOrchestrator.Client.ObjectStorage
{
    /// <summary>Temporary URLs: links to one object that work without a token until they expire.</summary>
    public sealed partial class ObjectStorageClient
    {
        /// <summary>A signed URL for <paramref name="method"/> on the object until <paramref name="expires"/>, signed with
        /// <paramref name="key"/>, or else with the container's Temp-URL-Key, or else the account's.</summary>
        public async Task<string> CreateTempUrlAsync(string container, string name, string method, DateTimeOffset expires, string? key,
            CancellationToken cancellationToken)
        {
            key ??= await FindTempUrlKeyAsync(container, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(key))
                throw new TempUrlKeyMissingException(container);
            var endpoint = await _cloud.GetEndpointAsync(ServiceTypes.ObjectStore, cancellationToken).ConfigureAwait(false);
            return TempUrlSigner.Url(endpoint + SwiftPaths.Object(container, name), method, expires, key!);
        }

        private async Task<string?> FindTempUrlKeyAsync(string container, CancellationToken cancellationToken)
        {
            var containerHead = await SendAsync(Request(HttpMethod.Head, SwiftPaths.Container(container)), ContainerNamed(container), cancellationToken).ConfigureAwait(false);
            var key = containerHead.Header(SwiftMetadata.ContainerPrefix + "Temp-URL-Key");
            if (!string.IsNullOrEmpty(key))
                return key;
            var accountHead = await SendAsync(Request(HttpMethod.Head, ""), cancellationToken).ConfigureAwait(false);
            return accountHead.Header(SwiftMetadata.AccountPrefix + "Temp-URL-Key");
        }
    }
}
