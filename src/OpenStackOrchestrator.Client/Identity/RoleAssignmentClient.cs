using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Identity
{
    /// <summary>Which assignments GET /role_assignments lists: ids (null: any), and how.</summary>
    public sealed class RoleAssignmentFilter
    {
        public string? RoleId { get; init; }
        public string? UserId { get; init; }
        public string? GroupId { get; init; }
        public string? ProjectId { get; init; }
        public string? DomainId { get; init; }
        /// <summary>Only the inherited ones (OS-INHERIT).</summary>
        public bool Inherited { get; init; }
        /// <summary>What users really have: group assignments as each member's, inherited ones on each project below.</summary>
        public bool Effective { get; init; }
    }

    /// <summary>One assignment to give or take away: a role, a user or a group, and a project or a domain.</summary>
    public sealed class RoleAssignmentTarget
    {
        public string RoleId { get; init; } = "";
        public string? UserId { get; init; }
        public string? GroupId { get; init; }
        public string? ProjectId { get; init; }
        public string? DomainId { get; init; }
        /// <summary>On the projects below the domain or project instead of on it (OS-INHERIT).</summary>
        public bool Inherited { get; init; }

        /// <summary>/projects/{p}/users/{u}/roles/{r}, /domains/{d}/groups/{g}/roles/{r}, or their OS-INHERIT forms.</summary>
        public string Path
        {
            get
            {
                var scope = ProjectId != null ? "/projects/" + Escape(ProjectId) : "/domains/" + Escape(DomainId ?? throw new InvalidOperationException("A project or a domain is needed."));
                var principal = UserId != null ? "/users/" + Escape(UserId) : "/groups/" + Escape(GroupId ?? throw new InvalidOperationException("A user or a group is needed."));
                var path = scope + principal + "/roles/" + Escape(RoleId);
                return Inherited ? "/OS-INHERIT" + path + "/inherited_to_projects" : path;
            }
        }

        private static string Escape(string id) => Uri.EscapeDataString(id);
    }

    /// <summary>Keystone role assignments: listing them and giving or taking away one (all admin calls under the default policy).</summary>
    public static class RoleAssignmentClient
    {
        public static async IAsyncEnumerable<RoleAssignment> ListRoleAssignmentsAsync(this CloudConnection cloud, RoleAssignmentFilter filter,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var request = new ServiceRequest(HttpMethod.Get, ServiceTypes.Identity, "/role_assignments") { RequiredRole = "admin" };
            request.Query["include_names"] = "true";
            Add(request, "role.id", filter.RoleId);
            Add(request, "user.id", filter.UserId);
            Add(request, "group.id", filter.GroupId);
            Add(request, "scope.project.id", filter.ProjectId);
            Add(request, "scope.domain.id", filter.DomainId);
            if (filter.Inherited)
                request.Query["scope.OS-INHERIT:inherited_to"] = "projects";
            if (filter.Effective)
                request.Query["effective"] = "true";
            var response = await cloud.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var items = response.Json().Arr("role_assignments");
            if (items.ValueKind != System.Text.Json.JsonValueKind.Array)
                throw new Errors.InvalidResponseException($"The response from {response.Url} has no 'role_assignments' list.")
                { Service = ServiceTypes.Identity, Url = response.Url, RequestId = response.RequestId };
            foreach (var item in items.EnumerateArray())
                yield return RoleAssignment.From(item, cloud);
        }

        public static Task AssignRoleAsync(this CloudConnection cloud, RoleAssignmentTarget target, CancellationToken cancellationToken) =>
            cloud.SendAsync(new ServiceRequest(HttpMethod.Put, ServiceTypes.Identity, target.Path) { RequiredRole = "admin" }, cancellationToken);

        public static Task UnassignRoleAsync(this CloudConnection cloud, RoleAssignmentTarget target, CancellationToken cancellationToken) =>
            cloud.SendAsync(new ServiceRequest(HttpMethod.Delete, ServiceTypes.Identity, target.Path) { RequiredRole = "admin" }, cancellationToken);

        private static void Add(ServiceRequest request, string key, string? value)
        {
            if (value != null)
                request.Query[key] = value;
        }
    }
}
