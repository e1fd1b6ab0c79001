using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Acceptance
{
    /// <summary>The fault proxy has one rules file and one set of counters: its tests must run one at a time.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class FaultProxyCollection
    {
        public const string Name = "fault proxy";
    }
}
