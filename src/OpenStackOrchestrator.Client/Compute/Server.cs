using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>A Nova server shaped like PowerCLI's VM: PowerState, NumCpu, MemoryGB, IPAddress...</summary>
    public sealed class Server
    {
        internal Server(JsonElement json, CloudConnection cloud)
        {
            Id = json.Str("id") ?? "";
            Name = json.Str("name") ?? "";
            Status = json.Str("status") ?? "UNKNOWN";
            TaskState = json.Str("OS-EXT-STS:task_state");
            PowerState = PowerStates.FromNova(Status, json.Long("OS-EXT-STS:power_state"));
            var flavor = json.Obj("flavor");
            Flavor = flavor.Str("original_name") ?? flavor.Str("id");
            NumCpu = (int)(flavor.Long("vcpus") ?? 0);
            MemoryGB = Math.Round((flavor.Long("ram") ?? 0) / 1024.0, 2);
            DiskGB = flavor.Long("disk") ?? 0;
            var image = json.Obj("image");
            ImageId = image.Str("id");
            Networks = ParseAddresses(json.Obj("addresses"));
            IPAddress = Networks.SelectMany(n => n.Addresses).ToArray();
            KeyName = json.Str("key_name");
            AvailabilityZone = json.Str("OS-EXT-AZ:availability_zone");
            Created = json.Time("created");
            Updated = json.Time("updated");
            Metadata = json.StringMap("metadata");
            ProjectId = json.Str("tenant_id");
            UserId = json.Str("user_id");
            var fault = json.Obj("fault");
            FaultMessage = fault.Str("message");
            ExtensionData = JsonPlain.ToDictionary(json);
            Cloud = cloud;
        }

        public string Id { get; }
        public string Name { get; }
        /// <summary>Nova's status: ACTIVE, SHUTOFF, BUILD, ERROR, ...</summary>
        public string Status { get; }
        public string? TaskState { get; }
        /// <summary>PoweredOn, PoweredOff, Suspended or Unknown, as PowerCLI names them.</summary>
        public string PowerState { get; }
        public int NumCpu { get; }
        public double MemoryGB { get; }
        public long DiskGB { get; }
        /// <summary>The flavor name (microversion 2.47+) or id.</summary>
        public string? Flavor { get; }
        /// <summary>The image id; empty for a server booted from a volume.</summary>
        public string? ImageId { get; }
        public string[] IPAddress { get; }
        /// <summary>The networks the server is on, each with its addresses there.</summary>
        public IReadOnlyList<ServerNetwork> Networks { get; }
        public string? KeyName { get; }
        public string? AvailabilityZone { get; }
        public DateTime? Created { get; }
        public DateTime? Updated { get; }
        public IReadOnlyDictionary<string, string> Metadata { get; }
        public string? ProjectId { get; }
        public string? UserId { get; }
        /// <summary>Nova's fault message for a server in ERROR.</summary>
        public string? FaultMessage { get; }
        public IDictionary<string, object?> ExtensionData { get; }
        public CloudConnection Cloud { get; }

        public override string ToString() => Name;

        private static IReadOnlyList<ServerNetwork> ParseAddresses(JsonElement addresses)
        {
            var result = new List<ServerNetwork>();
            if (addresses.ValueKind != JsonValueKind.Object)
                return result;
            foreach (var network in addresses.EnumerateObject())
            {
                if (network.Value.ValueKind != JsonValueKind.Array)
                    continue;
                result.Add(new ServerNetwork(network.Name, network.Value.EnumerateArray().Select(a => a.Str("addr")).Where(a => a != null).Select(a => a!).ToArray()));
            }
            return result;
        }
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
