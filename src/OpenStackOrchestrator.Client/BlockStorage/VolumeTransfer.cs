using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Security;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.BlockStorage
{
    /// <summary>A Cinder volume transfer: an offer of one volume to whichever project accepts it with the transfer's id
    /// and auth key. Cinder shows the auth key once, in the answer to the create; lists and gets never carry it.</summary>
    [TableView("Name", "VolumeId", "Created", "Id")]
    public sealed class VolumeTransfer : OSResource
    {
        // /volume-transfers replaced /os-volume-transfer at 3.55 (no_snapshots); 3.57 adds the project ids and accepted.
        internal const string TransfersMicroversion = "3.55";

        public static readonly ResourceDefinition<VolumeTransfer> Definition = new ResourceDefinition<VolumeTransfer>
        {
            Kind = "volume transfer",
            ServiceType = ServiceTypes.BlockStorage,
            Path = "/volume-transfers",
            ListPath = "/volume-transfers/detail",
            Key = "transfer",
            CollectionKey = "transfers",
            Paging = PagingStyle.Links,
            Json = VolumeTransferJson.Default.VolumeTransfer,
            Microversion = BlockStorageClient.WantedMicroversion,
            MinimumMicroversion = TransfersMicroversion,
            TypeName = "OpenStackOrchestrator.VolumeTransfer",
            Filters = new Dictionary<string, string> { ["VolumeId"] = "volume_id" },
            ParentFilters = new Dictionary<Type, string> { [typeof(Volume)] = "VolumeId" },
        };

        [JsonPropertyName("volume_id")]
        public string VolumeId { get; init => field = value ?? ""; } = "";
        /// <summary>The secret the receiving project gives with the id (Receive-OSVolumeTransfer). Only in the object
        /// New-OSVolumeTransfer returns: Cinder never shows it again.</summary>
        [JsonPropertyName("auth_key")]
        public string? AuthKey { get; init; }
        [JsonPropertyName("created_at")]
        public DateTime? Created { get; init; }
        [JsonPropertyName("source_project_id")]
        public string? SourceProjectId { get; init; }
        [JsonPropertyName("destination_project_id")]
        public string? DestinationProjectId { get; init; }
        [JsonPropertyName("accepted")]
        public bool? Accepted { get; init; }
        /// <summary>The volume's snapshots stay behind (they are not transferred).</summary>
        [JsonPropertyName("no_snapshots")]
        public bool? NoSnapshots { get; init; }

        /// <summary>POST /volume-transfers: offers the volume; the answer holds the auth key (once).</summary>
        public static Task<VolumeTransfer> CreateAsync(CloudConnection cloud, string volumeId, string? name, bool noSnapshots, CancellationToken cancellationToken) =>
            cloud.CreateResourceAsync(Definition, new VolumeTransferCreateRequest { VolumeId = volumeId, Name = name, NoSnapshots = noSnapshots ? true : (bool?)null },
                VolumeTransferJson.Default.VolumeTransferCreateRequest, cancellationToken);

        /// <summary>POST /volume-transfers/{id}/accept into <paramref name="cloud"/>'s project; returns the id of the volume
        /// now owned there.</summary>
        public static async Task<string> AcceptAsync(CloudConnection cloud, string transferId, SecureString authKey, CancellationToken cancellationToken)
        {
            var version = await ResourceClient.MicroversionAsync(cloud, Definition, "Accepting a volume transfer", cancellationToken).ConfigureAwait(false);
            var body = "{\"accept\":" + JsonSerializer.Serialize(new VolumeTransferAcceptRequest { AuthKey = new NetworkCredential("", authKey).Password },
                VolumeTransferJson.Default.VolumeTransferAcceptRequest) + "}";
            var response = await cloud.SendAsync(new ServiceRequest(HttpMethod.Post, ServiceTypes.BlockStorage, $"{Definition.Path}/{Uri.EscapeDataString(transferId)}/accept")
            { JsonBody = body, Microversion = version }, cancellationToken).ConfigureAwait(false);
            var accepted = response.Json().Obj("transfer").Deserialize(VolumeTransferJson.Default.VolumeTransfer);
            if (accepted == null || accepted.VolumeId.Length == 0)
                throw new InvalidResponseException($"Cinder accepted the transfer {transferId} but named no volume.") { Service = ServiceTypes.BlockStorage };
            return accepted.VolumeId;
        }
    }

    public sealed class VolumeTransferCreateRequest
    {
        [JsonPropertyName("volume_id")]
        public string VolumeId { get; init; } = "";
        [JsonPropertyName("name")]
        public string? Name { get; init; }
        [JsonPropertyName("no_snapshots")]
        public bool? NoSnapshots { get; init; }
    }

    public sealed class VolumeTransferAcceptRequest
    {
        [JsonPropertyName("auth_key")]
        public string AuthKey { get; init; } = "";
    }

    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = new[] { typeof(UtcTimeConverter) })]
    [JsonSerializable(typeof(VolumeTransfer))]
    [JsonSerializable(typeof(VolumeTransferCreateRequest))]
    [JsonSerializable(typeof(VolumeTransferAcceptRequest))]
    internal sealed partial class VolumeTransferJson : JsonSerializerContext
    {
    }
}
