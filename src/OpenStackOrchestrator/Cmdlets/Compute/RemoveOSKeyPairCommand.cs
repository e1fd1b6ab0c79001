using System.Management.Automation;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Remove-OSKeyPair: deletes key pairs (servers that use one keep the key they were given).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSKeyPair", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSKeyPairCommand : OSCloudCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Alias("Name")]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(KeyPairNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? KeyPair { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var reference in KeyPair!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                var name = reference.Text;
                if (cloud == null || !ShouldProcessResolved(name, ct => cloud.Compute.GetKeyPairAsync(name, ct), $"{name} on {cloud.Name}", "Delete key pair"))
                    continue;
                Try(name, () => Run(ct => cloud.Compute.DeleteKeyPairAsync(name, ct)));
            }
        }
    }
}
