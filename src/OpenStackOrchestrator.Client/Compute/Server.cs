using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>A Nova server shaped like PowerCLI's VM: PowerState, NumCpu, MemoryGB, IPAddress...</summary>
    public sealed class Server : OSResource
    {
        public static readonly ResourceDefinition<Server> Definition = new ResourceDefinition<Server>
        {
            Kind = "server",
            ServiceType = ServiceTypes.Compute,
            Path = "/servers",
            ListPath = "/servers/detail",
            Key = "server",
            CollectionKey = "servers",
            Paging = PagingStyle.Links,
            Json = ComputeJson.Default.Server,
            // Nova's name filter is a regular expression: an exact name is asked for as NameRegex ^name$.
            NameFilter = null,
            NameRegexFilter = "NameRegex",
            Microversion = ComputeClient.ServerMicroversion,
            MinimumMicroversion = "2.1",
            TypeName = "OpenStackOrchestrator.Server",
            Tagging = new TagSupport { Microversion = ComputeClient.TagsMicroversion },
            Filters = new Dictionary<string, string>
            {
                ["NameRegex"] = "name",
                ["Status"] = "status",
                ["ImageId"] = "image",
                ["FlavorId"] = "flavor",
                ["AllProjects"] = "all_tenants",
                // Admin-only: the servers of one compute host (exact), or of one hypervisor (a regular expression on its hypervisor_hostname).
                ["Host"] = "host",
                ["Node"] = "node",
            },
        };

        private IReadOnlyList<ServerNetwork>? _networks;

        /// <summary>Nova's status: ACTIVE, SHUTOFF, BUILD, ERROR, ...</summary>
        [JsonPropertyName("status")]
        public string Status { get; init => field = value ?? "UNKNOWN"; } = "UNKNOWN";
        [JsonPropertyName("OS-EXT-STS:task_state")]
        public string? TaskState { get; init; }
        [JsonPropertyName("OS-EXT-STS:power_state")]
        [JsonInclude]
        internal long? PowerStateCode { get; init; }
        /// <summary>PoweredOn, PoweredOff, Suspended or Unknown, as PowerCLI names them.</summary>
        [DerivedFrom("status", "OS-EXT-STS:power_state")]
        public string PowerState => PowerStates.FromNova(Status, PowerStateCode);
        [JsonPropertyName("flavor")]
        [JsonInclude]
        internal ServerFlavor? FlavorDetails { get; init; }
        [DerivedFrom("flavor")]
        public int NumCpu => FlavorDetails?.VCpus ?? 0;
        [DerivedFrom("flavor")]
        public double MemoryGB => Math.Round((FlavorDetails?.MemoryMB ?? 0) / 1024.0, 2);
        [DerivedFrom("flavor")]
        public long DiskGB => FlavorDetails?.DiskGB ?? 0;
        /// <summary>The flavor name (microversion 2.47+) or id.</summary>
        [DerivedFrom("flavor")]
        public string? Flavor => FlavorDetails?.OriginalName ?? FlavorDetails?.Id;
        [JsonPropertyName("image")]
        [JsonInclude]
        [JsonConverter(typeof(ObjectOrNullConverter<ServerImage>))]
        internal ServerImage? Image { get; init; }
        /// <summary>The image id; empty for a server booted from a volume.</summary>
        [DerivedFrom("image")]
        public string? ImageId => Image?.Id;
        [JsonPropertyName("addresses")]
        [JsonInclude]
        internal Dictionary<string, List<ServerAddress>>? Addresses { get; init; }
        [DerivedFrom("addresses")]
        public string[] IPAddress => Networks.SelectMany(n => n.Addresses).ToArray();
        /// <summary>The networks the server is on, each with its addresses there.</summary>
        [DerivedFrom("addresses")]
        public IReadOnlyList<ServerNetwork> Networks => _networks ??= (Addresses ?? new Dictionary<string, List<ServerAddress>>())
            .Select(n => new ServerNetwork(n.Key, (n.Value ?? new List<ServerAddress>()).Where(a => a?.Address != null).Select(a => a.Address!).ToArray()))
            .ToList();
        [JsonPropertyName("OS-EXT-SRV-ATTR:hostname")]
        [JsonInclude]
        internal string? InstanceHostName { get; init; }
        private ServerGuest? _guest;
        /// <summary>The guest as PowerCLI's VM.Guest shows it (HostName, IPAddress, OSFullName, State).</summary>
        [JsonIgnore]
        [DerivedFrom("name", "addresses", "status", "OS-EXT-STS:power_state", "OS-EXT-SRV-ATTR:hostname", "image")]
        public ServerGuest Guest => _guest ??= new ServerGuest(Name, string.IsNullOrEmpty(InstanceHostName) ? Name : InstanceHostName!, IPAddress,
            ServerGuest.StateOf(PowerState), ct => string.IsNullOrEmpty(ImageId) || Cloud == null ? Task.FromResult<string?>(null) : Images.ImageOSNames.OfAsync(Cloud, ImageId!, ct));
        /// <summary>The compute host the server runs on (admins only: null for other users under Nova's default policy).</summary>
        [JsonPropertyName("OS-EXT-SRV-ATTR:host")]
        public string? Host { get; init; }
        /// <summary>The hypervisor the server runs on, by its hypervisor_hostname (admins only, as <see cref="Host"/>).</summary>
        [JsonPropertyName("OS-EXT-SRV-ATTR:hypervisor_hostname")]
        public string? Hypervisor { get; init; }
        [JsonPropertyName("key_name")]
        public string? KeyName { get; init; }
        /// <summary>The volumes attached to the server (its boot volume first when it boots from one), each saying
        /// whether it is deleted with the server.</summary>
        [JsonPropertyName("os-extended-volumes:volumes_attached")]
        public IReadOnlyList<ServerAttachedVolume> AttachedVolumes { get; init => field = value ?? Array.Empty<ServerAttachedVolume>(); } = Array.Empty<ServerAttachedVolume>();
        /// <summary>The ids of <see cref="AttachedVolumes"/>.</summary>
        [DerivedFrom("os-extended-volumes:volumes_attached")]
        public string[] VolumeIds => AttachedVolumes.Where(v => v?.Id != null).Select(v => v.Id!).ToArray();
        /// <summary>Nova sends "True" or "" (older clouds a boolean).</summary>
        [JsonPropertyName("config_drive")]
        [JsonInclude]
        [JsonConverter(typeof(LenientBooleanConverter))]
        internal bool ConfigDriveRead { get; init; }
        /// <summary>Whether the server has a config drive (New-OSServer -ConfigDrive).</summary>
        [DerivedFrom("config_drive")]
        public bool ConfigDrive => ConfigDriveRead;
        [JsonPropertyName("OS-EXT-AZ:availability_zone")]
        public string? AvailabilityZone { get; init; }
        [JsonPropertyName("created")]
        public DateTime? Created { get; init; }
        [JsonPropertyName("updated")]
        public DateTime? Updated { get; init; }
        [JsonPropertyName("metadata")]
        [JsonConverter(typeof(TextMapConverter))]
        public IReadOnlyDictionary<string, string> Metadata { get; init => field = value ?? TextMapConverter.Empty(); } = TextMapConverter.Empty();
        [JsonPropertyName("tenant_id")]
        public string? ProjectId { get; init; }
        [JsonPropertyName("user_id")]
        public string? UserId { get; init; }
        /// <summary>True when the server is locked (Lock-OSServer): Nova refuses to delete, stop or change it until it is unlocked.</summary>
        [JsonPropertyName("locked")]
        public bool? Locked { get; init; }
        [JsonPropertyName("fault")]
        [JsonInclude]
        internal ServerFault? Fault { get; init; }
        /// <summary>Nova's fault message for a server in ERROR.</summary>
        [DerivedFrom("fault")]
        public string? FaultMessage => Fault?.Message;

        /// <summary>The resource's tags (Add-OSTag, Remove-OSTag; Get- cmdlets filter by them with -Tag).</summary>
        [JsonPropertyName("tags")]
        public IReadOnlyList<string> Tags { get; init => field = value ?? Array.Empty<string>(); } = Array.Empty<string>();

        public override string ToString() => Name;
    }

    /// <summary>A volume as the server lists it.</summary>
    public sealed class ServerAttachedVolume
    {
        [JsonPropertyName("id")]
        public string? Id { get; init; }
        /// <summary>Whether Nova deletes the volume with the server (compute API 2.3+).</summary>
        [JsonPropertyName("delete_on_termination")]
        public bool DeleteOnTermination { get; init; }

        public override string ToString() => Id ?? "";
    }

    internal static class PowerStates
    {
        public const string PoweredOn = "PoweredOn";
        public const string PoweredOff = "PoweredOff";
        public const string Suspended = "Suspended";
        public const string Unknown = "Unknown";

        /// <summary>Maps Nova's status (and power_state when the status says nothing) to PowerCLI's names.</summary>
        public static string FromNova(string status, long? powerState)
        {
            switch (status.ToUpperInvariant())
            {
                case "ACTIVE": case "RESCUE": case "VERIFY_RESIZE": case "RESIZE": case "REBOOT": case "HARD_REBOOT": case "MIGRATING": case "PASSWORD":
                    return PoweredOn;
                case "SHUTOFF": case "SHELVED": case "SHELVED_OFFLOADED": case "STOPPED": case "DELETED": case "SOFT_DELETED":
                    return PoweredOff;
                case "SUSPENDED": case "PAUSED":
                    return Suspended;
            }
            switch (powerState)
            {
                case 1: return PoweredOn;
                case 3: case 7: return Suspended;
                case 4: case 6: return PoweredOff;
                default: return Unknown;
            }
        }
    }
}
