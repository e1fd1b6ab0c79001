using System;
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

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>Server lifecycle: create, delete, actions, waits.</summary>
    public sealed partial class ComputeClient
    {
        // 2.37 allows networks "none"; it is the lowest version this module creates servers with.
        internal const string CreateMicroversion = "2.37";
        // 2.74 takes the compute host in the create body (the scheduler still checks it, unlike a forced zone:host).
        internal const string CreateOnHostMicroversion = "2.74";

        /// <summary>Sends POST /servers and returns the new server's id (it is then BUILDing).</summary>
        public async Task<string> CreateServerAsync(ServerCreateRequest request, CancellationToken cancellationToken)
        {
            // Refuses clouds below 2.37 with a clear error; the create itself carries the servers' microversion.
            await _cloud.NegotiateMicroversionAsync(ServiceTypes.Compute, CreateMicroversion, ServerMicroversion, "Creating a server", cancellationToken).ConfigureAwait(false);
            // Naming a host needs 2.74 and tags in the create body 2.52 (both above the servers' microversion): asked for
            // only then, so that a plain server is still created on an older cloud.
            var version = request.Host != null
                ? await _cloud.NegotiateMicroversionAsync(ServiceTypes.Compute, CreateOnHostMicroversion, CreateOnHostMicroversion, "Creating a server on a named host", cancellationToken).ConfigureAwait(false)
                : request.Tags.Count > 0
                ? await _cloud.NegotiateMicroversionAsync(ServiceTypes.Compute, CreateWithTagsMicroversion, CreateWithTagsMicroversion, "Creating a server with tags", cancellationToken).ConfigureAwait(false)
                : await ResourceClient.MicroversionAsync(_cloud, Server.Definition, "Creating a server", cancellationToken).ConfigureAwait(false);
            var body = JsonSerializer.Serialize(new ServerCreateBody { Server = request }, ComputeJson.Default.ServerCreateBody);
            // Naming the host is admin-only under Nova's default policy.
            var response = await _cloud.SendCreateAsync(Server.Definition, new ServiceRequest(HttpMethod.Post, ServiceTypes.Compute, Server.Definition.Path)
            { JsonBody = body, Microversion = version, RequiredRole = request.Host != null ? "admin" : null }, cancellationToken, request.Name).ConfigureAwait(false);
            var created = _cloud.ReadResource(Server.Definition, response.Json().Obj(Server.Definition.Key), response);
            if (created.Id.Length == 0)
                throw new InvalidResponseException($"Nova accepted the server '{request.Name}' but returned no id.") { Service = ServiceTypes.Compute };
            return created.Id;
        }

        public Task DeleteServerAsync(string id, CancellationToken cancellationToken) => _cloud.DeleteResourceAsync(Server.Definition, id, cancellationToken);

        /// <summary>POST /servers/{id}/action with one action, e.g. ("os-start", null) or ("reboot", {"type":"HARD"}).</summary>
        public async Task<ServiceResponse> ServerActionAsync(string id, string action, object? argument, CancellationToken cancellationToken, string? microversion = null,
            string? requiredRole = null)
        {
            var body = JsonSerializer.Serialize(new Dictionary<string, object?> { [action] = argument });
            return await _cloud.SendAsync(new ServiceRequest(HttpMethod.Post, ServiceTypes.Compute, $"/servers/{Uri.EscapeDataString(id)}/action")
            { JsonBody = body, Microversion = microversion, RequiredRole = requiredRole }, cancellationToken).ConfigureAwait(false);
        }

        public Task RenameServerAsync(string id, string name, CancellationToken cancellationToken) =>
            _cloud.UpdateResourceAsync(Server.Definition, id, new ServerUpdate { Name = name }, ComputeJson.Default.ServerUpdate, cancellationToken);

        /// <summary>Merges keys into the server's metadata (POST); with <paramref name="replace"/>, replaces it all (PUT).</summary>
        public async Task SetServerMetadataAsync(string id, IDictionary<string, string> metadata, bool replace, CancellationToken cancellationToken)
        {
            var body = JsonSerializer.Serialize(new { metadata });
            await _cloud.SendAsync(new ServiceRequest(replace ? HttpMethod.Put : HttpMethod.Post, ServiceTypes.Compute, $"/servers/{Uri.EscapeDataString(id)}/metadata") { JsonBody = body }, cancellationToken).ConfigureAwait(false);
        }

        public async Task DeleteServerMetadataKeyAsync(string id, string key, CancellationToken cancellationToken)
        {
            try
            {
                await _cloud.SendAsync(new ServiceRequest(HttpMethod.Delete, ServiceTypes.Compute, $"/servers/{Uri.EscapeDataString(id)}/metadata/{Uri.EscapeDataString(key)}"), cancellationToken).ConfigureAwait(false);
            }
            catch (ResourceNotFoundException)
            {
                // already absent: the wanted end state
            }
        }

        public async Task<string> GetConsoleOutputAsync(string id, int? lines, CancellationToken cancellationToken)
        {
            var response = await ServerActionAsync(id, "os-getConsoleOutput", lines.HasValue ? new { length = lines.Value } : (object)new { }, cancellationToken).ConfigureAwait(false);
            return response.Json().Str("output") ?? "";
        }

        /// <summary>Snapshots a server into a new image (createImage); returns the image id.</summary>
        public async Task<string> CreateServerImageAsync(string id, string imageName, IDictionary<string, string>? metadata, CancellationToken cancellationToken)
        {
            var version = await _cloud.NegotiateMicroversionAsync(ServiceTypes.Compute, "2.1", "2.45", "Creating an image from a server", cancellationToken).ConfigureAwait(false);
            var response = await ServerActionAsync(id, "createImage", new Dictionary<string, object> { ["name"] = imageName, ["metadata"] = metadata ?? new Dictionary<string, string>() }, cancellationToken, version).ConfigureAwait(false);
            var imageId = response.Json().Str("image_id");
            if (imageId == null && response.Header("Location") is string location)
                imageId = location.TrimEnd('/').Split('/').Last();
            return imageId ?? throw new InvalidResponseException("Nova did not return the new image's id.") { RequestId = response.RequestId };
        }

        /// <summary>Waits until the condition holds (null: the server is gone), sharing one poll loop per connection.</summary>
        public Task<Server?> WaitForServerAsync(string id, Func<Server?, bool> isDone, Action<Server?>? progress, CancellationToken cancellationToken) =>
            Poller.WaitAsync(id, isDone, progress, cancellationToken);

        /// <summary>Waits for one of <paramref name="statuses"/>; ERROR (when not wanted) fails with Nova's fault message,
        /// and a server that disappears fails too.</summary>
        public async Task<Server> WaitForServerStatusAsync(string id, IReadOnlyCollection<string> statuses, Action<Server?>? progress, CancellationToken cancellationToken)
        {
            var wantsError = statuses.Contains("ERROR", StringComparer.OrdinalIgnoreCase);
            var server = await WaitForServerAsync(id,
                s => s == null || (s.TaskState == null && statuses.Contains(s.Status, StringComparer.OrdinalIgnoreCase)) || (!wantsError && s.Status == "ERROR"),
                progress, cancellationToken).ConfigureAwait(false);
            if (server == null)
                throw new ResourceNotFoundException($"Server {id} disappeared while waiting for {string.Join("/", statuses)}.") { Service = ServiceTypes.Compute };
            if (server.Status == "ERROR" && !wantsError)
                throw new ServerFaultException(server);
            return server;
        }

        /// <summary>Waits until the server no longer exists. DELETED is not the end: Nova shows it while the instance is
        /// still torn down, and the server is still listed by name until its GET answers 404.</summary>
        public async Task WaitForServerDeletedAsync(string id, Action<Server?>? progress, CancellationToken cancellationToken)
        {
            var server = await WaitForServerAsync(id, s => s == null || s.Status == "ERROR", progress, cancellationToken).ConfigureAwait(false);
            if (server != null && server.Status == "ERROR")
                throw new ServerFaultException(server);
        }
    }
}
