using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.Identity
{
    public sealed class CatalogEndpoint
    {
        public CatalogEndpoint(string serviceType, string serviceName, string @interface, string? region, string url)
        {
            ServiceType = serviceType;
            ServiceName = serviceName;
            Interface = @interface;
            Region = region;
            Url = url;
        }

        public string ServiceType { get; }
        public string ServiceName { get; }
        public string Interface { get; }
        public string? Region { get; }
        public string Url { get; }
    }

    /// <summary>The service catalog of a token, queried by service type (with aliases), region and interface.</summary>
    public sealed class ServiceCatalog
    {
        public ServiceCatalog(IReadOnlyList<CatalogEndpoint> endpoints) => Endpoints = endpoints;

        public IReadOnlyList<CatalogEndpoint> Endpoints { get; }

        public static ServiceCatalog Parse(JsonElement catalog)
        {
            var endpoints = new List<CatalogEndpoint>();
            if (catalog.ValueKind != JsonValueKind.Array)
                return new ServiceCatalog(endpoints);
            foreach (var service in catalog.EnumerateArray())
            {
                var type = service.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
                var name = service.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
                if (!service.TryGetProperty("endpoints", out var list) || list.ValueKind != JsonValueKind.Array)
                    continue;
                foreach (var e in list.EnumerateArray())
                {
                    var region = e.TryGetProperty("region_id", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()
                        : e.TryGetProperty("region", out var r2) && r2.ValueKind == JsonValueKind.String ? r2.GetString() : null;
                    endpoints.Add(new CatalogEndpoint(type, name,
                        e.TryGetProperty("interface", out var i) ? i.GetString() ?? "public" : "public",
                        region,
                        e.TryGetProperty("url", out var u) ? u.GetString() ?? "" : ""));
                }
            }
            return new ServiceCatalog(endpoints);
        }

        public IReadOnlyList<string> ServiceTypes => Endpoints.Select(e => e.ServiceType).Distinct().OrderBy(s => s).ToList();

        public IReadOnlyList<string> Regions => Endpoints.Where(e => e.Region != null).Select(e => e.Region!).Distinct().OrderBy(s => s).ToList();

        /// <summary>The endpoint URL for a service type; throws <see cref="EndpointNotFoundException"/> naming what exists.</summary>
        public string Find(string serviceType, string? region, string @interface)
        {
            var wantedInterface = NormalizeInterface(@interface);
            foreach (var candidate in Identity.ServiceTypes.Candidates(serviceType))
            {
                var match = Endpoints.FirstOrDefault(e =>
                    e.ServiceType.Equals(candidate, StringComparison.OrdinalIgnoreCase) &&
                    NormalizeInterface(e.Interface) == wantedInterface &&
                    (string.IsNullOrEmpty(region) || string.Equals(e.Region, region, StringComparison.OrdinalIgnoreCase)));
                if (match != null)
                    return match.Url;
            }
            var known = Endpoints.Where(e => Identity.ServiceTypes.Candidates(serviceType).Contains(e.ServiceType, StringComparer.OrdinalIgnoreCase)).ToList();
            var detail = known.Count == 0
                ? $"The catalog has no '{serviceType}' service. Services in the catalog: {string.Join(", ", ServiceTypes)}."
                : $"The catalog has '{serviceType}' only for: {string.Join(", ", known.Select(e => $"{e.Interface}/{e.Region ?? "no region"}").Distinct())}.";
            throw new EndpointNotFoundException(
                $"No {wantedInterface} endpoint for service '{serviceType}'" + (string.IsNullOrEmpty(region) ? "" : $" in region '{region}'") + ". " + detail)
            { Service = serviceType };
        }

        private static string NormalizeInterface(string value)
        {
            var v = (value ?? "public").Trim().ToLowerInvariant();
            return v.EndsWith("url") ? v.Substring(0, v.Length - 3) : v;
        }
    }
}
