using System;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.Resources
{
    /// <summary>PATCH {"key": update} to a resource, for the services that change resources with PATCH (Keystone):
    /// only the fields the update sets change; the answer is the resource as it now is.</summary>
    public static class ResourcePatch
    {
        private static readonly HttpMethod Patch = new HttpMethod("PATCH");

        public static async Task<T> PatchResourceAsync<T, TUpdate>(this CloudConnection cloud, ResourceDefinition<T> definition, string id, TUpdate update,
            JsonTypeInfo<TUpdate> updateJson, CancellationToken cancellationToken) where T : OSResource
        {
            var body = "{\"" + definition.Key + "\":" + JsonSerializer.Serialize(update, updateJson) + "}";
            var request = new ServiceRequest(Patch, definition.ServiceType, definition.Path + "/" + PathSegment.Id(definition.Kind, id))
            { JsonBody = body, RequiredRole = definition.RequiredRole };
            var response = await cloud.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var item = response.Json().Obj(definition.Key);
            if (item.ValueKind != JsonValueKind.Object)
                throw new InvalidResponseException($"The answer from {response.Url} has no '{definition.Key}' object.")
                { Service = definition.ServiceType, StatusCode = response.StatusCode, RequestId = response.RequestId, Url = response.Url };
            return cloud.ReadResource(definition, item, response);
        }
    }
}
