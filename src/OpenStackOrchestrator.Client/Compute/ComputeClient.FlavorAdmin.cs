using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>Flavor management (admin by default policy: others get PermissionDeniedException).</summary>
    public sealed partial class ComputeClient
    {
        // 2.55 adds the flavor description.
        internal const string FlavorDescriptionMicroversion = "2.55";

        public async Task<Flavor> CreateFlavorAsync(FlavorCreateRequest request, CancellationToken cancellationToken)
        {
            if (request.Description != null)   // a cloud below 2.55 would drop the description: refuse it instead
                await _cloud.NegotiateMicroversionAsync(ServiceTypes.Compute, FlavorDescriptionMicroversion, FlavorMicroversion, "Creating a flavor", cancellationToken)
                    .ConfigureAwait(false);
            return await _cloud.CreateResourceAsync(Flavor.Definition, request, ComputeJson.Default.FlavorCreateRequest, cancellationToken).ConfigureAwait(false);
        }

        public Task DeleteFlavorAsync(string id, CancellationToken cancellationToken) => _cloud.DeleteResourceAsync(Flavor.Definition, id, cancellationToken);
    }
}
