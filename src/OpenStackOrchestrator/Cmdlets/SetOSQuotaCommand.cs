using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Quota;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets
{
    /// <summary>Set-OSQuota: sets a project's quotas (admin). Each parameter is named after the Resource of the row
    /// Get-OSQuota shows for it (-Instances: instances, -KeyPairs: key_pairs, -FloatingIP: floatingip); only the services
    /// whose quotas are given are called.</summary>
    [Cmdlet(VerbsCommon.Set, "OSQuota", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(QuotaUsage))]
    public sealed class SetOSQuotaCommand : OSCloudCmdlet
    {
        private const string ComputeService = "compute", BlockStorageService = "block-storage", NetworkService = "network";

        /// <summary>The parameter of each quota, its service and the service's name for it (Get-OSQuota's Resource).</summary>
        private static readonly (string Parameter, string Service, string Resource)[] Quotas =
        {
            (nameof(Instances), ComputeService, "instances"), (nameof(Cores), ComputeService, "cores"), (nameof(Ram), ComputeService, "ram"),
            (nameof(KeyPairs), ComputeService, "key_pairs"), (nameof(MetadataItems), ComputeService, "metadata_items"),
            (nameof(ServerGroups), ComputeService, "server_groups"), (nameof(ServerGroupMembers), ComputeService, "server_group_members"),
            (nameof(Volumes), BlockStorageService, "volumes"), (nameof(Gigabytes), BlockStorageService, "gigabytes"), (nameof(Snapshots), BlockStorageService, "snapshots"),
            (nameof(Backups), BlockStorageService, "backups"), (nameof(BackupGigabytes), BlockStorageService, "backup_gigabytes"),
            (nameof(PerVolumeGigabytes), BlockStorageService, "per_volume_gigabytes"), (nameof(Groups), BlockStorageService, "groups"),
            (nameof(Network), NetworkService, "network"), (nameof(Subnet), NetworkService, "subnet"), (nameof(Port), NetworkService, "port"),
            (nameof(Router), NetworkService, "router"), (nameof(FloatingIP), NetworkService, "floatingip"), (nameof(SecurityGroup), NetworkService, "security_group"),
            (nameof(SecurityGroupRule), NetworkService, "security_group_rule"), (nameof(SubnetPool), NetworkService, "subnetpool"), (nameof(RbacPolicy), NetworkService, "rbac_policy"),
        };

        /// <summary>The project: a name or an id.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Project { get; set; }

        [Parameter] public int Instances { get; set; }
        [Parameter] public int Cores { get; set; }
        /// <summary>Memory in MB.</summary>
        [Parameter] [Alias("RamMB")] public int Ram { get; set; }
        [Parameter] public int KeyPairs { get; set; }
        [Parameter] public int MetadataItems { get; set; }
        [Parameter] public int ServerGroups { get; set; }
        [Parameter] public int ServerGroupMembers { get; set; }
        [Parameter] public int Volumes { get; set; }
        [Parameter] public int Gigabytes { get; set; }
        [Parameter] public int Snapshots { get; set; }
        [Parameter] public int Backups { get; set; }
        [Parameter] public int BackupGigabytes { get; set; }
        [Parameter] public int PerVolumeGigabytes { get; set; }
        [Parameter] public int Groups { get; set; }
        [Parameter] public int Network { get; set; }
        [Parameter] public int Subnet { get; set; }
        [Parameter] public int Port { get; set; }
        [Parameter] public int Router { get; set; }
        [Parameter] public int FloatingIP { get; set; }
        [Parameter] public int SecurityGroup { get; set; }
        [Parameter] public int SecurityGroupRule { get; set; }
        [Parameter] public int SubnetPool { get; set; }
        [Parameter] public int RbacPolicy { get; set; }

        /// <summary>Writes the rows of the quotas that were set, read back from the services.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var cloud = TargetCloud();
            if (cloud == null)
                return;
            // Service -> resource -> new limit, in the order of Get-OSQuota's services.
            var changes = Quotas.Where(q => MyInvocation.BoundParameters.ContainsKey(q.Parameter))
                .GroupBy(q => q.Service)
                .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, long>)g.ToDictionary(q => q.Resource,
                    q => Convert.ToInt64(MyInvocation.BoundParameters[q.Parameter], CultureInfo.InvariantCulture)));
            if (changes.Count == 0)
            {
                WriteError(new ErrorRecord(new ArgumentException("Give at least one quota to set, for example -Instances 20."), "NoQuotaGiven",
                    ErrorCategory.InvalidArgument, Project));
                return;
            }
            string? projectId = null;
            var current = new Dictionary<string, IReadOnlyList<QuotaUsage>>();
            // Resolved and read first, also under -WhatIf: it names each change with the limit it replaces.
            var resolved = false;
            Try(Project, () =>
            {
                Run(async ct =>
                {
                    projectId = await cloud.ResolveProjectIdAsync(Project!, ct).ConfigureAwait(false);
                    foreach (var service in changes.Keys)
                        current[service] = await ReadAsync(cloud, service, projectId, ct).ConfigureAwait(false);
                });
                resolved = true;
            });
            if (!resolved)
                return;
            foreach (var change in changes)
            {
                var described = string.Join(", ", change.Value.Select(c => $"{c.Key} to {Limit(c.Value)} (was {Was(current[change.Key], c.Key)})"));
                if (!ShouldProcess($"{change.Key} quotas of project '{Project}' on {cloud.Name}", $"Set {described}"))
                    continue;
                Try(Project, () =>
                {
                    Run(ct => WriteAsync(cloud, change.Key, projectId!, change.Value, ct));
                    if (PassThru)
                        foreach (var row in Run(ct => ReadAsync(cloud, change.Key, projectId!, ct)).Where(r => change.Value.ContainsKey(r.Resource)))
                            WriteTyped(row, TypeNames.Quota);
                });
            }
        }

        private static string Limit(long value) => value < 0 ? "unlimited" : value.ToString(CultureInfo.InvariantCulture);

        private static string Was(IReadOnlyList<QuotaUsage> rows, string resource) =>
            rows.FirstOrDefault(r => r.Resource == resource) is QuotaUsage row ? Limit(row.Limit) : "not set";

        private static Task<IReadOnlyList<QuotaUsage>> ReadAsync(CloudConnection cloud, string service, string projectId, CancellationToken ct) => service switch
        {
            ComputeService => cloud.Compute.GetQuotaUsageAsync(projectId, ct),
            BlockStorageService => cloud.BlockStorage.GetQuotaUsageAsync(projectId, ct),
            _ => cloud.Network.GetQuotaUsageAsync(projectId, ct),
        };

        private static Task WriteAsync(CloudConnection cloud, string service, string projectId, IReadOnlyDictionary<string, long> limits, CancellationToken ct) => service switch
        {
            ComputeService => cloud.Compute.SetQuotasAsync(projectId, limits, ct),
            BlockStorageService => cloud.BlockStorage.SetQuotasAsync(projectId, limits, ct),
            _ => cloud.Network.SetQuotasAsync(projectId, limits, ct),
        };
    }
}
