using System.Collections;
using System.Management.Automation;
using OpenStackOrchestrator.Client.ObjectStorage;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.ObjectStorage
{
    /// <summary>New-OSContainer: creates Swift containers, optionally public (anyone may read and list them) and with
    /// metadata. An existing container is a Conflict error and is left as it is.</summary>
    [Cmdlet(VerbsCommon.New, "OSContainer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Container))]
    public sealed class NewOSContainerCommand : OSCloudCmdlet
    {
        private readonly ContainerUpdate _settings = new ContainerUpdate();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>Anyone may read the objects and list the container, without a token (read ACL .r:*,.rlistings).</summary>
        [Parameter]
        public SwitchParameter Public { get; set; }

        [Parameter]
        [ValidateNotNull]
        [ScalarValues]
        [HeaderValue]
        public Hashtable? Metadata { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            MetadataArguments.Split(Metadata, null, _settings.SetMetadata, _settings.RemoveMetadata);
            _settings.RemoveMetadata.Clear();   // nothing to remove on a new container
            MetadataArguments.Check(this, _settings.SetMetadata, _settings.RemoveMetadata);
            if (Public)
                _settings.Public = true;
        }

        protected override void ProcessRecord()
        {
            var cloud = TargetCloud();
            if (cloud == null)
                return;
            foreach (var name in Name!)
            {
                if (ShouldProcess($"{name} on {cloud.Name}", Public ? "Create public container" : "Create container"))
                    Try(name, () => WriteTyped(Run(ct => cloud.ObjectStorage.CreateContainerAsync(name, _settings, ct))));
            }
        }
    }
}
