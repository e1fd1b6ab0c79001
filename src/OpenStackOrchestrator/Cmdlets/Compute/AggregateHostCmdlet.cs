using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Base of Add- and Remove-OSAggregateHost: -Aggregate (name, id or object, also piped) and -ComputeHost.</summary>
    public abstract class AggregateHostCmdlet : OSCloudCmdlet, IResourceCmdlet
    {
        Client.Resources.IResourceDefinition IResourceCmdlet.Resource => Client.Compute.Aggregate.Definition;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<Aggregate>))]
        [ValidateNotNull]
        public ResourceReference? Aggregate { get; set; }

        /// <summary>Compute host names, as Nova's services list them (the host of Get-OSAvailabilityZone's Hosts).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [Alias("VMHost")]
        [ArgumentCompleter(typeof(ComputeHostNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? ComputeHost { get; set; }

        /// <summary>For each host: resolves the aggregate (also under -WhatIf), asks ShouldProcess, then changes it;
        /// writes the aggregate as it is after the last host.</summary>
        protected void ForEachHost(string action, Func<CloudConnection, string, string, CancellationToken, Task<Client.Compute.Aggregate>> change)
        {
            var cloud = Aggregate!.Cloud ?? TargetCloud();
            if (cloud == null)
                return;
            Client.Compute.Aggregate? changed = null;
            foreach (var host in ComputeHost!)
            {
                string? id = null;
                if (!ShouldProcessResolved(host, async ct => id = await Aggregate.IdOnAsync(cloud, Client.Compute.Aggregate.Definition, ct).ConfigureAwait(false),
                        $"{Aggregate} on {cloud.Name}", $"{action} '{host}'"))
                    continue;
                Try(host, () => changed = Run(ct => change(cloud, id!, host, ct)));
            }
            if (changed != null)
                WriteTyped(changed, Client.Compute.Aggregate.Definition.TypeName);
        }
    }
}
