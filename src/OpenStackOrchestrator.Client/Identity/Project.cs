using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Identity
{
    /// <summary>A Keystone project: what servers, networks and volumes belong to and quotas count against, in a domain,
    /// maybe below a parent project (the folder of vSphere).</summary>
    [TableView("Name", "DomainId", "ParentId", "Enabled", "Tags", "Description", "Id")]
    public sealed class Project : OSResource
    {
        /// <summary>Listing every project needs the admin role under Keystone's default policy (a user's own are at /auth/projects).</summary>
        public static readonly ResourceDefinition<Project> Definition = new ResourceDefinition<Project>
        {
            Kind = "project",
            ServiceType = ServiceTypes.Identity,
            Path = "/projects",
            Key = "project",
            CollectionKey = "projects",
            Paging = PagingStyle.None,
            Json = ProjectJson.Default.Project,
            TypeName = "OpenStackOrchestrator.Project",
            RequiredRole = "admin",
            Filters = new Dictionary<string, string> { ["DomainId"] = "domain_id", ["ParentId"] = "parent_id", ["Enabled"] = "enabled" },
            Tagging = TagSupport.Keystone,
            ParentFilters = new Dictionary<Type, string> { [typeof(Domain)] = "DomainId" },
        };

        [JsonPropertyName("domain_id")]
        public string DomainId { get; init => field = value ?? ""; } = "";
        /// <summary>The parent project; for a project at the top of its domain, the domain's id.</summary>
        [JsonPropertyName("parent_id")]
        public string? ParentId { get; init; }
        [JsonPropertyName("enabled")]
        public bool Enabled { get; init; }
        [JsonPropertyName("tags")]
        public IReadOnlyList<string> Tags { get; init => field = value ?? Array.Empty<string>(); } = Array.Empty<string>();
        [JsonPropertyName("description")]
        public string? Description { get; init; }
        /// <summary>True for the project Keystone keeps behind each domain.</summary>
        [JsonPropertyName("is_domain")]
        public bool IsDomain { get; init; }

        public static Task<Project> CreateAsync(CloudConnection cloud, ProjectCreateRequest request, CancellationToken cancellationToken) =>
            cloud.CreateResourceAsync(Definition, request, ProjectJson.Default.ProjectCreateRequest, cancellationToken);

        public static Task<Project> UpdateAsync(CloudConnection cloud, string id, ProjectUpdate update, CancellationToken cancellationToken) =>
            cloud.PatchResourceAsync(Definition, id, update, ProjectJson.Default.ProjectUpdate, cancellationToken);

        /// <summary>The projects right below this one.</summary>
        public static IAsyncEnumerable<Project> ListChildrenAsync(CloudConnection cloud, string id, CancellationToken cancellationToken) =>
            cloud.ListResourcesAsync(Definition, new ListQuery().Filter("ParentId", id), cancellationToken);
    }

    /// <summary>What POST /v3/projects sends.</summary>
    public sealed class ProjectCreateRequest
    {
        [JsonPropertyName("name")]
        public string Name { get; init; } = "";
        [JsonPropertyName("description")]
        public string? Description { get; init; }
        [JsonPropertyName("domain_id")]
        public string? DomainId { get; init; }
        [JsonPropertyName("parent_id")]
        public string? ParentId { get; init; }
        [JsonPropertyName("enabled")]
        public bool Enabled { get; init; } = true;
        [JsonPropertyName("tags")]
        public IReadOnlyList<string>? Tags { get; init; }
    }

    /// <summary>What PATCH /v3/projects/{id} sends: the fields set change, the others stay.</summary>
    public sealed class ProjectUpdate
    {
        [JsonPropertyName("name")]
        public string? Name { get; init; }
        [JsonPropertyName("description")]
        public string? Description { get; init; }
        [JsonPropertyName("enabled")]
        public bool? Enabled { get; init; }
        /// <summary>The whole new list of tags (Keystone replaces the list).</summary>
        [JsonPropertyName("tags")]
        public IReadOnlyList<string>? Tags { get; set; }

        [JsonIgnore]
        public bool IsEmpty => Name == null && Description == null && Enabled == null && Tags == null;
    }

    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(Project))]
    [JsonSerializable(typeof(ProjectCreateRequest))]
    [JsonSerializable(typeof(ProjectUpdate))]
    internal sealed partial class ProjectJson : JsonSerializerContext
    {
    }
}
