using System.Management.Automation;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.BlockStorage
{
    /// <summary>Get-OSVolumeType: the volume types the project may create volumes of, by name (wildcards) or id.</summary>
    [Cmdlet(VerbsCommon.Get, "OSVolumeType", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(VolumeType))]
    public sealed class GetOSVolumeTypeCommand : OSResourceGetCmdlet<VolumeType>
    {
        protected override ResourceDefinition<VolumeType> Definition => VolumeType.Definition;
    }
}
