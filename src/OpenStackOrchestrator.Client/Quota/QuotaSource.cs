using System.Collections.Generic;

namespace OpenStackOrchestrator.Client.Quota
{
    /// <summary>Where a service answers with a project's quotas and their usage: {"&lt;key&gt;": {"&lt;resource&gt;":
    /// {"limit": .., "in_use" (or "used"): .., "reserved": ..}, ...}}.</summary>
    internal sealed class QuotaSource
    {
        public string ServiceType { get; init; } = "";
        /// <summary>The service's name in messages: "Nova".</summary>
        public string ServiceName { get; init; } = "";
        /// <summary>The path, with {0} for the escaped project id: "/os-quota-sets/{0}/detail".</summary>
        public string PathFormat { get; init; } = "";
        /// <summary>Where the quotas are set (PUT), with {0} for the escaped project id: "/os-quota-sets/{0}".</summary>
        public string UpdatePathFormat { get; init; } = "";
        public IReadOnlyDictionary<string, string> Query { get; init; } = new Dictionary<string, string>();
        /// <summary>The key of the quota set: "quota_set" (Nova, Cinder), "quota" (Neutron).</summary>
        public string Key { get; init; } = "quota_set";
        /// <summary>The microversion asked for, and the lowest one accepted (null: none is sent).</summary>
        public string? Microversion { get; init; }
        public string? MinimumMicroversion { get; init; }
    }
}
