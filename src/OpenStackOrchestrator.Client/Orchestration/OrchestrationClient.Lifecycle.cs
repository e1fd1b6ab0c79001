using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Orchestration
{
    /// <summary>Stack create, update (and its preview), delete, suspend and resume. Each returns as soon as Heat has
    /// accepted the request; <see cref="WaitForStackAsync"/> follows the operation to its end.</summary>
    public sealed partial class OrchestrationClient
    {
        /// <summary>POST /stacks; returns the new stack's id (it is then CREATE_IN_PROGRESS).</summary>
        public async Task<string> CreateStackAsync(string name, StackRequest request, CancellationToken cancellationToken)
        {
            var body = OrchestrationJson.Write(request.Body(name));
            var response = await _cloud.SendCreateAsync(Stack.Definition, new ServiceRequest(HttpMethod.Post, ServiceTypes.Orchestration, Stack.Definition.Path) { JsonBody = body },
                cancellationToken, name).ConfigureAwait(false);
            var id = ReadStack(response).Id;
            if (id.Length == 0)
                throw new InvalidResponseException($"Heat accepted the stack '{name}' but returned no id.") { RequestId = response.RequestId, Url = response.Url };
            return id;
        }

        /// <summary>PUT (replace template and parameters) or, with <see cref="StackRequest.KeepExisting"/>, PATCH.</summary>
        public async Task UpdateStackAsync(Stack stack, StackRequest request, CancellationToken cancellationToken)
        {
            var method = request.KeepExisting ? new HttpMethod("PATCH") : HttpMethod.Put;
            await _cloud.SendAsync(new ServiceRequest(method, ServiceTypes.Orchestration, StackPath(stack)) { JsonBody = OrchestrationJson.Write(request.Body(null)) },
                cancellationToken).ConfigureAwait(false);
        }

        /// <summary>What <see cref="UpdateStackAsync"/> would do, resource by resource; nothing is changed.</summary>
        public async Task<List<StackChange>> PreviewUpdateAsync(Stack stack, StackRequest request, CancellationToken cancellationToken)
        {
            var method = request.KeepExisting ? new HttpMethod("PATCH") : HttpMethod.Put;
            var response = await _cloud.SendAsync(new ServiceRequest(method, ServiceTypes.Orchestration, StackPath(stack) + "/preview")
            { JsonBody = OrchestrationJson.Write(request.Body(null)) }, cancellationToken).ConfigureAwait(false);
            var preview = OrchestrationJson.Read(response.Json(), OrchestrationJson.Default.StackPreview, response);
            return preview.ResourceChanges?.All(stack.Name).ToList() ?? new List<StackChange>();
        }

        public async Task DeleteStackAsync(Stack stack, CancellationToken cancellationToken)
        {
            await _cloud.SendAsync(new ServiceRequest(HttpMethod.Delete, ServiceTypes.Orchestration, StackPath(stack)), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>POST /stacks/{name}/{id}/actions with "suspend" or "resume" (also "check", "cancel_update").</summary>
        public async Task StackActionAsync(Stack stack, string action, CancellationToken cancellationToken)
        {
            var body = JsonSerializer.Serialize(new Dictionary<string, object> { [action] = null! }, OrchestrationJson.Default.DictionaryStringObject);
            await _cloud.SendAsync(new ServiceRequest(HttpMethod.Post, ServiceTypes.Orchestration, StackPath(stack) + "/actions") { JsonBody = body },
                cancellationToken).ConfigureAwait(false);
        }
    }
}
