using System;
using System.Collections.Generic;

namespace OpenStackOrchestrator.Client.ObjectStorage
{
    /// <summary>What to change on a container (or set on a new one); what is left null or empty stays as it is.</summary>
    public sealed class ContainerUpdate
    {
        /// <summary>True adds .r:*,.rlistings to the read ACL, false takes them out (other ACL entries stay).</summary>
        public bool? Public { get; set; }
        public IDictionary<string, string> SetMetadata { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        public ICollection<string> RemoveMetadata { get; } = new List<string>();
        /// <summary>The key that signs temporary URLs of the container's objects (X-Container-Meta-Temp-URL-Key).</summary>
        public string? TempUrlKey { get; set; }

        internal bool IsEmpty => Public == null && SetMetadata.Count == 0 && RemoveMetadata.Count == 0 && TempUrlKey == null;
    }
}
