using System.Collections.Generic;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>A network a server is on and its addresses there; reads as "private=10.0.0.5,fd00::5" in a table.</summary>
    public sealed class ServerNetwork
    {
        public ServerNetwork(string name, IReadOnlyList<string> addresses)
        {
            Name = name;
            Addresses = addresses;
        }

        /// <summary>The network's name.</summary>
        public string Name { get; }
        public IReadOnlyList<string> Addresses { get; }

        public override string ToString() => Name + "=" + string.Join(",", Addresses);
    }
}
