using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Quota;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets
{
    /// <summary>Get-OSQuota: a project's quotas as rows of Service, Resource, Limit, InUse and Reserved (compute,
    /// block-storage and network).</summary>
    [Cmdlet(VerbsCommon.Get, "OSQuota")]
    [OutputType(typeof(QuotaUsage))]
    public sealed class GetOSQuotaCommand : OSGetCmdlet
    {
        /// <summary>Another project's quotas (an administrator's operation); without it, the connection's project.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? ProjectId { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var cloud in TargetClouds())
            {
                var refusals = new List<PermissionDeniedException>();
                foreach (var read in Services(cloud))
                {
                    try
                    {
                        foreach (var quota in Run(read))
                            WriteTyped(quota, TypeNames.Quota);
                    }
                    catch (EndpointNotFoundException)
                    {
                        // a cloud without that service has no rows for it
                    }
                    catch (PermissionDeniedException ex)
                    {
                        refusals.Add(ex);
                    }
                    catch (OpenStackException ex)
                    {
                        WriteFailure(ex, ProjectId ?? cloud.ProjectName);
                    }
                }
                // Every service refusing is one refusal (a member asking for another project), not one error per service.
                foreach (var refusal in refusals.Take(refusals.Count == Services(cloud).Count ? 1 : refusals.Count))
                    WriteFailure(refusal, ProjectId ?? cloud.ProjectName);
            }
        }

        private IReadOnlyList<Func<CancellationToken, Task<IReadOnlyList<QuotaUsage>>>> Services(CloudConnection cloud) => new Func<CancellationToken, Task<IReadOnlyList<QuotaUsage>>>[]
        {
            ct => cloud.Compute.GetQuotaUsageAsync(ProjectId, ct),
            ct => cloud.BlockStorage.GetQuotaUsageAsync(ProjectId, ct),
            ct => cloud.Network.GetQuotaUsageAsync(ProjectId, ct),
        };
    }
}
