using System.Collections.Generic;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets
{
    /// <summary>Get-OSServer: Nova servers, filtered server-side by name pattern and status.</summary>
    [Cmdlet(VerbsCommon.Get, "OSServer", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Server))]
    public sealed class GetOSServerCommand : OSCloudCmdlet
    {
        [Parameter(ParameterSetName = "Name", Position = 0)]
        [SupportsWildcards]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = "Id", Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        [Parameter(ParameterSetName = "Name")]
        [ValidateSet("ACTIVE", "BUILD", "DELETED", "ERROR", "HARD_REBOOT", "MIGRATING", "PASSWORD", "PAUSED", "REBOOT",
            "REBUILD", "RESCUE", "RESIZE", "REVERT_RESIZE", "SHELVED", "SHELVED_OFFLOADED", "SHUTOFF", "SOFT_DELETED",
            "SUSPENDED", "UNKNOWN", "VERIFY_RESIZE")]
        public string? Status { get; set; }

        /// <summary>Servers of every project (admin only).</summary>
        [Parameter(ParameterSetName = "Name")]
        public SwitchParameter AllProjects { get; set; }

        protected override bool UsesAllDefaultClouds => true;

        protected override void ProcessRecord()
        {
            foreach (var cloud in TargetClouds())
            {
                if (Id != null)
                {
                    foreach (var id in Id)
                        Try(id, () => WriteTyped(Run(ct => cloud.Compute.GetServerAsync(id, ct)), TypeNames.Server));
                    continue;
                }
                var filter = new NameFilter(Name);
                // Nova matches the regex server-side (as a search, case-insensitively); the exact check stays here.
                var options = new ServerListOptions { NameRegex = filter.ToRegex(), Status = Status, AllProjects = AllProjects };
                options.Limit = filter.IsEmpty ? Paging.Limit(PagingParameters) : null;
                var seen = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
                var written = 0UL;
                Try(cloud.Name, () => RunEach(ct => cloud.Compute.ListServersAsync(options, ct), server =>
                {
                    if (!filter.IsMatch(server.Name) || !Paging.Take(PagingParameters, ref written))
                        return;
                    seen.Add(server.Name);
                    WriteTyped(server, TypeNames.Server);
                }));
                foreach (var exact in filter.ExactNames)
                    if (!seen.Contains(exact))
                        WriteError(ErrorRecords.NotFound("server", exact));
            }
        }
    }
}
