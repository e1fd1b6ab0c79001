using System.Management.Automation;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Get-OSAvailabilityZone: the compute availability zones, with their hosts for administrators.</summary>
    [Cmdlet(VerbsCommon.Get, "OSAvailabilityZone", SupportsPaging = true)]
    [OutputType(typeof(AvailabilityZone))]
    public sealed class GetOSAvailabilityZoneCommand : OSGetCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(AvailabilityZoneNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        protected override void ProcessRecord() =>
            WriteMatches("availability zone", TypeNames.AvailabilityZone, new NameFilter(Name), filteredClientSide: true,
                (cloud, limit, ct) => cloud.Compute.ListAvailabilityZonesAsync(ct), zone => zone.Name);
    }
}
