using System;
using System.Text.Json.Serialization;

namespace OpenStackOrchestrator.Client.ObjectStorage
{
    /// <summary>An entry of an account listing (GET /v1/{account}?format=json).</summary>
    internal sealed class ContainerListing
    {
        [JsonPropertyName("name")]
        public string Name { get; init => field = value ?? ""; } = "";
        [JsonPropertyName("count")]
        public long Count { get; init; }
        [JsonPropertyName("bytes")]
        public long Bytes { get; init; }
        [JsonPropertyName("last_modified")]
        public DateTime? LastModified { get; init; }
    }

    /// <summary>An entry of a container listing: an object, or {"subdir": "a/"} when a delimiter was given.</summary>
    internal sealed class ObjectListing
    {
        [JsonPropertyName("name")]
        public string? Name { get; init; }
        /// <summary>A pseudo-folder that rolls up the names below it.</summary>
        [JsonPropertyName("subdir")]
        public string? Subdir { get; init; }
        [JsonPropertyName("bytes")]
        public long Bytes { get; init; }
        [JsonPropertyName("hash")]
        public string? Hash { get; init; }
        /// <summary>Set for a static large object: the ETag of its whole content.</summary>
        [JsonPropertyName("slo_etag")]
        public string? SloEtag { get; init; }
        [JsonPropertyName("content_type")]
        public string? ContentType { get; init; }
        [JsonPropertyName("last_modified")]
        public DateTime? LastModified { get; init; }
    }
}
