using System.Collections.Generic;

namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>An aggregate still has hosts, so Nova would refuse to delete it (with a 400 that does not name them).</summary>
    public sealed class AggregateNotEmptyException : OpenStackException
    {
        public AggregateNotEmptyException(string aggregate, IReadOnlyList<string> hosts)
            : base($"Aggregate '{aggregate}' still has hosts {string.Join(", ", hosts)}; Nova deletes only an aggregate without hosts.")
        {
            Aggregate = aggregate;
            Hosts = hosts;
            Service = "compute";
        }

        public string Aggregate { get; }
        public IReadOnlyList<string> Hosts { get; }
        public override string ErrorId => "AggregateNotEmpty";
    }
}
