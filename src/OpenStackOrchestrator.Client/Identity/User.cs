using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Identity
{
    /// <summary>A Keystone user (Keystone never shows a user's password).</summary>
    [TableView("Name", "DomainId", "DefaultProjectId", "Enabled", "Email", "Description", "Id")]
    public sealed class User : OSResource
    {
        /// <summary>Listing users needs the admin role under Keystone's default policy.</summary>
        public static readonly ResourceDefinition<User> Definition = new ResourceDefinition<User>
        {
            Kind = "user",
            ServiceType = ServiceTypes.Identity,
            Path = "/users",
            Key = "user",
            CollectionKey = "users",
            Paging = PagingStyle.None,
            Json = UserJson.Default.User,
            TypeName = "OpenStackOrchestrator.User",
            RequiredRole = "admin",
            Filters = new Dictionary<string, string> { ["DomainId"] = "domain_id", ["Enabled"] = "enabled" },
            ParentFilters = new Dictionary<Type, string> { [typeof(Domain)] = "DomainId" },
        };

        /// <summary>The users of one group (GET /groups/{id}/users), as users.</summary>
        internal static ResourceDefinition<User> OfGroup(string groupId) => new ResourceDefinition<User>
        {
            Kind = Definition.Kind,
            ServiceType = Definition.ServiceType,
            Path = "/groups/" + Uri.EscapeDataString(groupId) + "/users",
            Key = Definition.Key,
            CollectionKey = Definition.CollectionKey,
            Paging = PagingStyle.None,
            Json = Definition.Json,
            TypeName = Definition.TypeName,
            RequiredRole = Definition.RequiredRole,
            NameFilter = null,
        };

        [JsonPropertyName("domain_id")]
        public string DomainId { get; init => field = value ?? ""; } = "";
        /// <summary>The project a token of the user is scoped to when the user names none.</summary>
        [JsonPropertyName("default_project_id")]
        public string? DefaultProjectId { get; init; }
        [JsonPropertyName("enabled")]
        public bool Enabled { get; init; }
        /// <summary>An attribute of Keystone's own users that Keystone stores and does not check.</summary>
        [JsonPropertyName("email")]
        public string? Email { get; init; }
        [JsonPropertyName("description")]
        public string? Description { get; init; }
        /// <summary>When the password stops working (UTC); null: never.</summary>
        [JsonPropertyName("password_expires_at")]
        public DateTime? PasswordExpiresAt { get; init; }

        public static Task<User> CreateAsync(CloudConnection cloud, UserCreateRequest request, CancellationToken cancellationToken) =>
            cloud.CreateResourceAsync(Definition, request, UserJson.Default.UserCreateRequest, cancellationToken);

        public static Task<User> UpdateAsync(CloudConnection cloud, string id, UserUpdate update, CancellationToken cancellationToken) =>
            cloud.PatchResourceAsync(Definition, id, update, UserJson.Default.UserUpdate, cancellationToken);
    }

    /// <summary>What POST /v3/users sends. The password is read from its SecureString only as the body is made.</summary>
    public sealed class UserCreateRequest
    {
        [JsonPropertyName("name")]
        public string Name { get; init; } = "";
        [JsonPropertyName("password")]
        public string? Password { get; init; }
        [JsonPropertyName("domain_id")]
        public string? DomainId { get; init; }
        [JsonPropertyName("default_project_id")]
        public string? DefaultProjectId { get; init; }
        [JsonPropertyName("email")]
        public string? Email { get; init; }
        [JsonPropertyName("description")]
        public string? Description { get; init; }
        [JsonPropertyName("enabled")]
        public bool Enabled { get; init; } = true;

        public override string ToString() => Name;
    }

    /// <summary>What PATCH /v3/users/{id} sends: the fields set change, the others stay.</summary>
    public sealed class UserUpdate
    {
        [JsonPropertyName("name")]
        public string? Name { get; init; }
        [JsonPropertyName("password")]
        public string? Password { get; init; }
        [JsonPropertyName("default_project_id")]
        public string? DefaultProjectId { get; init; }
        [JsonPropertyName("email")]
        public string? Email { get; init; }
        [JsonPropertyName("description")]
        public string? Description { get; init; }
        [JsonPropertyName("enabled")]
        public bool? Enabled { get; init; }

        public override string ToString() => Name ?? "";
    }

    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = new[] { typeof(UtcTimeConverter) })]
    [JsonSerializable(typeof(User))]
    [JsonSerializable(typeof(UserCreateRequest))]
    [JsonSerializable(typeof(UserUpdate))]
    internal sealed partial class UserJson : JsonSerializerContext
    {
    }
}
