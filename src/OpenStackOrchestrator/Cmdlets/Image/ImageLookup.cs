using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Infrastructure;

// Not "...Cmdlets.Image": inside OpenStackOrchestrator.Cmdlets that namespace would hide the Image type.
namespace OpenStackOrchestrator.Cmdlets.Images
{
    /// <summary>The current state of the image a reference names: objects by their id (fresh from Glance, as the
    /// object may be stale), text by id or exact name (several images with the name is an AmbiguousName error).</summary>
    internal static class ImageLookup
    {
        public static Task<Client.Images.Image> ResolveAsync(ResourceReference given, CloudConnection cloud, CancellationToken ct)
        {
            var reference = given.On(cloud);
            return reference.Id != null && (reference.Cloud == null || ReferenceEquals(reference.Cloud, cloud))
                ? cloud.Image.GetAsync(reference.Id, ct)
                : cloud.Image.ResolveAsync(reference.Name ?? reference.Text, ct);
        }
    }
}
