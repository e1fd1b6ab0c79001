using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Orchestration
{
    /// <summary>Heat (orchestration) v1: stacks (through the declared <see cref="Stack.Definition"/>), their resources,
    /// events, outputs and templates.</summary>
    public sealed partial class OrchestrationClient
    {
        private readonly CloudConnection _cloud;

        internal OrchestrationClient(CloudConnection cloud) => _cloud = cloud;

        internal TimeSpan FirstPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
        internal TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(3);

        public IAsyncEnumerable<Stack> ListStacksAsync(StackListOptions options, CancellationToken cancellationToken = default) =>
            _cloud.ListResourcesAsync(Stack.Definition, new ListQuery { Name = string.IsNullOrEmpty(options.Name) ? null : options.Name, Limit = options.Limit }
                .Filter("ShowNested", options.IncludeNested ? "True" : null), cancellationToken);

        /// <summary>A stack by name or id. Heat answers GET /stacks/{name or id} with a redirect to
        /// /stacks/{name}/{id}, which the transport follows (X-Auth-Token is kept across it).</summary>
        public Task<Stack> GetStackAsync(string nameOrId, CancellationToken cancellationToken) =>
            _cloud.GetResourceAsync(Stack.Definition, nameOrId, cancellationToken);

        /// <summary>A stack by name and id (no redirect).</summary>
        public async Task<Stack> GetStackAsync(string name, string id, CancellationToken cancellationToken)
        {
            var response = await _cloud.SendAsync(new ServiceRequest(HttpMethod.Get, ServiceTypes.Orchestration, StackPath(name, id)), cancellationToken).ConfigureAwait(false);
            return ReadStack(response);
        }

        /// <summary>The current state of a stack object (read again by its name and id).</summary>
        public Task<Stack> RefreshAsync(Stack stack, CancellationToken cancellationToken) => GetStackAsync(stack.Name, stack.Id, cancellationToken);

        internal static string StackPath(string name, string id) => $"{Stack.Definition.Path}/{Uri.EscapeDataString(name)}/{Uri.EscapeDataString(id)}";

        internal static string StackPath(Stack stack) => StackPath(stack.Name, stack.Id);

        /// <summary>The stack of an answer {"stack": {...}}.</summary>
        private Stack ReadStack(ServiceResponse response)
        {
            var stack = response.Json().Obj(Stack.Definition.Key);
            if (stack.ValueKind != System.Text.Json.JsonValueKind.Object)
                throw new Errors.InvalidResponseException($"The answer from {response.Url} has no '{Stack.Definition.Key}' object.")
                { Service = ServiceTypes.Orchestration, StatusCode = response.StatusCode, RequestId = response.RequestId, Url = response.Url };
            return _cloud.ReadResource(Stack.Definition, stack, response);
        }
    }
}
