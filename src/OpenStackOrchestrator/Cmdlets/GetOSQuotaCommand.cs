using System.Management.Automation;
using OpenStackOrchestrator.Client.Quota;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets
{
    /// <summary>Get-OSQuota: a project's quotas as rows of Service, Resource, Limit, InUse and Reserved (compute;
    /// block-storage and network rows come with those services).</summary>
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
                Try(cloud.Name, () =>
                {
                    foreach (var quota in Run(ct => cloud.Compute.GetQuotaUsageAsync(ProjectId, ct)))
                        WriteTyped(quota, TypeNames.Quota);
                });
            }
        }
    }
}
