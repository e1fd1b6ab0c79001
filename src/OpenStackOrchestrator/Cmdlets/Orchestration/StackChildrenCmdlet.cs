using System.Management.Automation;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Orchestration
{
    /// <summary>Base of the Get- cmdlets that read what a stack is made of (resources, events, outputs, template):
    /// -Stack takes names, ids or objects, also from the pipeline, looked up in every default cloud.</summary>
    public abstract class StackChildrenCmdlet : OSGetChildrenCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(StackNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Stack { get; set; }

        protected bool TryFindStack(ResourceReference reference, out CloudConnection? cloud, out Client.Orchestration.Stack? stack) =>
            TryFindParent(reference,
                (c, id, ct) => StackLookup.FindAsync(reference, c, ct),
                (c, name, ct) => StackLookup.FindAsync(reference, c, ct),
                out cloud, out stack);
    }
}
