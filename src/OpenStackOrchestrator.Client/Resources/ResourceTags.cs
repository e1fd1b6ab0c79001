using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.Resources
{
    /// <summary>Adds and removes the tags of any resource whose definition declares <see cref="TagSupport"/>.</summary>
    public static class ResourceTags
    {
        /// <summary>PUT {Path}/{id}/tags/{tag} for each tag: one already there stays, the others are kept.</summary>
        public static async Task AddTagsAsync(this CloudConnection cloud, IResourceDefinition definition, string id, IEnumerable<string> tags,
            CancellationToken cancellationToken)
        {
            var version = await MicroversionAsync(cloud, definition, "Tagging a " + definition.Kind, cancellationToken).ConfigureAwait(false);
            foreach (var tag in tags)
                await cloud.SendAsync(Request(HttpMethod.Put, definition, id, tag, version), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>DELETE {Path}/{id}/tags/{tag} for each tag; a tag the resource does not have is already removed (a
        /// resource that is not there is still a not-found error).</summary>
        public static async Task RemoveTagsAsync(this CloudConnection cloud, IResourceDefinition definition, string id, IEnumerable<string> tags,
            CancellationToken cancellationToken)
        {
            var version = await MicroversionAsync(cloud, definition, "Removing a tag of a " + definition.Kind, cancellationToken).ConfigureAwait(false);
            foreach (var tag in tags)
            {
                try
                {
                    await cloud.SendAsync(Request(HttpMethod.Delete, definition, id, tag, version), cancellationToken).ConfigureAwait(false);
                }
                catch (ResourceNotFoundException)
                {
                    await definition.GetAsync(cloud, id, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        /// <summary>DELETE {Path}/{id}/tags: the resource keeps no tag.</summary>
        public static async Task RemoveAllTagsAsync(this CloudConnection cloud, IResourceDefinition definition, string id, CancellationToken cancellationToken)
        {
            var version = await MicroversionAsync(cloud, definition, "Removing the tags of a " + definition.Kind, cancellationToken).ConfigureAwait(false);
            await cloud.SendAsync(Request(HttpMethod.Delete, definition, id, null, version), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>PUT {Path}/{id}/tags {"tags": [...]}: the resource has exactly these tags.</summary>
        public static async Task SetTagsAsync(this CloudConnection cloud, IResourceDefinition definition, string id, IEnumerable<string> tags,
            CancellationToken cancellationToken)
        {
            var version = await MicroversionAsync(cloud, definition, "Tagging a " + definition.Kind, cancellationToken).ConfigureAwait(false);
            var request = Request(HttpMethod.Put, definition, id, null, version);
            request.JsonBody = JsonSerializer.Serialize(new Dictionary<string, string[]> { ["tags"] = tags.ToArray() });
            await cloud.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        private static ServiceRequest Request(HttpMethod method, IResourceDefinition definition, string id, string? tag, string? version) =>
            new ServiceRequest(method, definition.ServiceType,
                definition.Path + "/" + PathSegment.Id(definition.Kind, id) + "/tags" + (tag == null ? "" : "/" + Uri.EscapeDataString(tag)))
            { Microversion = version };

        private static async Task<string?> MicroversionAsync(CloudConnection cloud, IResourceDefinition definition, string operation, CancellationToken cancellationToken)
        {
            var tagging = definition.Tagging ?? throw new ArgumentException($"A {definition.Kind} has no tags.");
            return tagging.Microversion == null ? null
                : await cloud.NegotiateMicroversionAsync(definition.ServiceType, tagging.Microversion, definition.Microversion ?? tagging.Microversion, operation,
                    cancellationToken).ConfigureAwait(false);
        }
    }
}
