using System.Collections.Generic;
using System.Linq;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>The tag filters of a Get- cmdlet (-Tag: all of them, -TagAny: at least one, -ExcludeTag: none of
    /// them), sent to the service as tags=, tags-any= and not-tags-any=.</summary>
    public sealed class TagFilter
    {
        private readonly IReadOnlyList<string>? _all, _any, _none;

        public TagFilter(IReadOnlyList<string>? all, IReadOnlyList<string>? any, IReadOnlyList<string>? none)
        {
            _all = all;
            _any = any;
            _none = none;
        }

        public void ApplyTo(ListQuery query) => query
            .Filter(TagSupport.AllOf, Joined(_all))
            .Filter(TagSupport.AnyOf, Joined(_any))
            .Filter(TagSupport.NoneOf, Joined(_none));

        private static string? Joined(IReadOnlyList<string>? tags) => tags == null || tags.Count == 0 ? null : string.Join(",", tags.Distinct());
    }
}
