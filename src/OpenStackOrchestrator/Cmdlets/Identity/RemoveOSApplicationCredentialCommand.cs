using System.Management.Automation;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Identity
{
    /// <summary>Remove-OSApplicationCredential: deletes application credentials of the connected user (tokens made
    /// with them stop working; a cloud saved with one in clouds.yaml can no longer connect).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSApplicationCredential", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSApplicationCredentialCommand : OSCloudCmdlet, IResourceCmdlet
    {
        IResourceDefinition IResourceCmdlet.Resource => Client.Identity.ApplicationCredential.Definition;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        public ResourceReference[]? ApplicationCredential { get; set; }

        // As OSResourceRemoveCmdlet, on the collection of each cloud's own user.
        protected override void ProcessRecord()
        {
            foreach (var reference in ApplicationCredential!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null)
                    continue;
                var text = reference.ToString();
                if (!ShouldProcessResolved(text, ct => IdAsync(reference, cloud, ct), $"{text} on {cloud.Name}", "Delete application credential"))
                    continue;
                Try(text, () => Run(async ct =>
                    await cloud.DeleteApplicationCredentialAsync(await IdAsync(reference, cloud, ct).ConfigureAwait(false), ct).ConfigureAwait(false)));
            }
        }

        private static async System.Threading.Tasks.Task<string> IdAsync(ResourceReference reference, Client.CloudConnection cloud, System.Threading.CancellationToken ct) =>
            await reference.IdOnAsync(cloud, await ApplicationCredentialClient.DefinitionAsync(cloud, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
    }
}
