using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.Resources
{
    /// <summary>Every create's POST goes through here. When its answer is lost after the request went out (a reset,
    /// a body cut off, no answer in time) the service may have created the resource: it is looked for by name and the
    /// error says what now exists (a <see cref="CreateOutcomeUnknownException"/>). The POST is never sent again.
    /// A successful create is told to <see cref="Observer"/> (a background task keeps it for the Ctrl+C warning).</summary>
    public static class CreateAftermath
    {
        private static readonly AsyncLocal<ICreateObserver?> CurrentObserver = new AsyncLocal<ICreateObserver?>();

        /// <summary>Told about the creates of the current async flow (set by a task for its work).</summary>
        public static ICreateObserver? Observer
        {
            get => CurrentObserver.Value;
            set => CurrentObserver.Value = value;
        }

        /// <summary>Sends a create's POST; see the class. <paramref name="name"/> defaults to the "name" (or
        /// "stack_name") of the body's resource object.</summary>
        public static async Task<ServiceResponse> SendCreateAsync<T>(this CloudConnection cloud, ResourceDefinition<T> definition, ServiceRequest request,
            CancellationToken cancellationToken, string? name = null) where T : OSResource
        {
            name ??= NameIn(request.JsonBody, definition);
            var observer = Observer;
            observer?.Creating(definition.Kind, name);
            ServiceResponse response;
            try
            {
                response = await cloud.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (OpenStackException ex) when (!cancellationToken.IsCancellationRequested && MayHaveActed(ex))
            {
                throw await ExplainAsync(cloud, definition, name, ex, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                observer?.Creating(definition.Kind, null);
            }
            if (observer != null)
                observer.Created(new CreatedResource(definition.Kind, name, IdIn(response, definition), cloud.Name, typeof(T)));
            return response;
        }

        /// <summary>True when the request may have reached the service: the failure came after the connection was
        /// made (not a refused connection, an unknown host or a refused certificate).</summary>
        public static bool MayHaveActed(OpenStackException ex)
        {
            if (ex is TruncatedResponseException || ex is RequestTimeoutException)
                return true;
            if (!(ex is ServiceUnreachableException))
                return false;
            for (var e = ex.InnerException; e != null; e = e.InnerException)
            {
                if (e is AuthenticationException)
                    return false;
                if (e is SocketException socket && (socket.SocketErrorCode == SocketError.ConnectionRefused || socket.SocketErrorCode == SocketError.HostNotFound ||
                                                    socket.SocketErrorCode == SocketError.HostUnreachable || socket.SocketErrorCode == SocketError.NetworkUnreachable ||
                                                    socket.SocketErrorCode == SocketError.TryAgain || socket.SocketErrorCode == SocketError.NoData))
                    return false;
            }
            return true;
        }

        private static async Task<CreateOutcomeUnknownException> ExplainAsync<T>(CloudConnection cloud, ResourceDefinition<T> definition, string? name,
            OpenStackException cause, CancellationToken cancellationToken) where T : OSResource
        {
            var what = WhatHappened(cause);
            var kind = definition.Kind;
            if (string.IsNullOrEmpty(name))
                return new CreateOutcomeUnknownException(
                    $"{what}, so the {kind} may have been created; it has no name to look it up by: list the {Plural(kind)} and check before retrying.",
                    kind, name, null, cause);
            List<string> ids;
            try
            {
                ids = await FindAsync(cloud, definition, name!, cancellationToken).ConfigureAwait(false);
            }
            catch (OpenStackException lookup)
            {
                return new CreateOutcomeUnknownException(
                    $"{what}, so a {kind} named '{name}' may have been created, and looking for it failed too ({FirstLine(lookup.Message)}): check before retrying.",
                    kind, name, null, cause);
            }
            var requestId = cause.RequestId != null ? $" (request id {cause.RequestId})" : "";
            string outcome;
            if (ids.Count == 0)
                outcome = $"no {kind} named '{name}' exists, so nothing was created: it is safe to retry.";
            else if (ids.Count == 1)
                outcome = $"a {kind} named '{name}' now exists (id {ids[0]}): check it before retrying.";
            else
                outcome = $"{ids.Count} {Plural(kind)} named '{name}' now exist (ids {string.Join(", ", ids)}): check them before retrying.";
            return new CreateOutcomeUnknownException($"{what}{requestId}; {outcome}", kind, name, ids, cause);
        }

        private static async Task<List<string>> FindAsync<T>(CloudConnection cloud, ResourceDefinition<T> definition, string name, CancellationToken cancellationToken)
            where T : OSResource
        {
            if (definition.IdIsName)
            {
                try
                {
                    var item = await cloud.GetResourceAsync(definition, name, cancellationToken).ConfigureAwait(false);
                    return new List<string> { item.Id.Length > 0 ? item.Id : item.Name };
                }
                catch (ResourceNotFoundException)
                {
                    return new List<string>();
                }
            }
            var found = new List<string>();
            await foreach (var item in cloud.ListResourcesAsync(definition, ResourceClient.ExactName(definition, name), cancellationToken).ConfigureAwait(false))
                if (string.Equals(item.Name, name, StringComparison.Ordinal))
                    found.Add(item.Id);
            return found;
        }

        /// <summary>The first half of the message: what broke, in words.</summary>
        internal static string WhatHappened(OpenStackException cause)
        {
            var request = $"{cause.Method ?? "POST"} {StripQuery(cause.Url)}";
            switch (cause)
            {
                case TruncatedResponseException truncated:
                    return $"The answer to {request} (HTTP {truncated.StatusCode}) broke off after {truncated.BytesReceived}" +
                           (truncated.ExpectedBytes.HasValue ? $" of {truncated.ExpectedBytes}" : "") + " bytes; the service had acted on the request";
                case RequestTimeoutException _:
                    return $"{request} got no answer in time after the request was sent";
                default:
                    return IsReset(cause)
                        ? $"The connection was reset after the request was sent ({request})"
                        : $"The connection failed after the request was sent ({request}: {FirstLine(cause.Message)})";
            }
        }

        private static bool IsReset(Exception ex)
        {
            for (var e = ex.InnerException; e != null; e = e.InnerException)
            {
                if (e is SocketException socket && (socket.SocketErrorCode == SocketError.ConnectionReset || socket.SocketErrorCode == SocketError.ConnectionAborted))
                    return true;
                if (e.Message.IndexOf("reset", StringComparison.OrdinalIgnoreCase) >= 0 ||
                    e.Message.IndexOf("ended prematurely", StringComparison.OrdinalIgnoreCase) >= 0)
                    return true;
            }
            return false;
        }

        private static string? NameIn<T>(string? json, ResourceDefinition<T> definition) where T : OSResource
        {
            if (string.IsNullOrEmpty(json))
                return null;
            try
            {
                using var document = JsonDocument.Parse(json!);
                var item = document.RootElement;
                if (item.ValueKind != JsonValueKind.Object)
                    return null;
                if (!definition.Unwrapped && item.TryGetProperty(definition.Key, out var wrapped) && wrapped.ValueKind == JsonValueKind.Object)
                    item = wrapped;
                foreach (var property in new[] { "name", "stack_name" })
                    if (item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String)
                        return value.GetString();
            }
            catch (JsonException)
            {
            }
            return null;
        }

        private static string IdIn<T>(ServiceResponse response, ResourceDefinition<T> definition) where T : OSResource
        {
            try
            {
                var root = response.Json();
                var item = root.ValueKind == JsonValueKind.Object && !definition.Unwrapped && root.TryGetProperty(definition.Key, out var wrapped) ? wrapped : root;
                return item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() ?? "" : "";
            }
            catch (InvalidResponseException)
            {
                return "";
            }
        }

        private static string StripQuery(string? url) => url == null ? "" : url.Split('?')[0];

        private static string FirstLine(string text) => text.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? text;

        internal static string Plural(string kind) => kind.EndsWith("s", StringComparison.Ordinal) ? kind + "es" : kind + "s";
    }

    /// <summary>What a create made (for the warning when the wait for it is stopped).</summary>
    public sealed class CreatedResource
    {
        public CreatedResource(string kind, string? name, string id, string cloud, Type resourceType)
        {
            Kind = kind;
            Name = name;
            Id = id;
            Cloud = cloud;
            ResourceType = resourceType;
        }

        public string Kind { get; }
        public string? Name { get; }
        public string Id { get; }
        public string Cloud { get; }
        public Type ResourceType { get; }
    }

    /// <summary>Hears of the creates of one async flow.</summary>
    public interface ICreateObserver
    {
        /// <summary>A create's POST is about to go out (<paramref name="name"/>), or it has ended (null).</summary>
        void Creating(string kind, string? name);
        void Created(CreatedResource resource);
        /// <summary>A resource was deleted again (e.g. a half-created image after a failed upload).</summary>
        void Removed(string id);
    }
}
