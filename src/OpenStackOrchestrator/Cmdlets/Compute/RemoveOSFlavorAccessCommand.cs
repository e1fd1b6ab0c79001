using System.Management.Automation;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Remove-OSFlavorAccess: stops projects using a private flavor (their servers of it keep running; admin).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSFlavorAccess", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSFlavorAccessCommand : FlavorAccessCmdlet
    {
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[]? Project { get; set; }

        protected override void ProcessRecord() => Change(Project!, allow: false, project => $"Stop project '{project}' using flavor");
    }
}
