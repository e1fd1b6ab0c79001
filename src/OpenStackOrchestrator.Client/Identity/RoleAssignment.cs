using System;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Identity
{
    /// <summary>A Keystone role assignment: a role given to a user or a group on a project or a domain (Inherited: on the
    /// projects below it instead). An effective one (-Effective) may come from a group the user is in (ViaGroupId), from
    /// a role that implies it (ImpliedByRoleId: admin implies member, member reader) or from an inherited assignment above.</summary>
    [TableView("Role", "User", "Group", "Project", "Domain", "Inherited")]
    public sealed class RoleAssignment
    {
        private static readonly Regex MembershipGroup = new Regex("/groups/([^/]+)/users/", RegexOptions.CultureInvariant);
        private static readonly Regex PriorRole = new Regex("/prior_role/([^/]+)/implies/([^/]+)", RegexOptions.CultureInvariant);

        public string Role { get; init; } = "";
        public string RoleId { get; init; } = "";
        public string? User { get; init; }
        public string? UserId { get; init; }
        public string? Group { get; init; }
        public string? GroupId { get; init; }
        public string? Project { get; init; }
        public string? ProjectId { get; init; }
        /// <summary>The domain the role is given on (empty for a project's assignment).</summary>
        public string? Domain { get; init; }
        public string? DomainId { get; init; }
        /// <summary>True for a system-wide assignment (Keystone's system scope).</summary>
        public bool System { get; init; }
        /// <summary>Given to every project below the domain or project (OS-INHERIT), not to that domain or project itself.</summary>
        public bool Inherited { get; init; }
        /// <summary>In an effective listing: the group whose assignment the user has through membership.</summary>
        public string? ViaGroupId { get; init; }
        /// <summary>In an effective listing: the assigned role that implies this one.</summary>
        public string? ImpliedByRoleId { get; init; }
        /// <summary>False for an effective row that is not itself an assignment (from a group, an implying role, or an
        /// inherited assignment above).</summary>
        public bool IsDirect { get; init; } = true;
        public CloudConnection Cloud { get; init; } = null!;

        public override string ToString() =>
            $"{Role} for {(User != null ? "user " + User : "group " + Group)} on {(Project != null ? "project " + Project : System ? "system" : "domain " + Domain)}";

        /// <summary>One item of GET /role_assignments (with or without include_names).</summary>
        internal static RoleAssignment From(JsonElement item, CloudConnection cloud)
        {
            var role = item.Obj("role");
            var user = item.Obj("user");
            var group = item.Obj("group");
            var scope = item.Obj("scope");
            var project = scope.Obj("project");
            var domain = scope.Obj("domain");
            var inherited = scope.Str("OS-INHERIT:inherited_to") != null;
            var links = item.Obj("links");
            var membership = links.Str("membership");
            var assignment = links.Str("assignment") ?? "";
            var prior = links.Str("prior_role");
            return new RoleAssignment
            {
                Role = role.Str("name") ?? role.Str("id") ?? "",
                RoleId = role.Str("id") ?? "",
                User = NameOrId(user),
                UserId = user.Str("id"),
                Group = NameOrId(group),
                GroupId = group.Str("id"),
                Project = NameOrId(project),
                ProjectId = project.Str("id"),
                Domain = NameOrId(domain),
                DomainId = domain.Str("id"),
                System = scope.Obj("system").ValueKind == JsonValueKind.Object,
                Inherited = inherited,
                ViaGroupId = Captured(MembershipGroup, membership),
                ImpliedByRoleId = ImplyingRole(prior, role.Str("id")),
                IsDirect = membership == null && prior == null && assignment.Contains("/OS-INHERIT/") == inherited,
                Cloud = cloud,
            };
        }

        private static string? Captured(Regex pattern, string? link) =>
            link != null && pattern.Match(link) is { Success: true } m ? Uri.UnescapeDataString(m.Groups[1].Value) : null;

        // Keystone writes the link as /prior_role/{this role}/implies/{the role that implies it}; the id that is not
        // this row's role is taken, whichever way round a version writes it.
        private static string? ImplyingRole(string? link, string? roleId)
        {
            var m = link == null ? null : PriorRole.Match(link);
            if (m == null || !m.Success)
                return null;
            var first = Uri.UnescapeDataString(m.Groups[1].Value);
            return first == roleId ? Uri.UnescapeDataString(m.Groups[2].Value) : first;
        }

        private static string? NameOrId(JsonElement e) => e.ValueKind == JsonValueKind.Object ? e.Str("name") ?? e.Str("id") : null;
    }
}
