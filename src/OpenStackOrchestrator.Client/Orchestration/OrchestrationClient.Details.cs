using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Identity;

namespace OpenStackOrchestrator.Client.Orchestration
{
    /// <summary>What a stack is made of: resources, events, template; and template validation.</summary>
    public sealed partial class OrchestrationClient
    {
        /// <summary>The stack's resources; with <paramref name="nestedDepth"/> &gt; 0 also those of nested stacks that deep.</summary>
        public async IAsyncEnumerable<StackResource> ListResourcesAsync(Stack stack, int nestedDepth, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var query = new Dictionary<string, string>();
            if (nestedDepth > 0) query["nested_depth"] = nestedDepth.ToString(CultureInfo.InvariantCulture);
            await foreach (var item in _cloud.ListAsync(ServiceTypes.Orchestration, StackPath(stack) + "/resources", "resources", query, null, null, cancellationToken).ConfigureAwait(false))
                yield return new StackResource(item, _cloud);
        }

        /// <summary>Events oldest first; after <paramref name="marker"/> (an event id) only the newer ones.</summary>
        public async Task<List<StackEvent>> ListEventsAsync(Stack stack, string? marker, int nestedDepth, string? resourceName, CancellationToken cancellationToken)
        {
            var query = new Dictionary<string, string> { ["sort_dir"] = "asc" };
            if (marker != null) query["marker"] = marker;
            if (nestedDepth > 0) query["nested_depth"] = nestedDepth.ToString(CultureInfo.InvariantCulture);
            if (resourceName != null) query["resource_name"] = resourceName;
            var json = await _cloud.GetJsonAsync(ServiceTypes.Orchestration, StackPath(stack) + "/events", cancellationToken, query: query).ConfigureAwait(false);
            return Items(json, "events").Select(e => new StackEvent(e, _cloud)).ToList();
        }

        /// <summary>The id of the stack's newest event (null for none): the marker after which an operation's events come.</summary>
        public async Task<string?> LatestEventIdAsync(Stack stack, int nestedDepth, CancellationToken cancellationToken)
        {
            var query = new Dictionary<string, string> { ["sort_dir"] = "desc", ["limit"] = "1" };
            if (nestedDepth > 0) query["nested_depth"] = nestedDepth.ToString(CultureInfo.InvariantCulture);
            var json = await _cloud.GetJsonAsync(ServiceTypes.Orchestration, StackPath(stack) + "/events", cancellationToken, query: query).ConfigureAwait(false);
            return Items(json, "events").Select(e => e.Str("id")).FirstOrDefault();
        }

        /// <summary>The stack's template as Heat stores it (JSON, whatever format it was sent in), as plain data.</summary>
        public async Task<IDictionary<string, object?>> GetTemplateAsync(Stack stack, CancellationToken cancellationToken)
        {
            var json = await _cloud.GetJsonAsync(ServiceTypes.Orchestration, StackPath(stack) + "/template", cancellationToken).ConfigureAwait(false);
            return JsonPlain.ToDictionary(json);
        }

        /// <summary>POST /validate: Heat checks the template (and environment); returns the parameters it expects.
        /// An invalid template is a BadRequestException with Heat's reason.</summary>
        public async Task<List<StackTemplateParameter>> ValidateTemplateAsync(StackRequest request, CancellationToken cancellationToken)
        {
            var response = await _cloud.SendAsync(new ServiceRequest(HttpMethod.Post, ServiceTypes.Orchestration, "/validate")
            { JsonBody = TemplateFormat.ToJson(request.Body(null)) }, cancellationToken).ConfigureAwait(false);
            var parameters = response.Json().Obj("Parameters");
            return parameters.ValueKind == JsonValueKind.Object
                ? parameters.EnumerateObject().Select(p => new StackTemplateParameter(p.Name, p.Value)).ToList()
                : new List<StackTemplateParameter>();
        }

        private static IEnumerable<JsonElement> Items(JsonElement root, string key) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty(key, out var items) && items.ValueKind == JsonValueKind.Array
                ? items.EnumerateArray()
                : Enumerable.Empty<JsonElement>();
    }
}
