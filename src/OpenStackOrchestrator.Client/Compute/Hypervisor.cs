using System;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>A Nova hypervisor (compute node) shaped like PowerCLI's VMHost: Name, ConnectionState, NumCpu, CpuUsed,
    /// MemoryGB, MemoryUsageGB, RunningVMs. The sizes are the ones the compute node reports, read at microversion 2.87,
    /// the last that has them (2.88 drops them from the API; Placement then holds the scheduler's view).</summary>
    [TableView("Name", "ConnectionState", "NumCpu", "CpuUsed", "MemoryGB", "MemoryUsageGB", "RunningVMs", "HostIp")]
    public sealed class Hypervisor : OSResource
    {
        /// <summary>The last microversion whose hypervisors carry their vCPUs, memory and running servers.</summary>
        internal const string WithStatistics = "2.87";

        /// <summary>Hypervisors are admin-only under Nova's default policy. 2.53 gives UUID ids (older ones are integers).</summary>
        public static readonly ResourceDefinition<Hypervisor> Definition = new ResourceDefinition<Hypervisor>
        {
            Kind = "hypervisor",
            ServiceType = ServiceTypes.Compute,
            Path = "/os-hypervisors",
            ListPath = "/os-hypervisors/detail",
            Key = "hypervisor",
            CollectionKey = "hypervisors",
            Paging = PagingStyle.Links,
            // Nova's hypervisor_hostname_pattern cannot be combined with paging: names are matched here.
            NameFilter = null,
            Json = HypervisorJson.Default.Hypervisor,
            Microversion = WithStatistics,
            MinimumMicroversion = "2.53",
            TypeName = "OpenStackOrchestrator.Hypervisor",
            RequiredRole = "admin",
        };

        /// <summary>The hypervisor's host name (hypervisor_hostname), the node servers are placed on.</summary>
        [JsonIgnore]
        [DerivedFrom("hypervisor_hostname")]
        public override string Name => HypervisorHostname;
        [JsonPropertyName("hypervisor_hostname")]
        [JsonInclude]
        internal string HypervisorHostname { get; init => field = value ?? ""; } = "";
        /// <summary>up or down: whether its compute service reports in.</summary>
        [JsonPropertyName("state")]
        public string? State { get; init; }
        /// <summary>enabled or disabled: whether its compute service takes new servers (Set-OSComputeService).</summary>
        [JsonPropertyName("status")]
        public string? Status { get; init; }
        /// <summary>As PowerCLI's VMHost: Connected (up and enabled), Maintenance (disabled) or Disconnected (down).</summary>
        [DerivedFrom("state", "status")]
        public string ConnectionState =>
            string.Equals(State, "down", StringComparison.OrdinalIgnoreCase) ? "Disconnected"
            : string.Equals(Status, "disabled", StringComparison.OrdinalIgnoreCase) ? "Maintenance" : "Connected";
        [JsonPropertyName("vcpus")]
        public int? NumCpu { get; init; }
        [JsonPropertyName("vcpus_used")]
        public int? CpuUsed { get; init; }
        [JsonPropertyName("memory_mb")]
        [JsonInclude]
        internal long? MemoryMB { get; init; }
        [JsonPropertyName("memory_mb_used")]
        [JsonInclude]
        internal long? MemoryUsedMB { get; init; }
        [DerivedFrom("memory_mb")]
        public double? MemoryGB => MemoryMB.HasValue ? Math.Round(MemoryMB.Value / 1024.0, 2) : (double?)null;
        /// <summary>Memory the compute node counts as used: its servers' and what it keeps for itself (reserved_host_memory_mb).</summary>
        [DerivedFrom("memory_mb_used")]
        public double? MemoryUsageGB => MemoryUsedMB.HasValue ? Math.Round(MemoryUsedMB.Value / 1024.0, 2) : (double?)null;
        [JsonPropertyName("local_gb")]
        public long? DiskGB { get; init; }
        [JsonPropertyName("local_gb_used")]
        public long? DiskUsedGB { get; init; }
        [JsonPropertyName("running_vms")]
        public int? RunningVMs { get; init; }
        [JsonPropertyName("host_ip")]
        public string? HostIp { get; init; }
        [JsonPropertyName("hypervisor_type")]
        public string? HypervisorType { get; init; }
        [JsonPropertyName("service")]
        [JsonInclude]
        internal HypervisorService? Service { get; init; }
        /// <summary>The host of its compute service (what Get-OSComputeService -Host and a server's Host name).</summary>
        [DerivedFrom("service")]
        public string? Host => Service?.Host;
        /// <summary>The id of its compute service (Set-OSComputeService takes hypervisors from the pipeline by it).</summary>
        [DerivedFrom("service")]
        public string? ServiceId => Service?.Id;
        /// <summary>Why its compute service was disabled (Set-OSComputeService -Disabled -Reason).</summary>
        [DerivedFrom("service")]
        public string? DisabledReason => Service?.DisabledReason;

        public override string ToString() => Name;
    }

    internal sealed class HypervisorService
    {
        [JsonPropertyName("host")]
        public string? Host { get; init; }
        [JsonPropertyName("id")]
        public string? Id { get; init; }
        [JsonPropertyName("disabled_reason")]
        public string? DisabledReason { get; init; }
    }

    /// <summary>The source-generated JSON of hypervisors.</summary>
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(Hypervisor))]
    internal sealed partial class HypervisorJson : JsonSerializerContext
    {
    }
}
