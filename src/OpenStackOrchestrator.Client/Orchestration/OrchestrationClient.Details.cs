using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
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
            {
                var resource = OrchestrationJson.Read(item, OrchestrationJson.Default.StackResource, response: null);
                resource.Cloud = _cloud;
                yield return resource;
            }
        }

        /// <summary>Events oldest first; after <paramref name="marker"/> (an event id) only the newer ones.</summary>
        public Task<List<StackEvent>> ListEventsAsync(Stack stack, string? marker, int nestedDepth, string? resourceName, CancellationToken cancellationToken)
        {
            var query = new Dictionary<string, string> { ["sort_dir"] = "asc" };
            if (marker != null) query["marker"] = marker;
            if (nestedDepth > 0) query["nested_depth"] = nestedDepth.ToString(CultureInfo.InvariantCulture);
            if (resourceName != null) query["resource_name"] = resourceName;
            return EventsAsync(stack, query, cancellationToken);
        }

        /// <summary>The id of the stack's newest event (null for none): the marker after which an operation's events come.</summary>
        public async Task<string?> LatestEventIdAsync(Stack stack, int nestedDepth, CancellationToken cancellationToken)
        {
            var query = new Dictionary<string, string> { ["sort_dir"] = "desc", ["limit"] = "1" };
            if (nestedDepth > 0) query["nested_depth"] = nestedDepth.ToString(CultureInfo.InvariantCulture);
            return (await EventsAsync(stack, query, cancellationToken).ConfigureAwait(false)).Select(e => e.Id).FirstOrDefault();
        }

        private async Task<List<StackEvent>> EventsAsync(Stack stack, Dictionary<string, string> query, CancellationToken cancellationToken)
        {
            var request = new ServiceRequest(HttpMethod.Get, ServiceTypes.Orchestration, StackPath(stack) + "/events");
            foreach (var q in query) request.Query[q.Key] = q.Value;
            var response = await _cloud.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var events = OrchestrationJson.Read(response.Json(), OrchestrationJson.Default.StackEventList, response).Events ?? new List<StackEvent>();
            foreach (var e in events)
                e.Cloud = _cloud;
            return events;
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
            { JsonBody = OrchestrationJson.Write(request.Body(null)) }, cancellationToken).ConfigureAwait(false);
            var parameters = OrchestrationJson.Read(response.Json(), OrchestrationJson.Default.TemplateValidation, response).Parameters
                             ?? new Dictionary<string, StackTemplateParameter>();
            foreach (var parameter in parameters)
                parameter.Value.Name = parameter.Key;
            return parameters.Values.ToList();
        }
    }
}
