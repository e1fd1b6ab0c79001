using System;
using System.Collections.Generic;
using System.Net.Http;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>One call to an OpenStack service, described independently of the transport.</summary>
    public sealed class ServiceRequest
    {
        public ServiceRequest(HttpMethod method, string serviceType, string path)
        {
            Method = method;
            ServiceType = serviceType;
            Path = path;
        }

        public HttpMethod Method { get; }
        /// <summary>Catalog service type ("compute", "image", "network", "block-storage"...).</summary>
        public string ServiceType { get; }
        /// <summary>Path relative to the service endpoint, or an absolute URL (pagination links).</summary>
        public string Path { get; }
        public IDictionary<string, string> Query { get; } = new Dictionary<string, string>();
        /// <summary>JSON text of the body, if any.</summary>
        public string? JsonBody { get; set; }
        /// <summary>Microversion to request, e.g. "2.47" for compute.</summary>
        public string? Microversion { get; set; }
        /// <summary>The role the service's default policy asks for (admin-only APIs): a 403 then names it beside the
        /// roles the user has.</summary>
        public string? RequiredRole { get; set; }
        public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        /// <summary>When false, the request is not retried after it may have reached the server.</summary>
        public bool IsIdempotent => Method != HttpMethod.Post && Method.Method != "PATCH";
    }
}
