using System.Management.Automation;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Add-OSFlavorAccess: lets projects use a private flavor (admin).</summary>
    [Cmdlet(VerbsCommon.Add, "OSFlavorAccess", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class AddOSFlavorAccessCommand : FlavorAccessCmdlet
    {
        /// <summary>Project ids, or names (looking a name up needs a user who can list projects).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[]? Project { get; set; }

        protected override void ProcessRecord() => Change(Project!, allow: true, project => $"Let project '{project}' use flavor");
    }
}
