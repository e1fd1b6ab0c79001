using System;
using System.Collections.Generic;

namespace OpenStackOrchestrator.Client.Orchestration.Export
{
    /// <summary>What to export, by live id (key pairs by name): each pulls in what it depends on. <see cref="All"/>:
    /// everything the project has.</summary>
    public sealed class StackExportSelection
    {
        public bool All { get; set; }
        public ISet<string> Servers { get; } = Ids();
        public ISet<string> Ports { get; } = Ids();
        public ISet<string> Networks { get; } = Ids();
        public ISet<string> Subnets { get; } = Ids();
        public ISet<string> Routers { get; } = Ids();
        public ISet<string> SecurityGroups { get; } = Ids();
        public ISet<string> FloatingIPs { get; } = Ids();
        public ISet<string> Volumes { get; } = Ids();
        public ISet<string> ServerGroups { get; } = Ids();
        public ISet<string> KeyPairs { get; } = new HashSet<string>(StringComparer.Ordinal);

        public bool IsEmpty => !All && Servers.Count + Ports.Count + Networks.Count + Subnets.Count + Routers.Count + SecurityGroups.Count
            + FloatingIPs.Count + Volumes.Count + ServerGroups.Count + KeyPairs.Count == 0;

        private static HashSet<string> Ids() => new HashSet<string>(StringComparer.OrdinalIgnoreCase);
    }
}
