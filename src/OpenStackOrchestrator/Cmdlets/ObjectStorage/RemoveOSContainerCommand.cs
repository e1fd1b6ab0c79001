using System;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.ObjectStorage
{
    /// <summary>Remove-OSContainer: deletes containers. Swift deletes only empty ones; with -Recurse the objects go
    /// first (large objects with their segments), with a progress bar, or in the background with -RunAsync.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSContainer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void), typeof(OSTask))]
    public sealed class RemoveOSContainerCommand : OSTaskCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ContainerNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Container { get; set; }

        /// <summary>Deletes the container's objects first.</summary>
        [Parameter]
        public SwitchParameter Recurse { get; set; }

        protected override string Activity => "Removing containers";

        protected override void ProcessRecord()
        {
            foreach (var reference in Container!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null)
                    continue;
                var name = reference.Name ?? reference.Text;
                Try(reference, () =>
                {
                    var container = Run(ct => cloud.ObjectStorage.GetContainerAsync(name, ct));
                    var what = Recurse && container.ObjectCount > 0
                        ? $"{name} and its {container.ObjectCount} objects on {cloud.Name}"
                        : $"{name} on {cloud.Name}";
                    if (!ShouldProcess(what, "Remove container"))
                        return;
                    var recurse = Recurse.IsPresent;
                    Launch("Remove-OSContainer", name, cloud, async (task, ct) =>
                    {
                        if (recurse)
                        {
                            var total = Math.Max(1, container.ObjectCount);
                            await cloud.ObjectStorage.DeleteContainerRecursiveAsync(name,
                                deleted => task.Report((int)(Math.Min(deleted, total) * 95 / total), $"{deleted} of {total} objects deleted"), ct).ConfigureAwait(false);
                        }
                        else
                        {
                            await cloud.ObjectStorage.DeleteContainerAsync(name, ct).ConfigureAwait(false);
                        }
                        return null;
                    });
                });
            }
        }
    }
}
