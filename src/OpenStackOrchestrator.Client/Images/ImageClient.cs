using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Identity;

namespace OpenStackOrchestrator.Client.Images
{
    /// <summary>Glance v2.</summary>
    public sealed partial class ImageClient
    {
        // Glance's default page is 25; ask for its maximum so long lists take few round trips.
        private const int PageSize = 1000;
        private readonly CloudConnection _cloud;

        internal ImageClient(CloudConnection cloud) => _cloud = cloud;

        public async IAsyncEnumerable<Image> ListAsync(ImageListOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var query = new Dictionary<string, string>();
            if (!string.IsNullOrEmpty(options.Name)) query["name"] = options.Name!;
            if (!string.IsNullOrEmpty(options.Visibility)) query["visibility"] = options.Visibility!.ToLowerInvariant();
            if (!string.IsNullOrEmpty(options.Status)) query["status"] = options.Status!.ToLowerInvariant();
            if (!string.IsNullOrEmpty(options.Owner)) query["owner"] = options.Owner!;
            if (options.Tags.Count > 0) query["tag"] = options.Tags[0];   // Glance takes repeated tag=; extra tags are filtered by the caller
            if (!options.Limit.HasValue) query["limit"] = PageSize.ToString();
            await foreach (var item in _cloud.ListAsync(ServiceTypes.Image, "/v2/images", "images", query, options.Limit, null, cancellationToken).ConfigureAwait(false))
                yield return new Image(item, _cloud);
        }

        public Task<Image> ResolveAsync(string nameOrId, CancellationToken cancellationToken) =>
            Resolution.NameResolver.ResolveOneAsync("image", nameOrId, GetAsync,
                (name, ct) => Resolution.NameResolver.ToListAsync(ListAsync(new ImageListOptions { Name = name }, ct)), i => i.Id, i => i.Name, cancellationToken);

        public async Task<Image> GetAsync(string id, CancellationToken cancellationToken)
        {
            var json = await _cloud.GetJsonAsync(ServiceTypes.Image, "/v2/images/" + System.Uri.EscapeDataString(id), cancellationToken).ConfigureAwait(false);
            return new Image(json, _cloud);
        }
    }
}
