using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;

namespace OpenStackOrchestrator.Client.Orchestration
{
    /// <summary>Stack create, update (and its preview), delete, suspend and resume. Each returns as soon as Heat has
    /// accepted the request; <see cref="WaitForStackAsync"/> follows the operation to its end.</summary>
    public sealed partial class OrchestrationClient
    {
        private static readonly string[] ChangeKinds = { "added", "deleted", "replaced", "updated", "unchanged" };

        /// <summary>POST /stacks; returns the new stack's id (it is then CREATE_IN_PROGRESS).</summary>
        public async Task<string> CreateStackAsync(string name, StackRequest request, CancellationToken cancellationToken)
        {
            var body = TemplateFormat.ToJson(request.Body(name));
            var response = await _cloud.SendAsync(new ServiceRequest(HttpMethod.Post, ServiceTypes.Orchestration, "/stacks") { JsonBody = body }, cancellationToken).ConfigureAwait(false);
            var id = response.Json().Obj("stack").Str("id");
            if (string.IsNullOrEmpty(id))
                throw new InvalidResponseException($"Heat accepted the stack '{name}' but returned no id.") { RequestId = response.RequestId, Url = response.Url };
            return id!;
        }

        /// <summary>PUT (replace template and parameters) or, with <see cref="StackRequest.KeepExisting"/>, PATCH.</summary>
        public async Task UpdateStackAsync(Stack stack, StackRequest request, CancellationToken cancellationToken)
        {
            var method = request.KeepExisting ? new HttpMethod("PATCH") : HttpMethod.Put;
            await _cloud.SendAsync(new ServiceRequest(method, ServiceTypes.Orchestration, StackPath(stack)) { JsonBody = TemplateFormat.ToJson(request.Body(null)) },
                cancellationToken).ConfigureAwait(false);
        }

        /// <summary>What <see cref="UpdateStackAsync"/> would do, resource by resource; nothing is changed.</summary>
        public async Task<List<StackChange>> PreviewUpdateAsync(Stack stack, StackRequest request, CancellationToken cancellationToken)
        {
            var method = request.KeepExisting ? new HttpMethod("PATCH") : HttpMethod.Put;
            var response = await _cloud.SendAsync(new ServiceRequest(method, ServiceTypes.Orchestration, StackPath(stack) + "/preview")
            { JsonBody = TemplateFormat.ToJson(request.Body(null)) }, cancellationToken).ConfigureAwait(false);
            var changes = response.Json().Obj("resource_changes");
            var result = new List<StackChange>();
            foreach (var kind in ChangeKinds)
                if (changes.ValueKind == JsonValueKind.Object && changes.TryGetProperty(kind, out var items) && items.ValueKind == JsonValueKind.Array)
                    result.AddRange(items.EnumerateArray().Select(item => new StackChange(char.ToUpperInvariant(kind[0]) + kind.Substring(1), item, stack.Name)));
            return result;
        }

        public async Task DeleteStackAsync(Stack stack, CancellationToken cancellationToken)
        {
            await _cloud.SendAsync(new ServiceRequest(HttpMethod.Delete, ServiceTypes.Orchestration, StackPath(stack)), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>POST /stacks/{name}/{id}/actions with "suspend" or "resume" (also "check", "cancel_update").</summary>
        public async Task StackActionAsync(Stack stack, string action, CancellationToken cancellationToken)
        {
            var body = JsonSerializer.Serialize(new Dictionary<string, object?> { [action] = null });
            await _cloud.SendAsync(new ServiceRequest(HttpMethod.Post, ServiceTypes.Orchestration, StackPath(stack) + "/actions") { JsonBody = body },
                cancellationToken).ConfigureAwait(false);
        }
    }
}
