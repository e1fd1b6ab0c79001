using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text;
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
    /// <summary>A Nova host aggregate: a named group of compute hosts with metadata the scheduler matches flavors'
    /// extra specs against, and optionally an availability zone (the vSphere cluster of an OpenStack cloud). Admin only.</summary>
    [TableView("Name", "AvailabilityZone", "Hosts", "Metadata.Count", "Id")]
    public sealed class Aggregate : OSResource
    {
        // 2.41 adds the uuid.
        public static readonly ResourceDefinition<Aggregate> Definition = new ResourceDefinition<Aggregate>
        {
            Kind = "aggregate",
            ServiceType = ServiceTypes.Compute,
            Path = "/os-aggregates",
            Key = "aggregate",
            CollectionKey = "aggregates",
            Paging = PagingStyle.None,
            NameFilter = null,
            Json = AggregateJson.Default.Aggregate,
            Microversion = "2.41",
            MinimumMicroversion = "2.1",
            TypeName = "OpenStackOrchestrator.Aggregate",
            RequiredRole = "admin",
        };

        /// <summary>Nova's aggregate id is a number (the API's paths take it, not the uuid).</summary>
        [JsonIgnore]
        [DerivedFrom("id")]
        public override string Id => Number.ToString(CultureInfo.InvariantCulture);
        [JsonPropertyName("id")]
        [JsonInclude]
        [JsonConverter(typeof(LenientInt64Converter))]
        internal long Number { get; init; }

        /// <summary>Microversion 2.41 and later.</summary>
        [JsonPropertyName("uuid")]
        public string? Uuid { get; init; }
        /// <summary>The zone its hosts are in (null: the hosts stay in the default zone).</summary>
        [JsonPropertyName("availability_zone")]
        public string? AvailabilityZone { get; init; }
        /// <summary>The compute hosts' names (Nova's create answer has none).</summary>
        [JsonPropertyName("hosts")]
        public IReadOnlyList<string> Hosts { get; init => field = value ?? Array.Empty<string>(); } = Array.Empty<string>();
        /// <summary>What the scheduler matches flavor extra specs against (availability_zone is one of the keys).</summary>
        [JsonPropertyName("metadata")]
        [JsonConverter(typeof(TextMapConverter))]
        public IReadOnlyDictionary<string, string> Metadata { get; init => field = value ?? TextMapConverter.Empty(); } = TextMapConverter.Empty();
        [JsonPropertyName("created_at")]
        public DateTime? Created { get; init; }
        [JsonPropertyName("updated_at")]
        public DateTime? Updated { get; init; }

        public override string ToString() => Name;

        public static async Task<Aggregate> CreateAsync(CloudConnection cloud, string name, string? availabilityZone, CancellationToken cancellationToken) =>
            await cloud.CreateResourceAsync(Definition, new AggregateRequest { Name = name, AvailabilityZone = availabilityZone },
                AggregateJson.Default.AggregateRequest, cancellationToken).ConfigureAwait(false);

        /// <summary>PUT: a new name and/or zone (Nova takes at least one of them).</summary>
        public static Task<Aggregate> UpdateAsync(CloudConnection cloud, string id, string? name, string? availabilityZone, CancellationToken cancellationToken) =>
            cloud.UpdateResourceAsync(Definition, id, new AggregateRequest { Name = name, AvailabilityZone = availabilityZone },
                AggregateJson.Default.AggregateRequest, cancellationToken);

        public static Task<Aggregate> AddHostAsync(CloudConnection cloud, string id, string host, CancellationToken cancellationToken) =>
            ActionAsync(cloud, id, "add_host", w => w.WriteString("host", host), "Adding a host to an aggregate", cancellationToken);

        public static Task<Aggregate> RemoveHostAsync(CloudConnection cloud, string id, string host, CancellationToken cancellationToken) =>
            ActionAsync(cloud, id, "remove_host", w => w.WriteString("host", host), "Removing a host from an aggregate", cancellationToken);

        /// <summary>Sets the keys given (merged with the others); a null value removes its key.</summary>
        public static Task<Aggregate> SetMetadataAsync(CloudConnection cloud, string id, IReadOnlyDictionary<string, string?> metadata, CancellationToken cancellationToken) =>
            ActionAsync(cloud, id, "set_metadata", w =>
            {
                w.WritePropertyName("metadata");
                w.WriteStartObject();
                foreach (var pair in metadata)
                {
                    if (pair.Value == null)
                        w.WriteNull(pair.Key);
                    else
                        w.WriteString(pair.Key, pair.Value);
                }
                w.WriteEndObject();
            }, "Setting aggregate metadata", cancellationToken);

        /// <summary>Nova refuses to delete an aggregate that has hosts with a bare 400: this names them first.</summary>
        public static void EnsureEmpty(Aggregate aggregate)
        {
            if (aggregate.Hosts.Count > 0)
                throw new AggregateNotEmptyException(aggregate.Name, aggregate.Hosts);
        }

        private static async Task<Aggregate> ActionAsync(CloudConnection cloud, string id, string action, Action<Utf8JsonWriter> writeArguments, string operation,
            CancellationToken cancellationToken)
        {
            var version = await ResourceClient.MicroversionAsync(cloud, Definition, operation, cancellationToken).ConfigureAwait(false);
            var request = new ServiceRequest(HttpMethod.Post, ServiceTypes.Compute, $"{Definition.Path}/{Uri.EscapeDataString(id)}/action")
            {
                JsonBody = Body(action, writeArguments),
                Microversion = version,
                RequiredRole = Definition.RequiredRole,
            };
            var response = await cloud.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var item = response.Json().Obj(Definition.Key);
            if (item.ValueKind != JsonValueKind.Object)
                throw new InvalidResponseException($"The answer from {response.Url} has no 'aggregate' object.")
                { Service = ServiceTypes.Compute, StatusCode = response.StatusCode, RequestId = response.RequestId, Url = response.Url };
            return cloud.ReadResource(Definition, item, response);
        }

        private static string Body(string action, Action<Utf8JsonWriter> writeArguments)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WritePropertyName(action);
                writer.WriteStartObject();
                writeArguments(writer);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            return Encoding.UTF8.GetString(buffer.ToArray());
        }
    }

    /// <summary>What POST and PUT /os-aggregates take.</summary>
    public sealed class AggregateRequest
    {
        [JsonPropertyName("name")]
        public string? Name { get; init; }
        [JsonPropertyName("availability_zone")]
        public string? AvailabilityZone { get; init; }
    }

    /// <summary>The source-generated JSON of aggregates.</summary>
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = new[] { typeof(UtcTimeConverter) })]
    [JsonSerializable(typeof(Aggregate))]
    [JsonSerializable(typeof(AggregateRequest))]
    internal sealed partial class AggregateJson : JsonSerializerContext
    {
    }
}
