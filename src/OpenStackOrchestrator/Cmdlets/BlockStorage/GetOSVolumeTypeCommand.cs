using System.Management.Automation;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.BlockStorage
{
    /// <summary>Get-OSVolumeType: the volume types the project may create volumes of, by name (wildcards) or id.</summary>
    [Cmdlet(VerbsCommon.Get, "OSVolumeType", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(VolumeType))]
    public sealed class GetOSVolumeTypeCommand : OSGetCmdlet
    {
        [Parameter(ParameterSetName = "Name", Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(VolumeTypeNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = "Id", Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        protected override void ProcessRecord()
        {
            if (Id != null)
            {
                WriteByIds(Id, TypeNames.VolumeType, (cloud, id, ct) => cloud.BlockStorage.GetVolumeTypeAsync(id, ct));
                return;
            }
            var filter = new NameFilter(Name);
            WriteMatches("volume type", TypeNames.VolumeType, filter, filteredClientSide: !filter.IsEmpty,
                (cloud, limit, ct) => cloud.BlockStorage.ListVolumeTypesAsync(limit, ct), type => type.Name);
        }
    }
}
