using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Base of the networking cmdlets that change things: a malformed text argument ("a-b", "subnet=ip"...)
    /// is a non-terminating InvalidArgument error for that input, like a failed API call.</summary>
    public abstract class NeutronCmdlet : OSCloudCmdlet
    {
        protected void Act(object? target, Action action)
        {
            try
            {
                Try(target, action);
            }
            catch (ArgumentException ex)
            {
                WriteError(new ErrorRecord(ex, "InvalidArgument", ErrorCategory.InvalidArgument, target));
            }
        }

        protected bool IsBound(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);

        /// <summary>The id of the project a new resource is created for (an admin creating for another project), resolved
        /// once so that -WhatIf reports a project that does not resolve; null: the connection's own project.</summary>
        protected string? OwnerProjectId { get; private set; }

        protected static string ForProject(string? project) => project == null ? "" : $" for project {project}";

        protected async Task ResolveOwnerProjectAsync(CloudConnection cloud, string? project, CancellationToken ct)
        {
            if (project != null && OwnerProjectId == null)
                OwnerProjectId = await cloud.ResolveProjectIdAsync(project, ct).ConfigureAwait(false);
        }
    }
}
