using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Identity
{
    /// <summary>A Keystone domain: the container of projects, users and groups (the "Default" domain on most clouds).</summary>
    [TableView("Name", "Enabled", "Description", "Id")]
    public sealed class Domain : OSResource
    {
        /// <summary>Listing domains needs the admin role under Keystone's default policy.</summary>
        public static readonly ResourceDefinition<Domain> Definition = new ResourceDefinition<Domain>
        {
            Kind = "domain",
            ServiceType = ServiceTypes.Identity,
            Path = "/domains",
            Key = "domain",
            CollectionKey = "domains",
            Paging = PagingStyle.None,
            Json = DomainJson.Default.Domain,
            TypeName = "OpenStackOrchestrator.Domain",
            RequiredRole = "admin",
        };

        [JsonPropertyName("description")]
        public string? Description { get; init; }
        [JsonPropertyName("enabled")]
        public bool Enabled { get; init; }
    }

    /// <summary>A Keystone role: what a role assignment gives a user or group on a project or domain.</summary>
    [TableView("Name", "DomainId", "Description", "Id")]
    public sealed class Role : OSResource
    {
        /// <summary>Listing roles needs the admin role under Keystone's default policy.</summary>
        public static readonly ResourceDefinition<Role> Definition = new ResourceDefinition<Role>
        {
            Kind = "role",
            ServiceType = ServiceTypes.Identity,
            Path = "/roles",
            Key = "role",
            CollectionKey = "roles",
            Paging = PagingStyle.None,
            Json = DomainJson.Default.Role,
            TypeName = "OpenStackOrchestrator.Role",
            RequiredRole = "admin",
        };

        [JsonPropertyName("description")]
        public string? Description { get; init; }
        /// <summary>The domain of a domain-specific role; null for a global role.</summary>
        [JsonPropertyName("domain_id")]
        public string? DomainId { get; init; }
    }

    /// <summary>The source-generated JSON of domains and roles.</summary>
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(Domain))]
    [JsonSerializable(typeof(Role))]
    internal sealed partial class DomainJson : JsonSerializerContext
    {
    }
}
