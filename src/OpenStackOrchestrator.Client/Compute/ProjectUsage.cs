using System;
using System.Collections.Generic;
using System.Globalization;
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
    /// <summary>What a project's servers used over a period (Nova's os-simple-tenant-usage): hours of servers, vCPUs,
    /// memory and local disk, with the servers themselves.</summary>
    [TableView("Project", "ServerHours", "VcpuHours", "MemoryMBHours", "GBHours", "Servers.Count")]
    public sealed class ProjectUsage
    {
        public string ProjectId { get; init; } = "";
        /// <summary>The project's name where the user may read it (an admin, or the user's own project); else its id.</summary>
        public string Project { get; set; } = "";
        // Summed unrounded over Nova's pages; shown to 4 decimals (a server of a few seconds still counts).
        public double ServerHours => Math.Round(_serverHours, 4);
        public double VcpuHours => Math.Round(_vcpuHours, 4);
        public double MemoryMBHours => Math.Round(_memoryMBHours, 4);
        public double GBHours => Math.Round(_gbHours, 4);
        public DateTime Start { get; init; }
        public DateTime Finish { get; init; }
        public List<ServerUsage> Servers { get; } = new List<ServerUsage>();

        private double _serverHours, _vcpuHours, _memoryMBHours, _gbHours;

        internal void Add(double serverHours, double vcpuHours, double memoryMBHours, double gbHours)
        {
            _serverHours += serverHours;
            _vcpuHours += vcpuHours;
            _memoryMBHours += memoryMBHours;
            _gbHours += gbHours;
        }

        public override string ToString() => Project;
    }

    /// <summary>One server's part of a project's usage.</summary>
    [TableView("Name", "State", "Hours", "VCpus", "MemoryMB", "LocalGB", "Flavor", "Id")]
    public sealed class ServerUsage
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string? State { get; init; }
        public double Hours { get; init; }
        public int VCpus { get; init; }
        public long MemoryMB { get; init; }
        public long LocalGB { get; init; }
        public string? Flavor { get; init; }
        public DateTime? Started { get; init; }
        /// <summary>Null while the server exists.</summary>
        public DateTime? Ended { get; init; }

        public override string ToString() => Name;
    }

    public sealed partial class ComputeClient
    {
        // 2.40 pages usage by servers (limit/marker): a project's usage may come in parts over several pages.
        private const string UsageMicroversion = "2.40";

        /// <summary>For an admin, the usage of every project with servers in the period, merged over Nova's pages; for
        /// another user, the usage of the connection's own project (the only one Nova's default policy shows them).</summary>
        public async Task<IReadOnlyList<ProjectUsage>> ListUsageAsync(DateTime start, DateTime finish, CancellationToken cancellationToken)
        {
            if (!_cloud.Roles.Contains("admin", StringComparer.OrdinalIgnoreCase))
                return new[] { await GetUsageAsync(_cloud.ProjectId ?? "", start, finish, cancellationToken).ConfigureAwait(false) };
            return await ReadUsageAsync("/os-simple-tenant-usage", "tenant_usages", start, finish, "admin", cancellationToken).ConfigureAwait(false);
        }

        /// <summary>One project's usage (its own members may read it; other projects' need admin); zero when it had no servers.</summary>
        public async Task<ProjectUsage> GetUsageAsync(string projectId, DateTime start, DateTime finish, CancellationToken cancellationToken)
        {
            var own = string.Equals(projectId, _cloud.ProjectId, StringComparison.OrdinalIgnoreCase);
            var usages = await ReadUsageAsync("/os-simple-tenant-usage/" + Uri.EscapeDataString(projectId), "tenant_usage", start, finish, own ? null : "admin",
                cancellationToken).ConfigureAwait(false);
            return usages.FirstOrDefault(u => u.ProjectId.Length > 0) ?? new ProjectUsage { ProjectId = projectId, Project = projectId, Start = start, Finish = finish };
        }

        private async Task<IReadOnlyList<ProjectUsage>> ReadUsageAsync(string path, string key, DateTime start, DateTime finish, string? requiredRole,
            CancellationToken cancellationToken)
        {
            var version = await _cloud.NegotiateMicroversionAsync(ServiceTypes.Compute, "2.1", UsageMicroversion, "Reading usage", cancellationToken).ConfigureAwait(false);
            var merged = new Dictionary<string, ProjectUsage>(StringComparer.OrdinalIgnoreCase);
            var order = new List<ProjectUsage>();
            string? next = $"{path}?start={Time(start)}&end={Time(finish)}&detailed=1";
            var requested = new HashSet<string>();
            while (next != null && requested.Add(next))
            {
                var response = await _cloud.SendAsync(new ServiceRequest(HttpMethod.Get, ServiceTypes.Compute, next) { Microversion = version, RequiredRole = requiredRole },
                    cancellationToken).ConfigureAwait(false);
                var root = response.Json();
                var body = root.ValueKind == JsonValueKind.Object && root.TryGetProperty(key, out var found) ? found : default;
                var parts = body.ValueKind == JsonValueKind.Array ? body.EnumerateArray().ToList()
                    : body.ValueKind == JsonValueKind.Object ? new List<JsonElement> { body }
                    : throw new InvalidResponseException($"The response from {response.Url} has no '{key}'.") { Service = ServiceTypes.Compute, Url = response.Url };
                var servers = 0;
                foreach (var part in parts)
                {
                    var projectId = part.Str("tenant_id");
                    if (projectId == null)
                        continue;   // {} : no usage in the period
                    if (!merged.TryGetValue(projectId, out var usage))
                    {
                        usage = new ProjectUsage { ProjectId = projectId, Project = projectId, Start = start, Finish = finish };
                        merged[projectId] = usage;
                        order.Add(usage);
                    }
                    usage.Add(Number(part, "total_hours"), Number(part, "total_vcpus_usage"), Number(part, "total_memory_mb_usage"), Number(part, "total_local_gb_usage"));
                    var serverUsages = part.Arr("server_usages");
                    if (serverUsages.ValueKind == JsonValueKind.Array)
                        foreach (var server in serverUsages.EnumerateArray())
                        {
                            usage.Servers.Add(ReadServer(server));
                            servers++;
                        }
                }
                // Before 2.40 the first answer is the whole usage; from 2.40 a next link while pages still hold servers.
                next = servers == 0 ? null : Pagination.NextLink(root, key);
            }
            await NameProjectsAsync(order, cancellationToken).ConfigureAwait(false);
            return order;
        }

        private static ServerUsage ReadServer(JsonElement server) => new ServerUsage
        {
            Id = server.Str("instance_id") ?? "",
            Name = server.Str("name") ?? "",
            State = server.Str("state"),
            Hours = Math.Round(Number(server, "hours"), 4),
            VCpus = (int)Number(server, "vcpus"),
            MemoryMB = (long)Number(server, "memory_mb"),
            LocalGB = (long)Number(server, "local_gb"),
            Flavor = server.Str("flavor"),
            Started = TimeOf(server.Str("started_at")),
            Ended = TimeOf(server.Str("ended_at")),
        };

        /// <summary>Project names from Keystone where the user may list projects; the user's own project always.</summary>
        private async Task NameProjectsAsync(List<ProjectUsage> usages, CancellationToken cancellationToken)
        {
            var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (_cloud.ProjectId != null && _cloud.ProjectName != null)
                names[_cloud.ProjectId] = _cloud.ProjectName;
            if (usages.Any(u => !names.ContainsKey(u.ProjectId)) && _cloud.Roles.Contains("admin", StringComparer.OrdinalIgnoreCase))
            {
                try
                {
                    await foreach (var project in _cloud.ListAsync(ServiceTypes.Identity, "/projects", "projects", null, null, null, cancellationToken).ConfigureAwait(false))
                        if (project.Str("id") is string id && project.Str("name") is string name)
                            names[id] = name;
                }
                catch (PermissionDeniedException)
                {
                    // ids stay
                }
            }
            foreach (var usage in usages)
                if (names.TryGetValue(usage.ProjectId, out var name))
                    usage.Project = name;
        }

        private static string Time(DateTime time) =>
            Uri.EscapeDataString(time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture));

        private static DateTime? TimeOf(string? text) =>
            text != null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time.UtcDateTime : (DateTime?)null;

        private static double Number(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : 0;
    }
}
