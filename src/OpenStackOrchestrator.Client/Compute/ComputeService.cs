using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>A Nova service (nova-compute, nova-scheduler, nova-conductor) on a host. Disabling a host's
    /// nova-compute is the maintenance mode of OpenStack: the scheduler places no new server there. Known by its host.</summary>
    [TableView("Binary", "Host", "Zone", "Status", "State", "DisabledReason", "Updated")]
    public sealed class ComputeService : OSResource
    {
        /// <summary>2.53 gives UUID ids and the PUT /os-services/{id} that enables and disables.</summary>
        internal const string UuidMicroversion = "2.53";

        /// <summary>Services are admin-only under Nova's default policy. Nova has no GET of one service: it is listed.</summary>
        public static readonly ResourceDefinition<ComputeService> Definition = new ResourceDefinition<ComputeService>
        {
            Kind = "compute service",
            ServiceType = ServiceTypes.Compute,
            Path = "/os-services",
            Key = "service",
            CollectionKey = "services",
            Paging = PagingStyle.None,
            NameFilter = "host",
            Json = ComputeServiceJson.Default.ComputeService,
            Microversion = UuidMicroversion,
            MinimumMicroversion = UuidMicroversion,
            TypeName = "OpenStackOrchestrator.ComputeService",
            RequiredRole = "admin",
            Filters = new Dictionary<string, string> { ["Binary"] = "binary" },
        };

        /// <summary>A service is known by its host (several services share one: filter by Binary too).</summary>
        [JsonIgnore]
        [DerivedFrom("host")]
        public override string Name => Host;
        [JsonPropertyName("host")]
        public string Host { get; init => field = value ?? ""; } = "";
        [JsonPropertyName("binary")]
        public string Binary { get; init => field = value ?? ""; } = "";
        [JsonPropertyName("zone")]
        public string? Zone { get; init; }
        /// <summary>enabled or disabled.</summary>
        [JsonPropertyName("status")]
        public string? Status { get; init; }
        /// <summary>up or down: whether the service reported in recently.</summary>
        [JsonPropertyName("state")]
        public string? State { get; init; }
        [JsonPropertyName("disabled_reason")]
        public string? DisabledReason { get; init; }
        [JsonPropertyName("updated_at")]
        public DateTime? Updated { get; init; }
        /// <summary>Set by an operator for a host known to be down (an evacuation then need not wait for Nova to notice).</summary>
        [JsonPropertyName("forced_down")]
        public bool? ForcedDown { get; init; }

        [JsonIgnore]
        public bool Disabled => string.Equals(Status, "disabled", StringComparison.OrdinalIgnoreCase);

        public override string ToString() => $"{Binary} on {Host}";

        /// <summary>The services of a host, of one binary if given (exact names; none is an empty list).</summary>
        public static async Task<List<ComputeService>> OfHostAsync(CloudConnection cloud, string host, string? binary, CancellationToken cancellationToken)
        {
            var query = new ListQuery { Name = host }.Filter("Binary", binary);
            return (await Resolution.NameResolver.ToListAsync(cloud.ListResourcesAsync(Definition, query, cancellationToken)).ConfigureAwait(false))
                .Where(s => string.Equals(s.Host, host, StringComparison.Ordinal)).ToList();
        }

        /// <summary>The one nova-compute service of a host; none is a NameNotFound error.</summary>
        public static async Task<ComputeService> ComputeOfHostAsync(CloudConnection cloud, string host, CancellationToken cancellationToken)
        {
            var services = await OfHostAsync(cloud, host, "nova-compute", cancellationToken).ConfigureAwait(false);
            return services.Count == 1 ? services[0] : throw new NameNotFoundException("compute service", host);
        }

        /// <summary>A service by id (listed: Nova has no GET of one); none is a ResourceNotFound error.</summary>
        public static async Task<ComputeService> GetAsync(CloudConnection cloud, string id, CancellationToken cancellationToken)
        {
            await foreach (var service in cloud.ListResourcesAsync(Definition, null, cancellationToken).ConfigureAwait(false))
                if (string.Equals(service.Id, id, StringComparison.OrdinalIgnoreCase))
                    return service;
            throw new ResourceNotFoundException($"Compute service {id} could not be found.") { Service = ServiceTypes.Compute };
        }

        /// <summary>Why a host refuses new servers when its nova-compute service is disabled or down (" The compute service
        /// of host 'x' is disabled: reason."); null when it is not, or when the caller may not read services.</summary>
        public static async Task<string?> WhyHostRefusesAsync(CloudConnection cloud, string host, CancellationToken cancellationToken)
        {
            try
            {
                var services = await OfHostAsync(cloud, host, "nova-compute", cancellationToken).ConfigureAwait(false);
                if (services.Count != 1)
                    return null;
                var service = services[0];
                if (service.Disabled)
                    return $"The compute service of host '{host}' is disabled" + (string.IsNullOrEmpty(service.DisabledReason) ? " (no reason was given)." : $": {service.DisabledReason!.TrimEnd('.')}.");
                if (string.Equals(service.State, "down", StringComparison.OrdinalIgnoreCase))
                    return $"The compute service of host '{host}' is down (last report {service.Updated:u}).";
                return null;
            }
            catch (OpenStackException)
            {
                return null;
            }
        }

        /// <summary>Enables or disables a service (PUT /os-services/{id}, 2.53); a disable may give the reason.</summary>
        public static async Task<ComputeService> SetStatusAsync(CloudConnection cloud, string id, bool disabled, string? reason, CancellationToken cancellationToken)
        {
            var version = await ResourceClient.MicroversionAsync(cloud, Definition, "Changing a compute service", cancellationToken).ConfigureAwait(false);
            var body = JsonSerializer.Serialize(new ComputeServiceUpdate { Status = disabled ? "disabled" : "enabled", DisabledReason = disabled ? reason : null },
                ComputeServiceJson.Default.ComputeServiceUpdate);
            var response = await cloud.SendAsync(new ServiceRequest(HttpMethod.Put, ServiceTypes.Compute, Definition.Path + "/" + Uri.EscapeDataString(id))
            { JsonBody = body, Microversion = version, RequiredRole = Definition.RequiredRole }, cancellationToken).ConfigureAwait(false);
            return cloud.ReadResource(Definition, response.Json().Obj(Definition.Key), response);
        }
    }

    /// <summary>What PUT /os-services/{id} takes (not wrapped in "service").</summary>
    internal sealed class ComputeServiceUpdate
    {
        [JsonPropertyName("status")]
        public string Status { get; init; } = "";
        [JsonPropertyName("disabled_reason")]
        public string? DisabledReason { get; init; }
    }

    /// <summary>The source-generated JSON of compute services.</summary>
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = new[] { typeof(UtcTimeConverter) })]
    [JsonSerializable(typeof(ComputeService))]
    [JsonSerializable(typeof(ComputeServiceUpdate))]
    internal sealed partial class ComputeServiceJson : JsonSerializerContext
    {
    }
}
