using System.Management.Automation;
using System.Security;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.BlockStorage
{
    /// <summary>Receive-OSVolumeTransfer: accepts a volume transfer into the project of -Cloud (or $DefaultOSCloud), with
    /// the Id and AuthKey New-OSVolumeTransfer returned (its object can be piped), and returns the volume as it now is there.</summary>
    [Cmdlet(VerbsCommunications.Receive, "OSVolumeTransfer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Volume))]
    public sealed class ReceiveOSVolumeTransferCommand : OSCloudCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        /// <summary>The transfer's auth key: a SecureString or a string.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [PasswordTransformation("AuthKey")]
        [ArgumentCompleter(typeof(NoCompletion))]
        [ValidateNotNull]
        public SecureString? AuthKey { get; set; }

        protected override void ProcessRecord()
        {
            // The receiving project is the connection's, never the one the piped transfer came from.
            var cloud = TargetCloud();
            if (cloud == null || !ShouldProcess($"{Id} into project {cloud.ProjectName} on {cloud.Name}", "Accept volume transfer"))
                return;
            Try(Id, () =>
            {
                var volumeId = Run(ct => VolumeTransfer.AcceptAsync(cloud, Id!, AuthKey!, ct));
                WriteTyped(Run(async ct => await cloud.BlockStorage.NameServersAsync(await cloud.BlockStorage.GetVolumeAsync(volumeId, ct).ConfigureAwait(false), ct).ConfigureAwait(false)),
                    Volume.Definition.TypeName);
            });
        }
    }
}
