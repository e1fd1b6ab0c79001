using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Identity;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>Flavor management (admin by default policy: others get PermissionDeniedException).</summary>
    public sealed partial class ComputeClient
    {
        // 2.55 adds the flavor description.
        internal const string FlavorDescriptionMicroversion = "2.55";

        public async Task<Flavor> CreateFlavorAsync(FlavorCreateRequest request, CancellationToken cancellationToken)
        {
            var required = request.Description != null ? FlavorDescriptionMicroversion : "2.1";
            var version = await _cloud.NegotiateMicroversionAsync(ServiceTypes.Compute, required, FlavorMicroversion, "Creating a flavor", cancellationToken).ConfigureAwait(false);
            var flavor = new Dictionary<string, object?>
            {
                ["name"] = request.Name,
                ["vcpus"] = request.VCpus,
                ["ram"] = request.MemoryMB,
                ["disk"] = request.DiskGB,
                ["OS-FLV-EXT-DATA:ephemeral"] = request.EphemeralGB,
                ["swap"] = request.SwapMB,
                ["os-flavor-access:is_public"] = request.IsPublic,
            };
            if (request.Id != null) flavor["id"] = request.Id;
            if (request.Description != null) flavor["description"] = request.Description;
            var body = JsonSerializer.Serialize(new Dictionary<string, object> { ["flavor"] = flavor });
            var response = await _cloud.SendAsync(new ServiceRequest(HttpMethod.Post, ServiceTypes.Compute, "/flavors") { JsonBody = body, Microversion = version },
                cancellationToken).ConfigureAwait(false);
            return new Flavor(response.Json().Obj("flavor"), _cloud);
        }

        public async Task DeleteFlavorAsync(string id, CancellationToken cancellationToken)
        {
            await _cloud.SendAsync(new ServiceRequest(HttpMethod.Delete, ServiceTypes.Compute, "/flavors/" + Uri.EscapeDataString(id)), cancellationToken).ConfigureAwait(false);
        }
    }
}
