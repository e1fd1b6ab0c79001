namespace OpenStackOrchestrator.Client.Quota
{
    /// <summary>One quota of one project: a row per resource and service (compute now; block-storage and network
    /// rows have the same shape).</summary>
    public sealed class QuotaUsage
    {
        public QuotaUsage(string service, string resource, long limit, long inUse, long reserved, string projectId, CloudConnection cloud)
        {
            Service = service;
            Resource = resource;
            Limit = limit;
            InUse = inUse;
            Reserved = reserved;
            ProjectId = projectId;
            Cloud = cloud;
        }

        /// <summary>The service type that enforces the quota: compute, block-storage, network.</summary>
        public string Service { get; }
        /// <summary>The service's own name for the resource: instances, cores, ram (MB), key_pairs...</summary>
        public string Resource { get; }
        /// <summary>-1 means unlimited.</summary>
        public long Limit { get; }
        public long InUse { get; }
        public long Reserved { get; }
        public bool IsUnlimited => Limit < 0;
        /// <summary>How many more may be used: Limit - InUse - Reserved, never below 0; $null when unlimited.</summary>
        public long? Remaining => IsUnlimited ? (long?)null : System.Math.Max(0, Limit - InUse - Reserved);
        public string ProjectId { get; }
        public CloudConnection Cloud { get; }

        public override string ToString() => $"{Service}/{Resource}: {InUse}/{(IsUnlimited ? "unlimited" : Limit.ToString())}";
    }
}
