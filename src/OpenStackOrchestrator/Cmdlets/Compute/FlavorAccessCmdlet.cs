using System;
using System.Management.Automation;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Base of the flavor access cmdlets: -Flavor (name, id or object, also piped; private flavors are found by name too).</summary>
    public abstract class FlavorAccessCmdlet : OSCloudCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(FlavorNameCompleter))]
        [ValidateNotNull]
        public ResourceReference? Flavor { get; set; }

        protected CloudConnection? FlavorCloud() => Flavor!.Cloud ?? TargetCloud();

        /// <summary>For each project: resolves the flavor and the project (also under -WhatIf, so it reports what the real
        /// run would), asks ShouldProcess with <paramref name="action"/>, then changes the access.</summary>
        protected void Change(string[] projects, bool allow, Func<string, string> action)
        {
            var cloud = FlavorCloud();
            if (cloud == null)
                return;
            foreach (var project in projects)
            {
                string? flavorId = null, projectId = null;
                if (!ShouldProcessResolved(project, async ct =>
                    {
                        flavorId = await Flavor!.IdOnAsync(cloud, Client.Compute.Flavor.Definition, ct).ConfigureAwait(false);
                        projectId = await cloud.ResolveProjectIdAsync(project, ct).ConfigureAwait(false);
                    }, $"{Flavor} on {cloud.Name}", action(project)))
                    continue;
                Try(project, () => Run(ct => cloud.Compute.SetFlavorAccessAsync(flavorId!, projectId!, allow, ct)));
            }
        }
    }
}
