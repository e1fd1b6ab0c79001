using System.Management.Automation;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Images
{
    /// <summary>Remove-OSImage: deletes images (PowerCLI's Remove-Template). Each image is looked up first, so the
    /// confirmation and -WhatIf name exactly the image that would go, with its id.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSImageCommand : OSCloudCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Image { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var reference in Image!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null)
                    continue;
                Try(reference, () =>
                {
                    var image = Run(ct => ImageLookup.ResolveAsync(reference, cloud, ct));
                    if (ShouldProcess($"{image.Name} ({image.Id}) on {cloud.Name}", "Remove image"))
                        Run(ct => cloud.Image.DeleteAsync(image.Id, ct));
                });
            }
        }
    }
}
