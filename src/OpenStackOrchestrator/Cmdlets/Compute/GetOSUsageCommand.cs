using System;
using System.Collections.Generic;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Get-OSUsage: what projects' servers used over a period (Nova's simple tenant usage), as Get-Stat
    /// summarises a vSphere inventory: server, vCPU, memory and disk hours, with the servers. An admin gets every
    /// project (or those of -Project); another user the connection's own project.</summary>
    [Cmdlet(VerbsCommon.Get, "OSUsage")]
    [OutputType(typeof(ProjectUsage))]
    public sealed class GetOSUsageCommand : OSCloudCmdlet
    {
        /// <summary>The start of the period; default: the first day of this month (UTC), 00:00.</summary>
        [Parameter]
        public DateTime? Start { get; set; }

        /// <summary>The end of the period; default: now.</summary>
        [Parameter]
        public DateTime? Finish { get; set; }

        /// <summary>Project names or ids; default: every project (admin) or the connection's own.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string[]? Project { get; set; }

        protected override bool UsesAllDefaultClouds => true;

        protected override void ProcessRecord()
        {
            var now = DateTime.UtcNow;
            var finish = Utc(Finish) ?? now;
            var start = Utc(Start) ?? new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
            if (start >= finish)
            {
                WriteError(new ErrorRecord(new PSArgumentException($"-Start ({start:u}) must be before -Finish ({finish:u})."), "StartNotBeforeFinish",
                    ErrorCategory.InvalidArgument, Start));
                return;
            }
            foreach (var cloud in TargetClouds())
            {
                if (Project == null)
                    Try(cloud.Name, () => WriteAll(Run(ct => cloud.Compute.ListUsageAsync(start, finish, ct))));
                else
                    foreach (var project in Project)
                        Try(project, () => WriteAll(new[] { Run(async ct => await cloud.Compute.GetUsageAsync(
                            await cloud.ResolveProjectIdAsync(project, ct).ConfigureAwait(false), start, finish, ct).ConfigureAwait(false)) }));
            }
        }

        private void WriteAll(IEnumerable<ProjectUsage> usages)
        {
            foreach (var usage in usages)
                WriteTyped(usage, TypeNames.ProjectUsage);
        }

        private static DateTime? Utc(DateTime? time) =>
            time == null ? null : time.Value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time.Value, DateTimeKind.Local).ToUniversalTime() : time.Value.ToUniversalTime();
    }
}
