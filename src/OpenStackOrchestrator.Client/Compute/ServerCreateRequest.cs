using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Serialization;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>What POST /servers needs, with every reference already resolved to an id.</summary>
    public sealed class ServerCreateRequest
    {
        [JsonPropertyName("name")]
        public string Name { get; set; } = "";
        /// <summary>The image to boot from (or to fill the boot volume from, with <see cref="BootVolumeSizeGB"/>).</summary>
        [JsonIgnore]
        public string? ImageId { get; set; }
        [JsonPropertyName("flavorRef")]
        public string FlavorId { get; set; } = "";
        [JsonIgnore]
        public IList<string> NetworkIds { get; } = new List<string>();
        [JsonIgnore]
        public IList<string> PortIds { get; } = new List<string>();
        /// <summary>No network at all (Nova "none", microversion 2.37).</summary>
        [JsonIgnore]
        public bool NoNetwork { get; set; }
        [JsonPropertyName("key_name")]
        public string? KeyName { get; set; }
        [JsonIgnore]
        public IList<string> SecurityGroups { get; } = new List<string>();
        /// <summary>Cloud-init user data as text (sent base64-encoded).</summary>
        [JsonIgnore]
        public string? UserData { get; set; }
        [JsonPropertyName("availability_zone")]
        public string? AvailabilityZone { get; set; }
        /// <summary>The compute host to create the server on (microversion 2.74, admin only); the scheduler still checks it.</summary>
        [JsonPropertyName("host")]
        public string? Host { get; set; }
        [JsonIgnore]
        public IDictionary<string, string> Metadata { get; } = new Dictionary<string, string>();
        /// <summary>Tags of the new server (microversion 2.52 and later).</summary>
        [JsonIgnore]
        public IList<string> Tags { get; } = new List<string>();
        /// <summary>The server group whose policy places the server (sent as the scheduler hint "group").</summary>
        [JsonIgnore]
        public string? ServerGroupId { get; set; }
        /// <summary>Boot from a new volume of this size made from the image, deleted with the server.</summary>
        [JsonIgnore]
        public int? BootVolumeSizeGB { get; set; }
        /// <summary>Boot from this existing bootable volume (no image); it outlives the server.</summary>
        [JsonIgnore]
        public string? BootVolumeId { get; set; }
        /// <summary>Existing volumes attached at create time, in order; they outlive the server.</summary>
        [JsonIgnore]
        public IList<string> DataVolumeIds { get; } = new List<string>();
        /// <summary>New empty volumes of these sizes made and attached with the server.</summary>
        [JsonIgnore]
        public IList<int> NewVolumeSizesGB { get; } = new List<int>();
        /// <summary>Whether the new empty volumes are deleted with the server.</summary>
        [JsonIgnore]
        public bool DeleteNewVolumesOnTermination { get; set; }
        /// <summary>Attach a config drive (the metadata as a disk, for guests without a metadata service).</summary>
        [JsonPropertyName("config_drive")]
        public bool? ConfigDrive { get; set; }

        [JsonPropertyName("imageRef")]
        [JsonInclude]
        internal string? ImageRef => BootVolumeSizeGB.HasValue || BootVolumeId != null ? null : ImageId;

        /// <summary>Every disk in one block-device mapping: the boot disk first (a new volume from the image, or an
        /// existing volume; none when the image boots as a local disk: Nova adds it), then the data disks.</summary>
        [JsonPropertyName("block_device_mapping_v2")]
        [JsonInclude]
        internal IReadOnlyList<BlockDeviceMapping>? BlockDevices
        {
            get
            {
                var devices = new List<BlockDeviceMapping>();
                if (BootVolumeId != null)
                    devices.Add(new BlockDeviceMapping { Uuid = BootVolumeId, SourceType = "volume", BootIndex = 0 });
                else if (BootVolumeSizeGB.HasValue)
                    devices.Add(new BlockDeviceMapping { Uuid = ImageId ?? "", SourceType = "image", BootIndex = 0, SizeGB = BootVolumeSizeGB, DeleteOnTermination = true });
                else if (DataVolumeIds.Count > 0 || NewVolumeSizesGB.Count > 0)
                    devices.Add(new BlockDeviceMapping { Uuid = ImageId ?? "", SourceType = "image", DestinationType = "local", BootIndex = 0, DeleteOnTermination = true });
                devices.AddRange(DataVolumeIds.Select(id => new BlockDeviceMapping { Uuid = id, SourceType = "volume", BootIndex = -1 }));
                devices.AddRange(NewVolumeSizesGB.Select(size => new BlockDeviceMapping
                    { SourceType = "blank", BootIndex = -1, SizeGB = size, DeleteOnTermination = DeleteNewVolumesOnTermination }));
                return devices.Count > 0 ? devices : null;
            }
        }

        /// <summary>The pre-made ports first, in the order given (they keep their MAC and fixed IPs), then new ports on the networks.</summary>
        [JsonPropertyName("networks")]
        [JsonInclude]
        internal ServerNetworks Networks => new ServerNetworks(NoNetwork,
            PortIds.Select(id => new NetworkRequest { PortId = id }).Concat(NetworkIds.Select(id => new NetworkRequest { NetworkId = id })).ToList());

        [JsonPropertyName("security_groups")]
        [JsonInclude]
        internal IReadOnlyList<SecurityGroupName>? SecurityGroupsSent =>
            SecurityGroups.Count > 0 ? SecurityGroups.Select(n => new SecurityGroupName { Name = n }).ToList() : null;

        [JsonPropertyName("user_data")]
        [JsonInclude]
        internal string? UserDataSent => UserData == null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(UserData));

        [JsonPropertyName("metadata")]
        [JsonInclude]
        internal IDictionary<string, string>? MetadataSent => Metadata.Count > 0 ? Metadata : null;

        [JsonPropertyName("tags")]
        [JsonInclude]
        internal IReadOnlyList<string>? TagsSent => Tags.Count > 0 ? Tags.ToList() : null;
    }

    /// <summary>POST /servers: the server, and beside it the scheduler hints (a server group).</summary>
    internal sealed class ServerCreateBody
    {
        [JsonPropertyName("server")]
        public ServerCreateRequest Server { get; init; } = null!;
        [JsonPropertyName("os:scheduler_hints")]
        public SchedulerHints? Hints => Server.ServerGroupId == null ? null : new SchedulerHints { Group = Server.ServerGroupId };
    }

    internal sealed class SchedulerHints
    {
        [JsonPropertyName("group")]
        public string Group { get; init; } = "";
    }

    /// <summary>One disk of a new server: from an image, an existing volume, or blank.</summary>
    internal sealed class BlockDeviceMapping
    {
        /// <summary>0 for the boot disk; -1 for a disk never booted from.</summary>
        [JsonPropertyName("boot_index")]
        public int BootIndex { get; init; }
        [JsonPropertyName("uuid")]
        public string? Uuid { get; init; }
        [JsonPropertyName("source_type")]
        public string SourceType { get; init; } = "image";
        [JsonPropertyName("destination_type")]
        public string DestinationType { get; init; } = "volume";
        [JsonPropertyName("volume_size")]
        public int? SizeGB { get; init; }
        [JsonPropertyName("delete_on_termination")]
        public bool DeleteOnTermination { get; init; }
    }

    /// <summary>A network (a new port on it) or an existing port for a new server.</summary>
    internal sealed class NetworkRequest
    {
        [JsonPropertyName("uuid")]
        public string? NetworkId { get; init; }
        [JsonPropertyName("port")]
        public string? PortId { get; init; }
    }

    internal sealed class SecurityGroupName
    {
        [JsonPropertyName("name")]
        public string Name { get; init; } = "";
    }

    /// <summary>A server's "networks": the string "none", or the list.</summary>
    [JsonConverter(typeof(ServerNetworksConverter))]
    internal sealed class ServerNetworks
    {
        public ServerNetworks(bool none, IReadOnlyList<NetworkRequest> networks)
        {
            None = none;
            List = networks;
        }

        public bool None { get; }
        public IReadOnlyList<NetworkRequest> List { get; }
    }

    internal sealed class ServerNetworksConverter : JsonConverter<ServerNetworks>
    {
        public override ServerNetworks Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
            throw new NotSupportedException("Only requests carry networks this way.");

        public override void Write(System.Text.Json.Utf8JsonWriter writer, ServerNetworks value, System.Text.Json.JsonSerializerOptions options)
        {
            if (value.None)
                writer.WriteStringValue("none");
            else
                System.Text.Json.JsonSerializer.Serialize(writer, value.List, ComputeJson.Default.IReadOnlyListNetworkRequest);
        }
    }

    /// <summary>The change Set-OSServer -Name sends to PUT /servers/{id}.</summary>
    internal sealed class ServerUpdate
    {
        [JsonPropertyName("name")]
        public string? Name { get; init; }
    }
}
