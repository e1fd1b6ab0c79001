using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Images
{
    /// <summary>Glance v2, through the declared <see cref="Image.Definition"/> (Glance answers a single image
    /// unwrapped; writes of one image read the answer with ReadResource).</summary>
    public sealed partial class ImageClient
    {
        private readonly CloudConnection _cloud;

        internal ImageClient(CloudConnection cloud) => _cloud = cloud;

        public IAsyncEnumerable<Image> ListAsync(ImageListOptions options, CancellationToken cancellationToken = default) =>
            _cloud.ListResourcesAsync(Image.Definition, new ListQuery { Name = string.IsNullOrEmpty(options.Name) ? null : options.Name, Limit = options.Limit }
                .Filter("Visibility", string.IsNullOrEmpty(options.Visibility) ? null : options.Visibility!.ToLowerInvariant())
                .Filter("Status", string.IsNullOrEmpty(options.Status) ? null : options.Status!.ToLowerInvariant())
                .Filter("Owner", string.IsNullOrEmpty(options.Owner) ? null : options.Owner)
                // Glance takes repeated tag=; extra tags are filtered by the caller
                .Filter("Tag", options.Tags.Count > 0 ? options.Tags[0] : null), cancellationToken);

        public Task<Image> ResolveAsync(string nameOrId, CancellationToken cancellationToken) =>
            _cloud.ResolveResourceAsync(Image.Definition, nameOrId, cancellationToken);

        public Task<Image> GetAsync(string id, CancellationToken cancellationToken) => _cloud.GetResourceAsync(Image.Definition, id, cancellationToken);

        private async Task<Image> SendAsync(ServiceRequest request, CancellationToken cancellationToken)
        {
            var response = await _cloud.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return _cloud.ReadResource(Image.Definition, response.Json(), response);
        }

        private static string ImagePath(string id) => Image.Definition.Path + "/" + System.Uri.EscapeDataString(id);
    }
}
