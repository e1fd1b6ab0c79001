using System;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>New-OSFlavor: creates a flavor (an administrator's operation under Nova's default policy).</summary>
    [Cmdlet(VerbsCommon.New, "OSFlavor", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Flavor))]
    public sealed class NewOSFlavorCommand : OSCloudCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter(Mandatory = true)]
        [ValidateRange(1, 4096)]
        public int NumCpu { get; set; }

        [Parameter(Mandatory = true)]
        [ValidateRange(0.001, 65536)]
        public double MemoryGB { get; set; }

        [Parameter]
        [ValidateRange(0, 1048576)]
        [WholeNumber]
        public int DiskGB { get; set; }

        [Parameter]
        [ValidateRange(0, 1048576)]
        [WholeNumber]
        public int EphemeralGB { get; set; }

        [Parameter]
        [ValidateRange(0, 1048576)]
        [WholeNumber]
        public int SwapMB { get; set; }

        /// <summary>The flavor id; Nova makes a UUID without it.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        /// <summary>Create the flavor private (only projects given access can use it).</summary>
        [Parameter]
        public SwitchParameter Private { get; set; }

        [Parameter]
        public string? Description { get; set; }

        protected override void ProcessRecord()
        {
            var cloud = TargetCloud();
            if (cloud == null || !ShouldProcess($"{Name} on {cloud.Name}", "Create flavor"))
                return;
            var request = new FlavorCreateRequest
            {
                Name = Name!,
                Id = Id,
                VCpus = NumCpu,
                MemoryMB = Math.Max(1, (long)Math.Round(MemoryGB * 1024)),
                DiskGB = DiskGB,
                EphemeralGB = EphemeralGB,
                SwapMB = SwapMB,
                IsPublic = !Private,
                Description = Description,
            };
            Try(Name, () => WriteTyped(Run(ct => cloud.Compute.CreateFlavorAsync(request, ct))));
        }
    }
}
