using System.Collections;
using System.Management.Automation;
using System.Net;
using System.Security;
using OpenStackOrchestrator.Client.ObjectStorage;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.ObjectStorage
{
    /// <summary>Set-OSContainer: makes containers public or private, sets and removes their metadata, and sets the key
    /// that signs their temporary URLs (a secret: it is never shown, not even in -Debug traces).</summary>
    [Cmdlet(VerbsCommon.Set, "OSContainer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Container))]
    public sealed class SetOSContainerCommand : OSCloudCmdlet
    {
        private readonly ContainerUpdate _update = new ContainerUpdate();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ContainerNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Container { get; set; }

        /// <summary>-Public makes the container public; -Public:$false makes it private again.</summary>
        [Parameter]
        public SwitchParameter Public { get; set; }

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
        [ValidateNotNull]
        public SecureString? TempUrlKey { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            MetadataArguments.Split(Metadata, RemoveMetadata, _update.SetMetadata, _update.RemoveMetadata);
            MetadataArguments.Check(this, _update.SetMetadata, _update.RemoveMetadata);
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Public)))
                _update.Public = Public.IsPresent;
            if (TempUrlKey != null)
                _update.TempUrlKey = new NetworkCredential("", TempUrlKey).Password;
        }

        protected override void ProcessRecord()
        {
            foreach (var reference in Container!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null)
                    continue;
                var name = reference.Name ?? reference.Text;
                if (ShouldProcess($"{name} on {cloud.Name}", "Set container"))
                    Try(reference, () => WriteTyped(Run(ct => cloud.ObjectStorage.UpdateContainerAsync(name, _update, ct))));
            }
        }
    }
}
