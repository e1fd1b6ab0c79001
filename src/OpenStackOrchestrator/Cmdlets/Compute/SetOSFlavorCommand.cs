using System.Collections;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Set-OSFlavor: sets and removes flavor extra specs (the scheduler hints and hardware properties of
    /// `openstack flavor set --property`) and changes the description (admin). Returns the flavors as they now are.</summary>
    [Cmdlet(VerbsCommon.Set, "OSFlavor", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Flavor))]
    public sealed class SetOSFlavorCommand : OSCloudCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(FlavorNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Flavor { get; set; }

        /// <summary>Extra specs to set, merged with the others (a $null value removes the key).</summary>
        [Parameter]
        [ValidateNotNull]
        [ScalarValues]
        public Hashtable? Property { get; set; }

        /// <summary>Extra spec keys to remove (a key the flavor does not have is no error).</summary>
        [Parameter]
        [ValidateNotNull]
        public string[]? RemoveProperty { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string? Description { get; set; }

        protected override void ProcessRecord()
        {
            var changes = KeyChanges.From(Property, RemoveProperty, nameof(Property));
            foreach (var reference in Flavor!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null)
                    continue;
                string? id = null;
                if (!ShouldProcessResolved(reference, async ct => id = await reference.IdOnAsync(cloud, Client.Compute.Flavor.Definition, ct).ConfigureAwait(false),
                        $"{reference} on {cloud.Name}", "Set flavor properties"))
                    continue;
                Try(reference, () => WriteTyped(Run(async ct =>
                {
                    if (Description != null)
                        await cloud.Compute.SetFlavorDescriptionAsync(id!, Description, ct).ConfigureAwait(false);
                    return await cloud.Compute.SetFlavorExtraSpecsAsync(id!, changes, ct).ConfigureAwait(false);
                }), TypeNames.Flavor));
            }
        }
    }
}
