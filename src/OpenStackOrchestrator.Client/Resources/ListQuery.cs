using System.Collections.Generic;

namespace OpenStackOrchestrator.Client.Resources
{
    /// <summary>What a list asks the service for: declared filters by their names, an exact name, a limit to push
    /// down, and (where the service supports it) only some fields.</summary>
    public sealed class ListQuery
    {
        public IDictionary<string, string> Filters { get; } = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase);
        public string? Name { get; set; }
        public int? Limit { get; set; }
        /// <summary>Items per request when no limit is given; 0: the whole collection in one answer where the service allows.</summary>
        public int PageSize { get; set; }
        /// <summary>JSON field names (see <see cref="ResourceDefinition{T}.FieldsOf"/>); null: every field.</summary>
        public IReadOnlyList<string>? Fields { get; set; }

        public ListQuery Filter(string name, string? value)
        {
            if (value != null)
                Filters[name] = value;
            return this;
        }
    }
}
