using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Orchestration;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Orchestration
{
    internal static class StackLookup
    {
        /// <summary>The current state of the stack a reference names: an object by its name and id (it may be stale),
        /// text by name or id (stack names are unique in a project).</summary>
        public static Task<Stack> FindAsync(ResourceReference reference, CloudConnection cloud, CancellationToken ct)
        {
            var sameCloud = reference.Cloud == null || ReferenceEquals(reference.Cloud, cloud);
            if (reference.Id != null && sameCloud)
                return reference.Name != null
                    ? cloud.Orchestration.GetStackAsync(reference.Name, reference.Id, ct)
                    : cloud.Orchestration.GetStackAsync(reference.Id, ct);
            return cloud.Orchestration.GetStackAsync(reference.Name ?? reference.Text, ct);
        }
    }
}
