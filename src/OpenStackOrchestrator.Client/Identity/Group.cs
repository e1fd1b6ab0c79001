using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Identity
{
    /// <summary>A Keystone group of users: a role given to the group on a project is every member's there.</summary>
    [TableView("Name", "DomainId", "Description", "Id")]
    public sealed class Group : OSResource
    {
        /// <summary>Groups are the admin's under Keystone's default policy.</summary>
        public static readonly ResourceDefinition<Group> Definition = new ResourceDefinition<Group>
        {
            Kind = "group",
            ServiceType = ServiceTypes.Identity,
            Path = "/groups",
            Key = "group",
            CollectionKey = "groups",
            Paging = PagingStyle.None,
            Json = GroupJson.Default.Group,
            TypeName = "OpenStackOrchestrator.Group",
            RequiredRole = "admin",
            Filters = new Dictionary<string, string> { ["DomainId"] = "domain_id" },
            ParentFilters = new Dictionary<Type, string> { [typeof(Domain)] = "DomainId" },
        };

        [JsonPropertyName("domain_id")]
        public string DomainId { get; init => field = value ?? ""; } = "";
        [JsonPropertyName("description")]
        public string? Description { get; init; }

        public static Task<Group> CreateAsync(CloudConnection cloud, GroupCreateRequest request, CancellationToken cancellationToken) =>
            cloud.CreateResourceAsync(Definition, request, GroupJson.Default.GroupCreateRequest, cancellationToken);

        /// <summary>PUT /groups/{group}/users/{user}: makes the user a member (again: no error).</summary>
        public static Task AddMemberAsync(CloudConnection cloud, string groupId, string userId, CancellationToken cancellationToken) =>
            cloud.SendAsync(MemberRequest(HttpMethod.Put, groupId, userId), cancellationToken);

        /// <summary>DELETE /groups/{group}/users/{user}: a user who is no member is a NotFound error.</summary>
        public static Task RemoveMemberAsync(CloudConnection cloud, string groupId, string userId, CancellationToken cancellationToken) =>
            cloud.SendAsync(MemberRequest(HttpMethod.Delete, groupId, userId), cancellationToken);

        /// <summary>The users of a group.</summary>
        public static IAsyncEnumerable<User> ListMembersAsync(CloudConnection cloud, string groupId, ListQuery query, CancellationToken cancellationToken) =>
            cloud.ListResourcesAsync(User.OfGroup(groupId), query, cancellationToken);

        private static ServiceRequest MemberRequest(HttpMethod method, string groupId, string userId) =>
            new ServiceRequest(method, ServiceTypes.Identity, $"{Definition.Path}/{Uri.EscapeDataString(groupId)}/users/{Uri.EscapeDataString(userId)}")
            { RequiredRole = Definition.RequiredRole };
    }

    /// <summary>What POST /v3/groups sends.</summary>
    public sealed class GroupCreateRequest
    {
        [JsonPropertyName("name")]
        public string Name { get; init; } = "";
        [JsonPropertyName("domain_id")]
        public string? DomainId { get; init; }
        [JsonPropertyName("description")]
        public string? Description { get; init; }
    }

    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(Group))]
    [JsonSerializable(typeof(GroupCreateRequest))]
    internal sealed partial class GroupJson : JsonSerializerContext
    {
    }
}
