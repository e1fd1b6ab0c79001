using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Orchestration;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Orchestration
{
    internal static class StackLookup
    {
        /// <summary>The current state of the stack a reference names: an object by its name and id (it may be stale),
        /// text by name or id (stack names are unique in a project).</summary>
        public static async Task<Stack> FindAsync(ResourceReference reference, CloudConnection cloud, CancellationToken ct)
        {
            var sameCloud = reference.Cloud == null || ReferenceEquals(reference.Cloud, cloud);
            try
            {
                if (reference.Id != null && sameCloud)
                    return reference.Name != null
                        ? await cloud.Orchestration.GetStackAsync(reference.Name, reference.Id, ct).ConfigureAwait(false)
                        : await cloud.Orchestration.GetStackAsync(reference.Id, ct).ConfigureAwait(false);
                return await cloud.Orchestration.GetStackAsync(reference.Name ?? reference.Text, ct).ConfigureAwait(false);
            }
            catch (ResourceNotFoundException ex)
            {
                throw NotFound(reference.Name ?? reference.Text, ex);
            }
        }

        /// <summary>The one error for a stack that is not there, by name or by id (Heat's GET /stacks/{x} takes both).</summary>
        public static NameNotFoundException NotFound(string nameOrId, OpenStackException? cause = null) =>
            cause != null ? new NameNotFoundException("stack", nameOrId, cause) : new NameNotFoundException("stack", nameOrId);
    }
}
