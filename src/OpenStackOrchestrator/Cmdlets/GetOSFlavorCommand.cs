using System;
using System.Collections.Generic;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets
{
    /// <summary>Get-OSFlavor: Nova flavors by name (wildcards) or id.</summary>
    [Cmdlet(VerbsCommon.Get, "OSFlavor", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Flavor))]
    public sealed class GetOSFlavorCommand : OSGetCmdlet
    {
        [Parameter(ParameterSetName = "Name", Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(FlavorNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = "Id", Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        /// <summary>Include private flavors (admins see every flavor).</summary>
        [Parameter(ParameterSetName = "Name")]
        public SwitchParameter IncludePrivate { get; set; }

        /// <summary>Only flavors with at least this many vCPUs, smallest first (as New-OSServer -NumCpu picks).</summary>
        [Parameter(ParameterSetName = "Name")]
        [ValidateRange(1, 4096)]
        public int MinNumCpu { get; set; }

        /// <summary>Only flavors with at least this much memory, smallest first (as New-OSServer -MemoryGB picks).</summary>
        [Parameter(ParameterSetName = "Name")]
        [ValidateRange(0.001, 65536)]
        public double MinMemoryGB { get; set; }

        protected override void ProcessRecord()
        {
            if (Id != null)
            {
                WriteByIds(Id, TypeNames.Flavor, (cloud, id, ct) => cloud.Compute.GetFlavorAsync(id, ct));
                return;
            }
            var filter = new NameFilter(Name);
            if (MinNumCpu > 0 || MinMemoryGB > 0)
            {
                WriteSmallestFitting(filter);
                return;
            }
            WriteMatches("flavor", TypeNames.Flavor, filter, filteredClientSide: !filter.IsEmpty,
                (cloud, limit, ct) => cloud.Compute.ListFlavorsAsync(new FlavorListOptions { IncludePrivate = IncludePrivate, Limit = limit }, ct),
                flavor => flavor.Name);
        }

        /// <summary>Gathers the flavors of every cloud, then writes those that fit, smallest first: -First 1 is the flavor
        /// New-OSServer -NumCpu -MemoryGB would pick (without -IncludePrivate). Flavors that do not fit give no error.</summary>
        private void WriteSmallestFitting(NameFilter filter)
        {
            var options = new FlavorListOptions { IncludePrivate = IncludePrivate, MinMemoryMB = MinMemoryGB > 0 ? (int)Math.Ceiling(MinMemoryGB * 1024) : (int?)null };
            var candidates = new List<Flavor>();
            foreach (var cloud in TargetClouds())
                Try(cloud.Name, () => RunEach(ct => cloud.Compute.ListFlavorsAsync(options, ct), flavor =>
                {
                    if (filter.IsMatch(flavor.Name))
                        candidates.Add(flavor);
                }));
            var written = 0UL;
            foreach (var flavor in FlavorSizing.Fitting(candidates, MinNumCpu, MinMemoryGB))
                if (Paging.Take(PagingParameters, ref written))
                    WriteTyped(flavor, TypeNames.Flavor);
        }
    }
}
