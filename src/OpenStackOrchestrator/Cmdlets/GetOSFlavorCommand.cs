using System.Collections.Generic;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets
{
    /// <summary>Get-OSFlavor: Nova flavors by name (wildcards) or id.</summary>
    [Cmdlet(VerbsCommon.Get, "OSFlavor", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Flavor))]
    public sealed class GetOSFlavorCommand : OSCloudCmdlet
    {
        [Parameter(ParameterSetName = "Name", Position = 0)]
        [SupportsWildcards]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = "Id", Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        /// <summary>Include private flavors (admins see every flavor).</summary>
        [Parameter(ParameterSetName = "Name")]
        public SwitchParameter IncludePrivate { get; set; }

        protected override bool UsesAllDefaultClouds => true;

        protected override void ProcessRecord()
        {
            foreach (var cloud in TargetClouds())
            {
                if (Id != null)
                {
                    foreach (var id in Id)
                        Try(id, () => WriteTyped(Run(ct => cloud.Compute.GetFlavorAsync(id, ct)), TypeNames.Flavor));
                    continue;
                }
                var filter = new NameFilter(Name);
                var seen = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
                var options = new FlavorListOptions { IncludePrivate = IncludePrivate, Limit = filter.IsEmpty ? Paging.Limit(PagingParameters) : null };
                var written = 0UL;
                Try(cloud.Name, () => RunEach(ct => cloud.Compute.ListFlavorsAsync(options, ct), flavor =>
                {
                    if (!filter.IsMatch(flavor.Name) || !Paging.Take(PagingParameters, ref written))
                        return;
                    seen.Add(flavor.Name);
                    WriteTyped(flavor, TypeNames.Flavor);
                }));
                foreach (var exact in filter.ExactNames)
                    if (!seen.Contains(exact))
                        WriteError(ErrorRecords.NotFound("flavor", exact));
            }
        }
    }
}
