using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>A project that may use a private flavor (Nova's flavor access; admin only).</summary>
    [TableView("FlavorId", "ProjectId")]
    public sealed class FlavorAccess
    {
        public string FlavorId { get; init; } = "";
        public string ProjectId { get; init; } = "";

        public override string ToString() => $"{FlavorId}/{ProjectId}";
    }

    public sealed partial class ComputeClient
    {
        /// <summary>GET /flavors/{id}/os-flavor-access: the projects a private flavor is open to (Nova refuses it for a public
        /// one). Not admin only: a project the flavor is open to may read it too.</summary>
        public async Task<IReadOnlyList<FlavorAccess>> ListFlavorAccessAsync(string flavorId, CancellationToken cancellationToken)
        {
            var version = await ResourceClient.MicroversionAsync(_cloud, Flavor.Definition, "Listing flavor access", cancellationToken).ConfigureAwait(false);
            var response = await _cloud.SendAsync(new ServiceRequest(HttpMethod.Get, ServiceTypes.Compute, $"/flavors/{Uri.EscapeDataString(flavorId)}/os-flavor-access")
            { Microversion = version }, cancellationToken).ConfigureAwait(false);
            return ReadFlavorAccess(response, flavorId);
        }

        /// <summary>addTenantAccess / removeTenantAccess on a private flavor; the answer is the flavor's access list.</summary>
        public async Task<IReadOnlyList<FlavorAccess>> SetFlavorAccessAsync(string flavorId, string projectId, bool allow, CancellationToken cancellationToken)
        {
            var version = await ResourceClient.MicroversionAsync(_cloud, Flavor.Definition, "Changing flavor access", cancellationToken).ConfigureAwait(false);
            var action = allow ? "addTenantAccess" : "removeTenantAccess";
            var body = "{\"" + action + "\":{\"tenant\":" + JsonSerializer.Serialize(projectId, FlavorAccessJson.Default.String) + "}}";
            var response = await _cloud.SendAsync(new ServiceRequest(HttpMethod.Post, ServiceTypes.Compute, $"/flavors/{Uri.EscapeDataString(flavorId)}/action")
            { JsonBody = body, Microversion = version, RequiredRole = "admin" }, cancellationToken).ConfigureAwait(false);
            return ReadFlavorAccess(response, flavorId);
        }

        private static IReadOnlyList<FlavorAccess> ReadFlavorAccess(ServiceResponse response, string flavorId)
        {
            var items = response.Json().Arr("flavor_access");
            if (items.ValueKind != JsonValueKind.Array)
                throw new InvalidResponseException($"The response from {response.Url} has no 'flavor_access' list.") { Service = ServiceTypes.Compute, Url = response.Url };
            return items.EnumerateArray().Select(a => new FlavorAccess { FlavorId = a.Str("flavor_id") ?? flavorId, ProjectId = a.Str("tenant_id") ?? "" }).ToList();
        }
    }

    [System.Text.Json.Serialization.JsonSerializable(typeof(string))]
    internal sealed partial class FlavorAccessJson : System.Text.Json.Serialization.JsonSerializerContext
    {
    }
}
