using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
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

        /// <summary>Sets extra specs (POST os-extra_specs merges them with the others) and removes those with a null value
        /// (a key the flavor does not have is no error); the answer is the flavor as it now is.</summary>
        public async Task<Flavor> SetFlavorExtraSpecsAsync(string id, IReadOnlyDictionary<string, string?> changes, CancellationToken cancellationToken)
        {
            var version = await ResourceClient.MicroversionAsync(_cloud, Flavor.Definition, "Setting flavor extra specs", cancellationToken).ConfigureAwait(false);
            var path = $"/flavors/{Uri.EscapeDataString(id)}/os-extra_specs";
            var set = new Dictionary<string, string>();
            foreach (var change in changes)
            {
                if (change.Value != null)
                {
                    set[change.Key] = change.Value;
                    continue;
                }
                try
                {
                    await _cloud.SendAsync(new ServiceRequest(HttpMethod.Delete, ServiceTypes.Compute, path + "/" + Uri.EscapeDataString(change.Key))
                    { Microversion = version, RequiredRole = "admin" }, cancellationToken).ConfigureAwait(false);
                }
                catch (ResourceNotFoundException)
                {
                    // not there: removed already
                }
            }
            if (set.Count > 0)
                await _cloud.SendAsync(new ServiceRequest(HttpMethod.Post, ServiceTypes.Compute, path)
                { JsonBody = ExtraSpecsBody(set), Microversion = version, RequiredRole = "admin" }, cancellationToken).ConfigureAwait(false);
            return await GetFlavorAsync(id, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>PUT /flavors/{id} with a new description (the one thing of a flavor Nova changes; needs 2.55).</summary>
        public async Task<Flavor> SetFlavorDescriptionAsync(string id, string description, CancellationToken cancellationToken)
        {
            var version = await _cloud.NegotiateMicroversionAsync(ServiceTypes.Compute, FlavorDescriptionMicroversion, FlavorMicroversion, "Changing a flavor's description",
                cancellationToken).ConfigureAwait(false);
            var body = "{\"flavor\":{\"description\":" + JsonSerializer.Serialize(description, FlavorAccessJson.Default.String) + "}}";
            var response = await _cloud.SendAsync(new ServiceRequest(HttpMethod.Put, ServiceTypes.Compute, $"/flavors/{Uri.EscapeDataString(id)}")
            { JsonBody = body, Microversion = version, RequiredRole = "admin" }, cancellationToken).ConfigureAwait(false);
            return _cloud.ReadResource(Flavor.Definition, response.Json().Obj("flavor"), response);
        }

        private static string ExtraSpecsBody(IReadOnlyDictionary<string, string> specs)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteStartObject("extra_specs");
                foreach (var spec in specs)
                    writer.WriteString(spec.Key, spec.Value);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            return Encoding.UTF8.GetString(buffer.ToArray());
        }
    }
}
