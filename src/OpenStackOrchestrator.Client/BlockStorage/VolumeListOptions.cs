namespace OpenStackOrchestrator.Client.BlockStorage
{
    /// <summary>Filters for GET /volumes/detail. Name and Status are applied by Cinder; ServerId here, from the
    /// attachments (Cinder has no filter on the attached server).</summary>
    public sealed class VolumeListOptions
    {
        /// <summary>An exact name.</summary>
        public string? Name { get; set; }
        public string? Status { get; set; }
        public string? ServerId { get; set; }
        /// <summary>The name of <see cref="ServerId"/>, when the caller knows it (saves a Nova lookup).</summary>
        public string? ServerName { get; set; }
        /// <summary>Look up the names of the servers volumes are attached to (one Nova list, on the first attached volume).</summary>
        public bool NameServers { get; set; }
        public int? Limit { get; set; }
    }

    /// <summary>Filters for GET /snapshots/detail, all applied by Cinder.</summary>
    public sealed class SnapshotListOptions
    {
        /// <summary>An exact name.</summary>
        public string? Name { get; set; }
        public string? Status { get; set; }
        public string? VolumeId { get; set; }
        public int? Limit { get; set; }
    }
}
