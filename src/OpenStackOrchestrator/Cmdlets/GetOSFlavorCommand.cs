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

        protected override void ProcessRecord()
        {
            if (Id != null)
            {
                WriteByIds(Id, TypeNames.Flavor, (cloud, id, ct) => cloud.Compute.GetFlavorAsync(id, ct));
                return;
            }
            var filter = new NameFilter(Name);
            WriteMatches("flavor", TypeNames.Flavor, filter, filteredClientSide: !filter.IsEmpty,
                (cloud, limit, ct) => cloud.Compute.ListFlavorsAsync(new FlavorListOptions { IncludePrivate = IncludePrivate, Limit = limit }, ct),
                flavor => flavor.Name);
        }
    }
}
