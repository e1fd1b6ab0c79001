using System.Text.Json;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.ObjectStorage
{
    /// <summary>What the cluster's /info says about the middleware this client uses. A cluster that hides /info is
    /// assumed to have Swift's defaults except bulk delete.</summary>
    public sealed class SwiftCapabilities
    {
        internal SwiftCapabilities(JsonElement info)
        {
            var swift = info.Obj("swift");
            MaxFileSize = swift.Long("max_file_size") ?? 5368709122;
            ContainerListingLimit = (int)(swift.Long("container_listing_limit") ?? 10000);
            var slo = info.Obj("slo");
            SupportsStaticLargeObjects = slo.ValueKind == JsonValueKind.Object;
            MaxManifestSegments = (int)(slo.Long("max_manifest_segments") ?? 1000);
            var bulk = info.Obj("bulk_delete");
            MaxDeletesPerRequest = bulk.ValueKind == JsonValueKind.Object ? (int)(bulk.Long("max_deletes_per_request") ?? 10000) : 0;
            SupportsTempUrls = info.Obj("tempurl").ValueKind == JsonValueKind.Object;
        }

        internal static SwiftCapabilities Defaults => new SwiftCapabilities(JsonSerializer.Deserialize<JsonElement>("{\"slo\":{},\"tempurl\":{}}"));

        public long MaxFileSize { get; }
        public int ContainerListingLimit { get; }
        public bool SupportsStaticLargeObjects { get; }
        public int MaxManifestSegments { get; }
        /// <summary>0 when bulk delete is not available.</summary>
        public int MaxDeletesPerRequest { get; }
        public bool SupportsTempUrls { get; }
    }
}
