using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using OpenStackOrchestrator.Client.ObjectStorage;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.ObjectStorage
{
    /// <summary>Copy-OSObject: copies objects on the server (the data does not pass through this machine), within a
    /// container or into another one of the same cloud; the copy keeps the metadata, -Metadata adds to it.</summary>
    [Cmdlet(VerbsCommon.Copy, "OSObject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NameSet)]
    [OutputType(typeof(StorageObject))]
    public sealed class CopyOSObjectCommand : OSObjectCmdlet
    {
        private readonly Dictionary<string, string> _metadata = new Dictionary<string, string>();
        private int _sources;

        /// <summary>Without it, the source's container.</summary>
        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ContainerNameCompleter))]
        [ValidateNotNull]
        public ResourceReference? DestinationContainer { get; set; }

        /// <summary>Without it, the source's name.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DestinationName { get; set; }

        [Parameter]
        [ValidateNotNull]
        [ScalarValues]
        [HeaderValue]
        public Hashtable? Metadata { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            MetadataArguments.Split(Metadata, null, _metadata, new List<string>());
            MetadataArguments.Check(this, _metadata, new List<string>());
            if (DestinationContainer == null && DestinationName == null)
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException("Give -DestinationContainer, -DestinationName or both: an object cannot be copied onto itself."),
                    "NoDestination", ErrorCategory.InvalidArgument, null));
        }

        protected override void ProcessRecord()
        {
            foreach (var target in Targets())
            {
                if (DestinationName != null && ++_sources > 1)
                {
                    WriteError(new ErrorRecord(new PSArgumentException("-DestinationName names one copy: copy one object at a time with it."),
                        "SeveralSourcesOneName", ErrorCategory.InvalidArgument, target));
                    return;
                }
                if (DestinationContainer?.Cloud != null && !ReferenceEquals(DestinationContainer.Cloud, target.Cloud))
                {
                    WriteError(new ErrorRecord(new PSArgumentException("A server-side copy stays in one cloud: the destination container is on another cloud than the object."),
                        "CrossCloudCopy", ErrorCategory.InvalidArgument, target));
                    continue;
                }
                var container = DestinationContainer == null ? target.Container : DestinationContainer.Name ?? DestinationContainer.Text;
                var name = DestinationName ?? target.Name;
                if (ShouldProcess($"{target.Container}/{target.Name} to {container}/{name} on {target.Cloud.Name}", "Copy object"))
                    Try(target, () => WriteTyped(Run(ct => target.Cloud.ObjectStorage.CopyObjectAsync(target.Container, target.Name, container, name, _metadata, ct))));
            }
        }
    }
}
