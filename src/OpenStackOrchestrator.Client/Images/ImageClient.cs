using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resolution;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Images
{
    /// <summary>Glance v2, through the declared <see cref="Image.Definition"/> (Glance answers a single image
    /// unwrapped, so reads and writes of one image read it with ReadResource).</summary>
    public sealed partial class ImageClient
    {
        // Glance's default page is 25; ask for its maximum so long lists take few round trips.
        private const int PageSize = 1000;
        private readonly CloudConnection _cloud;

        internal ImageClient(CloudConnection cloud) => _cloud = cloud;

        public IAsyncEnumerable<Image> ListAsync(ImageListOptions options, CancellationToken cancellationToken = default) =>
            _cloud.ListResourcesAsync(Image.Definition, new ListQuery
                {
                    Name = string.IsNullOrEmpty(options.Name) ? null : options.Name,
                    Limit = options.Limit,
                    PageSize = _cloud.PageSizes.TryGetValue(ServiceTypes.Image, out var size) && size > 0 ? size : PageSize,
                }
                .Filter("Visibility", string.IsNullOrEmpty(options.Visibility) ? null : options.Visibility!.ToLowerInvariant())
                .Filter("Status", string.IsNullOrEmpty(options.Status) ? null : options.Status!.ToLowerInvariant())
                .Filter("Owner", string.IsNullOrEmpty(options.Owner) ? null : options.Owner)
                // Glance takes repeated tag=; extra tags are filtered by the caller
                .Filter("Tag", options.Tags.Count > 0 ? options.Tags[0] : null), cancellationToken);

        public Task<Image> ResolveAsync(string nameOrId, CancellationToken cancellationToken) =>
            NameResolver.ResolveOneAsync(Image.Definition.Kind, nameOrId, GetAsync,
                (name, ct) => NameResolver.ToListAsync(ListAsync(new ImageListOptions { Name = name }, ct)), i => i.Id, i => i.Name, cancellationToken);

        public Task<Image> GetAsync(string id, CancellationToken cancellationToken) =>
            SendAsync(new ServiceRequest(HttpMethod.Get, ServiceTypes.Image, ImagePath(id)), cancellationToken);

        private async Task<Image> SendAsync(ServiceRequest request, CancellationToken cancellationToken)
        {
            var response = await _cloud.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return _cloud.ReadResource(Image.Definition, response.Json(), response);
        }

        private static string ImagePath(string id) => Image.Definition.Path + "/" + System.Uri.EscapeDataString(id);
    }
}
