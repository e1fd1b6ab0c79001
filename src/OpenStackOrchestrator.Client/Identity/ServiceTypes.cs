using System;
using System.Collections.Generic;
using System.Linq;

namespace OpenStackOrchestrator.Client.Identity
{
    /// <summary>Official service types and the historical aliases clouds still register (service-types-authority).</summary>
    public static class ServiceTypes
    {
        public const string Identity = "identity";
        public const string Compute = "compute";
        public const string Image = "image";
        public const string Network = "network";
        public const string BlockStorage = "block-storage";
        public const string ObjectStore = "object-store";
        public const string Orchestration = "orchestration";
        public const string Placement = "placement";
        public const string Metric = "metric";
        public const string Alarming = "alarming";
        public const string Database = "database";

        private static readonly Dictionary<string, string[]> Aliases = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            [BlockStorage] = new[] { "volumev3", "volumev2", "volume", "block-store" },
            [Compute] = Array.Empty<string>(),
            [Image] = Array.Empty<string>(),
            [Network] = Array.Empty<string>(),
            [ObjectStore] = Array.Empty<string>(),
            [Orchestration] = Array.Empty<string>(),
            [Identity] = Array.Empty<string>(),
            [Placement] = Array.Empty<string>(),
            [Metric] = Array.Empty<string>(),
            [Alarming] = Array.Empty<string>(),
            [Database] = Array.Empty<string>(),
        };

        /// <summary>The official type for a type or alias ("volumev3" gives "block-storage").</summary>
        public static string Canonical(string type)
        {
            var normalized = type.Trim().Replace('_', '-');
            if (Aliases.ContainsKey(normalized))
                return normalized.ToLowerInvariant();
            foreach (var pair in Aliases)
                if (pair.Value.Contains(normalized, StringComparer.OrdinalIgnoreCase))
                    return pair.Key;
            return normalized.ToLowerInvariant();
        }

        /// <summary>The official type followed by its aliases, in the order to look them up in a catalog.</summary>
        public static IReadOnlyList<string> Candidates(string type)
        {
            var canonical = Canonical(type);
            var result = new List<string> { canonical };
            if (Aliases.TryGetValue(canonical, out var aliases))
                result.AddRange(aliases);
            return result;
        }
    }
}
