using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets
{
    /// <summary>Get-OSFlavor: Nova flavors by name (wildcards) or id, or the smallest that fit a size.</summary>
    [Cmdlet(VerbsCommon.Get, "OSFlavor", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Flavor))]
    public sealed class GetOSFlavorCommand : OSResourceGetCmdlet<Flavor>
    {
        protected override ResourceDefinition<Flavor> Definition => Flavor.Definition;

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
            var given = InputObject?.BaseObject;
            var piped = given is string name ? name : (given as Flavor)?.Name;
            if ((MinNumCpu > 0 || MinMemoryGB > 0) && (given == null || piped != null))
                WriteSmallestFitting(new NameFilter(piped == null ? Name : (Name ?? new string[0]).Append(piped).ToArray()));
            else
                base.ProcessRecord();
        }

        protected override bool Filter(ListQuery query)
        {
            query.Filter("IsPublic", IncludePrivate ? "None" : null);
            return true;
        }

        /// <summary>Gathers the flavors of every cloud, then writes those that fit, smallest first: -First 1 is the flavor
        /// New-OSServer -NumCpu -MemoryGB would pick (without -IncludePrivate). Flavors that do not fit give no error.</summary>
        private void WriteSmallestFitting(NameFilter filter)
        {
            var query = new ListQuery().Filter("MinMemoryMB", MinMemoryGB > 0 ? ((int)Math.Ceiling(MinMemoryGB * 1024)).ToString(CultureInfo.InvariantCulture) : null);
            Filter(query);
            var candidates = new List<Flavor>();
            foreach (var cloud in TargetClouds())
                Try(cloud.Name, () => RunEach(ct => cloud.ListResourcesAsync(Definition, query, ct), flavor =>
                {
                    if (filter.IsMatch(flavor.Name))
                        candidates.Add(flavor);
                }));
            var written = 0UL;
            foreach (var flavor in FlavorSizing.Fitting(candidates, MinNumCpu, MinMemoryGB))
                if (Paging.Take(PagingParameters, ref written))
                    WriteTyped(flavor, Definition.TypeName);
        }
    }
}
