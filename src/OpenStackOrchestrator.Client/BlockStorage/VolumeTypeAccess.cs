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

namespace OpenStackOrchestrator.Client.BlockStorage
{
    /// <summary>A project that may use a private volume type (Cinder's volume type access; admin only).</summary>
    [TableView("VolumeTypeId", "ProjectId")]
    public sealed class VolumeTypeAccess
    {
        public string VolumeTypeId { get; init; } = "";
        public string ProjectId { get; init; } = "";

        public override string ToString() => $"{VolumeTypeId}/{ProjectId}";
    }

    public sealed partial class BlockStorageClient
    {
        /// <summary>GET /types/{id}/os-volume-type-access: the projects a private type is open to (a public type has none).</summary>
        public async Task<IReadOnlyList<VolumeTypeAccess>> ListVolumeTypeAccessAsync(string typeId, CancellationToken cancellationToken)
        {
            var version = await VersionAsync("Listing volume type access", cancellationToken).ConfigureAwait(false);
            var response = await _cloud.SendAsync(new ServiceRequest(HttpMethod.Get, ServiceTypes.BlockStorage, $"/types/{Uri.EscapeDataString(typeId)}/os-volume-type-access")
            { Microversion = version, RequiredRole = "admin" }, cancellationToken).ConfigureAwait(false);
            var items = response.Json().Arr("volume_type_access");
            if (items.ValueKind != JsonValueKind.Array)
                throw new InvalidResponseException($"The response from {response.Url} has no 'volume_type_access' list.") { Service = ServiceTypes.BlockStorage, Url = response.Url };
            return items.EnumerateArray().Select(a => new VolumeTypeAccess { VolumeTypeId = a.Str("volume_type_id") ?? typeId, ProjectId = a.Str("project_id") ?? "" }).ToList();
        }

        /// <summary>addProjectAccess / removeProjectAccess on a private volume type.</summary>
        public async Task SetVolumeTypeAccessAsync(string typeId, string projectId, bool allow, CancellationToken cancellationToken)
        {
            var version = await VersionAsync("Changing volume type access", cancellationToken).ConfigureAwait(false);
            var action = allow ? "addProjectAccess" : "removeProjectAccess";
            var body = "{\"" + action + "\":{\"project\":" + JsonSerializer.Serialize(projectId, VolumeTypeAccessJson.Default.String) + "}}";
            await _cloud.SendAsync(new ServiceRequest(HttpMethod.Post, ServiceTypes.BlockStorage, $"/types/{Uri.EscapeDataString(typeId)}/action")
            { JsonBody = body, Microversion = version, RequiredRole = "admin" }, cancellationToken).ConfigureAwait(false);
        }
    }

    [System.Text.Json.Serialization.JsonSerializable(typeof(string))]
    internal sealed partial class VolumeTypeAccessJson : System.Text.Json.Serialization.JsonSerializerContext
    {
    }
}
