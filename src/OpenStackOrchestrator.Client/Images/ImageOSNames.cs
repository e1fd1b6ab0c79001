using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.Images
{
    /// <summary>The operating system an image declares (os_distro/os_type and os_version, e.g. "ubuntu 22.04"), read
    /// once per image per connection: a listing of many servers of a few images costs a few requests, not one per server.</summary>
    internal static class ImageOSNames
    {
        private static readonly ConditionalWeakTable<CloudConnection, ConcurrentDictionary<string, Task<string?>>> Caches =
            new ConditionalWeakTable<CloudConnection, ConcurrentDictionary<string, Task<string?>>>();

        public static async Task<string?> OfAsync(CloudConnection cloud, string imageId, CancellationToken cancellationToken)
        {
            var cache = Caches.GetValue(cloud, _ => new ConcurrentDictionary<string, Task<string?>>(StringComparer.Ordinal));
            var lookup = cache.GetOrAdd(imageId, id => ReadAsync(cloud, id, cancellationToken));
            try
            {
                return await lookup.ConfigureAwait(false);
            }
            catch
            {
                // A failure that is not the image's absence (a timeout, a cancelled read) is asked again next time.
                cache.TryRemove(imageId, out _);
                throw;
            }
        }

        private static async Task<string?> ReadAsync(CloudConnection cloud, string imageId, CancellationToken cancellationToken)
        {
            try
            {
                return Describe(await cloud.Image.GetAsync(imageId, cancellationToken).ConfigureAwait(false));
            }
            catch (ResourceNotFoundException)
            {
                return null;   // the image was deleted since: nothing says what the guest runs
            }
        }

        internal static string? Describe(Image image)
        {
            image.Properties.TryGetValue("os_distro", out var distro);
            image.Properties.TryGetValue("os_type", out var type);
            image.Properties.TryGetValue("os_version", out var version);
            var system = !string.IsNullOrWhiteSpace(distro) ? distro : !string.IsNullOrWhiteSpace(type) ? type : null;
            if (system == null)
                return null;
            return string.IsNullOrWhiteSpace(version) ? system : $"{system} {version}";
        }
    }
}
