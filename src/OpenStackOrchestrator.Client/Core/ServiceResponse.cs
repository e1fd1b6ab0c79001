using System;
using System.Collections.Generic;
using System.Text.Json;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>A completed HTTP exchange with a 2xx status.</summary>
    public sealed class ServiceResponse
    {
        public ServiceResponse(int statusCode, IReadOnlyDictionary<string, string> headers, string body, TimeSpan elapsed, string url)
        {
            StatusCode = statusCode;
            Headers = headers;
            Body = body;
            Elapsed = elapsed;
            Url = url;
        }

        public int StatusCode { get; }
        public IReadOnlyDictionary<string, string> Headers { get; }
        public string Body { get; }
        public TimeSpan Elapsed { get; }
        public string Url { get; }
        public string? RequestId => Header("x-openstack-request-id") ?? Header("x-compute-request-id") ?? Header("x-trans-id");

        public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

        /// <summary>The body parsed as JSON; a truncated or malformed body is an <see cref="InvalidResponseException"/>.</summary>
        public JsonElement Json()
        {
            if (string.IsNullOrWhiteSpace(Body))
                return default;
            try
            {
                return JsonSerializer.Deserialize<JsonElement>(Body);
            }
            catch (JsonException ex)
            {
                throw new InvalidResponseException(
                    $"The response from {Url} is not valid JSON ({ex.Message}); the body may have been truncated.", ex)
                { StatusCode = StatusCode, RequestId = RequestId, Url = Url };
            }
        }
    }
}
