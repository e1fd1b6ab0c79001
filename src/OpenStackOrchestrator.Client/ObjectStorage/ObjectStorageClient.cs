using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;

namespace OpenStackOrchestrator.Client.ObjectStorage
{
    /// <summary>Swift (object-store) v1: containers, objects, streamed and verified transfers, static large
    /// objects, server-side copies and temporary URLs.</summary>
    public sealed partial class ObjectStorageClient
    {
        private readonly CloudConnection _cloud;
        private SwiftCapabilities? _capabilities;

        internal ObjectStorageClient(CloudConnection cloud) => _cloud = cloud;

        /// <summary>Entries asked for per listing request; Swift's own default and usual maximum is 10,000.</summary>
        public int ListPageSize { get; set; } = 10000;

        /// <summary>Requests sent at once by operations on many objects (segments, deletes without bulk delete).</summary>
        public int Concurrency { get; set; } = 4;

        /// <summary>The cluster's /info, read once per connection.</summary>
        public async Task<SwiftCapabilities> GetCapabilitiesAsync(CancellationToken cancellationToken)
        {
            if (_capabilities != null)
                return _capabilities;
            var endpoint = await _cloud.GetEndpointAsync(ServiceTypes.ObjectStore, cancellationToken).ConfigureAwait(false);
            try
            {
                _capabilities = new SwiftCapabilities(await _cloud.GetJsonAsync(ServiceTypes.ObjectStore, InfoUrl(endpoint), cancellationToken).ConfigureAwait(false));
            }
            catch (OpenStackException ex) when (ex is ResourceNotFoundException || ex is PermissionDeniedException || ex is AuthenticationFailedException)
            {
                RequestTrace.Write("Swift's /info is not available; assuming Swift's defaults without bulk delete.");
                _capabilities = SwiftCapabilities.Defaults;
            }
            return _capabilities;
        }

        /// <summary>/info sits beside /v1: http://host:8080/v1/AUTH_x gives http://host:8080/info.</summary>
        internal static string InfoUrl(string endpoint)
        {
            var uri = new Uri(endpoint);
            var path = uri.AbsolutePath;
            var version = path.IndexOf("/v1", StringComparison.Ordinal);
            var root = version >= 0 ? path.Substring(0, version) : "";
            return uri.GetLeftPart(UriPartial.Authority) + root + "/info";
        }

        /// <summary>Throws an ArgumentException for metadata Swift cannot take (keys that are not header names,
        /// values that are not printable ASCII), so that callers can refuse it before sending anything.</summary>
        public static void CheckMetadata(IEnumerable<KeyValuePair<string, string>> metadata) =>
            SwiftMetadata.Write(new Dictionary<string, string>(), "", metadata);

        private Task<ServiceResponse> SendAsync(ServiceRequest request, CancellationToken cancellationToken) =>
            _cloud.SendAsync(request, cancellationToken);

        /// <summary>Sends a request whose 404 means that <paramref name="what"/> does not exist, saying so (a HEAD's 404
        /// has no body to tell) in the words of every "not found".</summary>
        private async Task<ServiceResponse> SendAsync(ServiceRequest request, SwiftName? what, CancellationToken cancellationToken)
        {
            try
            {
                return await _cloud.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (ResourceNotFoundException ex) when (what.HasValue)
            {
                throw new ResourceNotFoundException(what.Value.Kind, what.Value.Name, ex);
            }
        }

        private static SwiftName ContainerNamed(string container) => new SwiftName("container", container);

        // An object is named by its path, container first, as Swift's URLs and the cmdlets' error targets do.
        private static SwiftName ObjectNamed(string container, string name) => new SwiftName("object", container + "/" + name);

        private readonly struct SwiftName
        {
            public SwiftName(string kind, string name)
            {
                Kind = kind;
                Name = name;
            }

            public string Kind { get; }
            public string Name { get; }
        }

        private static ServiceRequest Request(HttpMethod method, string path) => new ServiceRequest(method, ServiceTypes.ObjectStore, path);
    }
}
