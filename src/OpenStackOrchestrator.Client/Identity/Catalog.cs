using System.Collections.Generic;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Identity
{
    /// <summary>A Keystone region: where endpoints are (RegionOne on most clouds). Regions have no name: the id is it.</summary>
    [TableView("Id", "Description", "ParentRegionId")]
    public sealed class Region : OSResource
    {
        public static readonly ResourceDefinition<Region> Definition = new ResourceDefinition<Region>
        {
            Kind = "region",
            ServiceType = ServiceTypes.Identity,
            Path = "/regions",
            Key = "region",
            CollectionKey = "regions",
            Paging = PagingStyle.None,
            Json = CatalogJson.Default.Region,
            NameFilter = null,
            IdIsName = true,
            TypeName = "OpenStackOrchestrator.Region",
        };

        /// <summary>The id stands for the name (Get-OSRegion RegionOne).</summary>
        [JsonIgnore]
        public override string Name => Id;
        [JsonPropertyName("description")]
        public string? Description { get; init; }
        [JsonPropertyName("parent_region_id")]
        public string? ParentRegionId { get; init; }
    }

    /// <summary>A service of the Keystone catalog: nova of type compute, glance of type image...</summary>
    [TableView("Name", "Type", "Enabled", "Description", "Id")]
    public sealed class Service : OSResource
    {
        /// <summary>Listing services needs the admin role under Keystone's default policy.</summary>
        public static readonly ResourceDefinition<Service> Definition = new ResourceDefinition<Service>
        {
            Kind = "service",
            ServiceType = ServiceTypes.Identity,
            Path = "/services",
            Key = "service",
            CollectionKey = "services",
            Paging = PagingStyle.None,
            Json = CatalogJson.Default.Service,
            TypeName = "OpenStackOrchestrator.Service",
            RequiredRole = "admin",
            Filters = new Dictionary<string, string> { ["Type"] = "type" },
        };

        /// <summary>The catalog type: compute, image, network, volumev3, identity...</summary>
        [JsonPropertyName("type")]
        public string Type { get; init => field = value ?? ""; } = "";
        [JsonPropertyName("enabled")]
        public bool Enabled { get; init; } = true;
        [JsonPropertyName("description")]
        public string? Description { get; init; }
    }

    /// <summary>An endpoint of the Keystone catalog: the URL of a service in a region for one interface (public,
    /// internal, admin). Endpoints have no name: the service's name stands for it.</summary>
    [TableView("ServiceName", "ServiceType", "Interface", "Region", "Url", "Enabled")]
    public sealed class Endpoint : OSResource
    {
        /// <summary>Listing endpoints needs the admin role under Keystone's default policy.</summary>
        public static readonly ResourceDefinition<Endpoint> Definition = new ResourceDefinition<Endpoint>
        {
            Kind = "endpoint",
            ServiceType = ServiceTypes.Identity,
            Path = "/endpoints",
            Key = "endpoint",
            CollectionKey = "endpoints",
            Paging = PagingStyle.None,
            Json = CatalogJson.Default.Endpoint,
            NameFilter = null,
            TypeName = "OpenStackOrchestrator.Endpoint",
            RequiredRole = "admin",
            Filters = new Dictionary<string, string> { ["Interface"] = "interface", ["ServiceId"] = "service_id", ["Region"] = "region_id" },
            ParentFilters = new Dictionary<System.Type, string> { [typeof(Service)] = "ServiceId" },
        };

        [JsonIgnore]
        public override string Name => ServiceName ?? ServiceId;
        /// <summary>public, internal or admin.</summary>
        [JsonPropertyName("interface")]
        public string Interface { get; init => field = value ?? ""; } = "";
        [JsonPropertyName("region_id")]
        public string? Region { get; init; }
        [JsonPropertyName("url")]
        public string Url { get; init => field = value ?? ""; } = "";
        [JsonPropertyName("enabled")]
        public bool Enabled { get; init; } = true;
        [JsonPropertyName("service_id")]
        public string ServiceId { get; init => field = value ?? ""; } = "";
        /// <summary>The name of the endpoint's service (looked up in the service list).</summary>
        [JsonIgnore]
        [DerivedFrom("service_id")]
        public string? ServiceName { get; internal set; }
        /// <summary>The type of the endpoint's service: compute, image...</summary>
        [JsonIgnore]
        [DerivedFrom("service_id")]
        public string? ServiceType { get; internal set; }
    }

    /// <summary>The source-generated JSON of the catalog's regions, services and endpoints.</summary>
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(Region))]
    [JsonSerializable(typeof(Service))]
    [JsonSerializable(typeof(Endpoint))]
    internal sealed partial class CatalogJson : JsonSerializerContext
    {
    }
}
