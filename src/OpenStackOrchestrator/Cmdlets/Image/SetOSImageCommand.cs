using System.Collections;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Images;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Images
{
    /// <summary>Set-OSImage: renames images, changes their visibility, tags and custom properties (one JSON patch per
    /// image, with only what differs); returns the updated images.</summary>
    [Cmdlet(VerbsCommon.Set, "OSImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Client.Images.Image))]
    public sealed class SetOSImageCommand : OSCloudCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Image { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        [ValidateSet("public", "private", "shared", "community")]
        public string? Visibility { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string[]? AddTag { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string[]? RemoveTag { get; set; }

        /// <summary>Custom properties to set (a $null value removes the property).</summary>
        [Parameter]
        [ValidateNotNull]
        [ScalarValues]
        public Hashtable? Property { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string[]? RemoveProperty { get; set; }

        protected override void ProcessRecord()
        {
            var update = BuildUpdate();
            foreach (var reference in Image!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null)
                    continue;
                Try(reference, () =>
                {
                    var image = Run(ct => ImageLookup.ResolveAsync(reference, cloud, ct));
                    if (!ShouldProcess($"{image.Name} ({image.Id}) on {cloud.Name}", "Set image properties"))
                        return;
                    WriteTyped(Run(ct => cloud.Image.UpdateAsync(image.Id, update, ct)));
                });
            }
        }

        private ImageUpdate BuildUpdate()
        {
            var update = new ImageUpdate { Name = Name, Visibility = Visibility };
            foreach (var tag in AddTag ?? new string[0])
                update.AddTags.Add(tag);
            foreach (var tag in RemoveTag ?? new string[0])
                update.RemoveTags.Add(tag);
            foreach (var key in RemoveProperty ?? new string[0])
                update.RemoveProperties.Add(key);
            if (Property != null)
                foreach (DictionaryEntry entry in Property)
                {
                    if (entry.Value == null)
                        update.RemoveProperties.Add(entry.Key.ToString()!);
                    else
                        update.SetProperties[entry.Key.ToString()!] = InputChecks.ScalarText(nameof(Property), entry.Key.ToString()!, entry.Value) ?? "";
                }
            return update;
        }
    }
}
