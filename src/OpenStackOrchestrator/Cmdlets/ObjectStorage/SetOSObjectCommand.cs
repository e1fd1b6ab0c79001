using System.Collections;
using System.Management.Automation;
using OpenStackOrchestrator.Client.ObjectStorage;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.ObjectStorage
{
    /// <summary>Set-OSObject: sets and removes metadata of objects, keeping their other metadata, and changes their
    /// content type; returns the updated objects.</summary>
    [Cmdlet(VerbsCommon.Set, "OSObject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NameSet)]
    [OutputType(typeof(StorageObject))]
    public sealed class SetOSObjectCommand : OSObjectCmdlet
    {
        private readonly ObjectUpdate _update = new ObjectUpdate();

        /// <summary>Metadata to set (a $null value removes the key).</summary>
        [Parameter]
        [ValidateNotNull]
        [ScalarValues]
        [HeaderValue]
        public Hashtable? Metadata { get; set; }

        [Parameter]
        [ValidateNotNull]
        [HeaderValue]
        public string[]? RemoveMetadata { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [HeaderValue]
        public string? ContentType { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            MetadataArguments.Split(Metadata, RemoveMetadata, _update.SetMetadata, _update.RemoveMetadata);
            MetadataArguments.Check(this, _update.SetMetadata, _update.RemoveMetadata);
            _update.ContentType = ContentType;
        }

        protected override void ProcessRecord()
        {
            foreach (var target in Targets())
            {
                if (ShouldProcess($"{target.Name} in container {target.Container} on {target.Cloud.Name}", "Set object metadata"))
                    Try(target, () => WriteTyped(Run(ct => target.Cloud.ObjectStorage.UpdateObjectAsync(target.Container, target.Name, _update, ct))));
            }
        }
    }
}
