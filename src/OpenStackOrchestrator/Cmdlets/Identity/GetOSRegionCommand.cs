using System.Management.Automation;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Identity
{
    /// <summary>Get-OSRegion: the regions of the Keystone catalog, by id (which is their name; wildcards).</summary>
    [Cmdlet(VerbsCommon.Get, "OSRegion", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Region))]
    public sealed class GetOSRegionCommand : OSResourceGetCmdlet<Region>
    {
        protected override ResourceDefinition<Region> Definition => Region.Definition;
    }
}
