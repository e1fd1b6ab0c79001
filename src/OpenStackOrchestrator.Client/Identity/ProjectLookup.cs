using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Resolution;

namespace OpenStackOrchestrator.Client.Identity
{
    /// <summary>A Keystone project id from a name or an id. An id (32 hex digits) is taken as it is; a name is looked up
    /// in GET /v3/projects (which needs admin), else among the user's own projects (GET /v3/auth/projects).</summary>
    public static class ProjectLookup
    {
        private static readonly Regex IdPattern = new Regex("^[0-9a-fA-F]{32}$");

        public static async Task<string> ResolveProjectIdAsync(this CloudConnection cloud, string nameOrId, CancellationToken cancellationToken)
        {
            if (IdPattern.IsMatch(nameOrId) || string.Equals(nameOrId, cloud.ProjectId, StringComparison.OrdinalIgnoreCase))
                return nameOrId;
            if (string.Equals(nameOrId, cloud.ProjectName, StringComparison.Ordinal) && cloud.ProjectId != null)
                return cloud.ProjectId;
            List<JsonElement> projects;
            try
            {
                projects = await NameResolver.ToListAsync(cloud.ListAsync(ServiceTypes.Identity, "/projects", "projects",
                    new Dictionary<string, string> { ["name"] = nameOrId }, null, null, cancellationToken)).ConfigureAwait(false);
            }
            catch (PermissionDeniedException)
            {
                var mine = await NameResolver.ToListAsync(cloud.ListAsync(ServiceTypes.Identity, "/auth/projects", "projects",
                    new Dictionary<string, string>(), null, null, cancellationToken)).ConfigureAwait(false);
                projects = mine.Where(p => p.Str("name") == nameOrId).ToList();
                if (projects.Count == 0)
                    throw new ResourceNotFoundException($"User '{cloud.UserName}' has no project named '{nameOrId}', and only an admin can look up " +
                        "other projects by name: give the project's id.") { Service = ServiceTypes.Identity };
            }
            if (projects.Count == 0)
                throw new NameNotFoundException("project", nameOrId);
            if (projects.Count > 1)
                throw new AmbiguousNameException("project", nameOrId, projects.Select(p => $"{p.Str("id")} (domain {p.Str("domain_id")})").ToList());
            return projects[0].Str("id") ?? nameOrId;
        }
    }
}
