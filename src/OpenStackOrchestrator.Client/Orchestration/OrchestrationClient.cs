using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Identity;

namespace OpenStackOrchestrator.Client.Orchestration
{
    /// <summary>Heat (orchestration) v1: stacks, their resources, events, outputs and templates.</summary>
    public sealed partial class OrchestrationClient
    {
        private readonly CloudConnection _cloud;

        internal OrchestrationClient(CloudConnection cloud) => _cloud = cloud;

        internal TimeSpan FirstPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
        internal TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(3);

        public async IAsyncEnumerable<Stack> ListStacksAsync(StackListOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var query = new Dictionary<string, string>();
            if (!string.IsNullOrEmpty(options.Name)) query["name"] = options.Name!;
            if (options.IncludeNested) query["show_nested"] = "True";
            await foreach (var item in _cloud.ListAsync(ServiceTypes.Orchestration, "/stacks", "stacks", query, options.Limit, null, cancellationToken).ConfigureAwait(false))
                yield return new Stack(item, _cloud);
        }

        /// <summary>A stack by name or id. Heat answers GET /stacks/{name or id} with a redirect to
        /// /stacks/{name}/{id}, which the transport follows (X-Auth-Token is kept across it).</summary>
        public async Task<Stack> GetStackAsync(string nameOrId, CancellationToken cancellationToken)
        {
            var json = await _cloud.GetJsonAsync(ServiceTypes.Orchestration, "/stacks/" + Uri.EscapeDataString(nameOrId), cancellationToken).ConfigureAwait(false);
            return new Stack(json.GetProperty("stack"), _cloud);
        }

        /// <summary>A stack by name and id (no redirect).</summary>
        public async Task<Stack> GetStackAsync(string name, string id, CancellationToken cancellationToken)
        {
            var json = await _cloud.GetJsonAsync(ServiceTypes.Orchestration, StackPath(name, id), cancellationToken).ConfigureAwait(false);
            return new Stack(json.GetProperty("stack"), _cloud);
        }

        /// <summary>The current state of a stack object (read again by its name and id).</summary>
        public Task<Stack> RefreshAsync(Stack stack, CancellationToken cancellationToken) => GetStackAsync(stack.Name, stack.Id, cancellationToken);

        internal static string StackPath(string name, string id) => $"/stacks/{Uri.EscapeDataString(name)}/{Uri.EscapeDataString(id)}";

        internal static string StackPath(Stack stack) => StackPath(stack.Name, stack.Id);
    }
}
