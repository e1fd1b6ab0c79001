using System;
using System.Collections.Generic;

namespace OpenStackOrchestrator.Client.ObjectStorage
{
    /// <summary>Metadata and content type to change on an object; the rest of its metadata is kept.</summary>
    public sealed class ObjectUpdate
    {
        public IDictionary<string, string> SetMetadata { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        public ICollection<string> RemoveMetadata { get; } = new List<string>();
        public string? ContentType { get; set; }
    }
}
