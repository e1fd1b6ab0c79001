using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Identity;

namespace OpenStackOrchestrator.Client.Orchestration
{
    /// <summary>Signals to stack resources (a scaling policy, a wait condition handle).</summary>
    public sealed partial class OrchestrationClient
    {
        /// <summary>POST .../resources/{name}/signal with an optional JSON body, as `openstack stack resource signal` does:
        /// a ScalingPolicy then adjusts its group (Heat answers 200 at once and scales in the background; a policy in its
        /// cooldown ignores the signal).</summary>
        public async Task SignalResourceAsync(StackResource resource, string? jsonBody, CancellationToken cancellationToken)
        {
            if (resource.StackName == null || resource.StackId == null)
                throw new ArgumentException($"The stack resource '{resource.Name}' does not say which stack it belongs to (no 'stack' link).");
            var path = StackPath(resource.StackName, resource.StackId) + "/resources/" + Uri.EscapeDataString(resource.Name) + "/signal";
            await _cloud.SendAsync(new ServiceRequest(HttpMethod.Post, ServiceTypes.Orchestration, path) { JsonBody = jsonBody ?? "{}" }, cancellationToken)
                .ConfigureAwait(false);
        }

        /// <summary>One resource of a stack by its template name.</summary>
        public Task<StackResource> GetResourceAsync(Stack stack, string resourceName, CancellationToken cancellationToken) =>
            GetResourceAsync(stack.Name, stack.Id, resourceName, cancellationToken);

        /// <summary>The resource as it now is.</summary>
        public Task<StackResource> RefreshResourceAsync(StackResource resource, CancellationToken cancellationToken) =>
            GetResourceAsync(resource.StackName ?? "", resource.StackId ?? "", resource.Name, cancellationToken);

        private async Task<StackResource> GetResourceAsync(string stackName, string stackId, string resourceName, CancellationToken cancellationToken)
        {
            var response = await _cloud.SendAsync(new ServiceRequest(HttpMethod.Get, ServiceTypes.Orchestration,
                StackPath(stackName, stackId) + "/resources/" + Uri.EscapeDataString(resourceName)), cancellationToken).ConfigureAwait(false);
            var resource = OrchestrationJson.Read(response.Json().Obj("resource"), OrchestrationJson.Default.StackResource, response);
            resource.Cloud = _cloud;
            return resource;
        }
    }
}
