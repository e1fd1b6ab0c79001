using System;
using System.Collections.Generic;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Networking;

namespace OpenStackOrchestrator.Client.Orchestration.Export
{
    /// <summary>The live resources an export writes as a template, already read (by <see cref="StackExportCollector"/>
    /// or built by a test): only what is here becomes a resource; what it refers to outside becomes a parameter.</summary>
    public sealed class StackExportSet
    {
        public IList<Server> Servers { get; } = new List<Server>();
        /// <summary>Server ports and standalone ports; router interface ports become OS::Neutron::RouterInterface.</summary>
        public IList<Port> Ports { get; } = new List<Port>();
        public IList<Network> Networks { get; } = new List<Network>();
        public IList<Subnet> Subnets { get; } = new List<Subnet>();
        public IList<Router> Routers { get; } = new List<Router>();
        public IList<SecurityGroup> SecurityGroups { get; } = new List<SecurityGroup>();
        public IList<FloatingIP> FloatingIPs { get; } = new List<FloatingIP>();
        public IList<Volume> Volumes { get; } = new List<Volume>();
        public IList<ServerGroup> ServerGroups { get; } = new List<ServerGroup>();
        public IList<KeyPair> KeyPairs { get; } = new List<KeyPair>();
        /// <summary>Networks referred to but not exported (external ones such as public, or another project's shared
        /// network): id to name. Each becomes a parameter.</summary>
        public IDictionary<string, string> OutsideNetworks { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        /// <summary>Image id to name, for the parameter values (a name reads better and survives a re-upload).</summary>
        public IDictionary<string, string> ImageNames { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        /// <summary>Server id to its user data (decoded), where Nova returned it.</summary>
        public IDictionary<string, string> UserData { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    }

    public sealed class StackExportOptions
    {
        /// <summary>Key pairs as OS::Nova::KeyPair resources with their public key (else a parameter naming an existing one).</summary>
        public bool KeyPairsAsResources { get; set; }
        public string? Description { get; set; }
    }
}
