using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>A Nova server group: servers the scheduler keeps together (affinity) or apart (anti-affinity), the
    /// DRS rules of vSphere. Its members are the ids of the servers created in it.</summary>
    [TableView("Name", "Policy", "Members.Count", "Id")]
    public sealed class ServerGroup : OSResource
    {
        // 2.64 replaces the list "policies" with one "policy" and adds "rules"; 2.15 adds the soft policies.
        internal const string PolicyAndRules = "2.64";
        internal const string SoftPolicies = "2.15";

        public static readonly ResourceDefinition<ServerGroup> Definition = new ResourceDefinition<ServerGroup>
        {
            Kind = "server group",
            ServiceType = ServiceTypes.Compute,
            Path = "/os-server-groups",
            Key = "server_group",
            CollectionKey = "server_groups",
            Paging = PagingStyle.None,
            NameFilter = null,
            Json = ServerGroupJson.Default.ServerGroup,
            Microversion = PolicyAndRules,
            MinimumMicroversion = "2.1",
            TypeName = "OpenStackOrchestrator.ServerGroup",
            Filters = new Dictionary<string, string> { ["AllProjects"] = "all_projects" },
        };

        private readonly ServerGroupPolicy _policy;

        [JsonPropertyName("policy")]
        public ServerGroupPolicy Policy
        {
            get => _policy != ServerGroupPolicy.Unknown ? _policy : Policies?.FirstOrDefault() ?? ServerGroupPolicy.Unknown;
            init => _policy = value;
        }

        /// <summary>Anti-affinity only: how many of the group's servers one host may run (null: one).</summary>
        [DerivedFrom("rules")]
        public int? MaxServerPerHost => Rules?.MaxServerPerHost;

        /// <summary>The ids of the group's servers.</summary>
        [JsonPropertyName("members")]
        public IReadOnlyList<string> Members { get; init => field = value ?? Array.Empty<string>(); } = Array.Empty<string>();

        [JsonPropertyName("project_id")]
        public string? ProjectId { get; init; }

        [JsonPropertyName("user_id")]
        public string? UserId { get; init; }

        /// <summary>Below microversion 2.64: the policy as a one-item list.</summary>
        [JsonPropertyName("policies")]
        [JsonInclude]
        internal IReadOnlyList<ServerGroupPolicy>? Policies { get; init; }

        [JsonPropertyName("rules")]
        [JsonInclude]
        internal ServerGroupRules? Rules { get; init; }

        /// <summary>Creates a group, in the form the cloud's microversion takes; a policy or rule the cloud is too old
        /// for is a MicroversionNotSupported error before anything is sent.</summary>
        public static async Task<ServerGroup> CreateAsync(CloudConnection cloud, string name, ServerGroupPolicy policy, int? maxServerPerHost,
            CancellationToken cancellationToken)
        {
            var request = await RequestAsync(cloud, name, policy, maxServerPerHost, cancellationToken).ConfigureAwait(false);
            return await cloud.CreateResourceAsync(Definition, request, ServerGroupJson.Default.ServerGroupCreateRequest, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The request a create would send (what -WhatIf checks).</summary>
        public static async Task<ServerGroupCreateRequest> RequestAsync(CloudConnection cloud, string name, ServerGroupPolicy policy, int? maxServerPerHost,
            CancellationToken cancellationToken)
        {
            if (policy == ServerGroupPolicy.Unknown)
                throw new BadRequestException("A server group needs a policy: Affinity, AntiAffinity, SoftAffinity or SoftAntiAffinity.");
            if (maxServerPerHost.HasValue && policy != ServerGroupPolicy.AntiAffinity)
                throw new BadRequestException("-MaxServerPerHost is a rule of the AntiAffinity policy only.");
            var version = ApiVersion.Parse(await ResourceClient.MicroversionAsync(cloud, Definition, "Creating a server group", cancellationToken).ConfigureAwait(false) ?? "2.1");
            if ((policy == ServerGroupPolicy.SoftAffinity || policy == ServerGroupPolicy.SoftAntiAffinity) && version < ApiVersion.Parse(SoftPolicies))
                throw new MicroversionNotSupportedException($"The {policy} policy needs compute API microversion {SoftPolicies}; cloud '{cloud.Name}' offers up to {version}.")
                { Service = ServiceTypes.Compute };
            if (maxServerPerHost.HasValue && version < ApiVersion.Parse(PolicyAndRules))
                throw new MicroversionNotSupportedException($"-MaxServerPerHost needs compute API microversion {PolicyAndRules}; cloud '{cloud.Name}' offers up to {version}.")
                { Service = ServiceTypes.Compute };
            return version < ApiVersion.Parse(PolicyAndRules)
                ? new ServerGroupCreateRequest { Name = name, Policies = new[] { policy } }
                : new ServerGroupCreateRequest { Name = name, Policy = policy, Rules = maxServerPerHost.HasValue ? new ServerGroupRules { MaxServerPerHost = maxServerPerHost } : null };
        }
    }

    [JsonConverter(typeof(ServerGroupPolicyJson))]
    public enum ServerGroupPolicy
    {
        /// <summary>A policy this version of the module does not know (a newer cloud's).</summary>
        Unknown,
        Affinity,
        AntiAffinity,
        SoftAffinity,
        SoftAntiAffinity,
    }

    /// <summary>"anti-affinity" and its kin, and any newer policy as Unknown.</summary>
    public sealed class ServerGroupPolicyJson : TolerantEnumConverter<ServerGroupPolicy>
    {
    }

    public sealed class ServerGroupRules
    {
        [JsonPropertyName("max_server_per_host")]
        public int? MaxServerPerHost { get; init; }
    }

    /// <summary>What POST /os-server-groups takes: "policy" and "rules" from 2.64, the list "policies" before.</summary>
    public sealed class ServerGroupCreateRequest
    {
        [JsonPropertyName("name")]
        public string Name { get; init => field = value ?? ""; } = "";
        [JsonPropertyName("policy")]
        public ServerGroupPolicy? Policy { get; init; }
        [JsonPropertyName("policies")]
        public IReadOnlyList<ServerGroupPolicy>? Policies { get; init; }
        [JsonPropertyName("rules")]
        public ServerGroupRules? Rules { get; init; }
    }
}

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>The source-generated JSON of server groups (its own context: one per resource file keeps them apart).</summary>
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(ServerGroup))]
    [JsonSerializable(typeof(ServerGroupCreateRequest))]
    internal sealed partial class ServerGroupJson : JsonSerializerContext
    {
    }
}
