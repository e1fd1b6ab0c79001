using System.Management.Automation;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Get-OSFlavorAccess: the projects a private flavor is open to (admin).</summary>
    [Cmdlet(VerbsCommon.Get, "OSFlavorAccess")]
    [OutputType(typeof(FlavorAccess))]
    public sealed class GetOSFlavorAccessCommand : FlavorAccessCmdlet
    {
        protected override void ProcessRecord()
        {
            var cloud = FlavorCloud();
            if (cloud == null)
                return;
            Try(Flavor, () =>
            {
                var access = Run(async ct => await cloud.Compute.ListFlavorAccessAsync(
                    await Flavor!.IdOnAsync(cloud, Client.Compute.Flavor.Definition, ct).ConfigureAwait(false), ct).ConfigureAwait(false));
                foreach (var item in access)
                    WriteTyped(item, TypeNames.FlavorAccess);
            });
        }
    }
}
