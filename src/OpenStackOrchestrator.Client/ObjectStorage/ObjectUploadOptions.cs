using System;
using System.Collections.Generic;

namespace OpenStackOrchestrator.Client.ObjectStorage
{
    public sealed class ObjectUploadOptions
    {
        public const long DefaultSegmentSize = 1024L * 1024 * 1024;

        /// <summary>Null: from the name's extension.</summary>
        public string? ContentType { get; set; }
        public IDictionary<string, string> Metadata { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        /// <summary>A file larger than this is uploaded as a static large object in segments of this size.</summary>
        public long SegmentSize { get; set; } = DefaultSegmentSize;
    }
}
