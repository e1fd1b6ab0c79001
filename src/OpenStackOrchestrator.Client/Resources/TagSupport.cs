using System.Collections.Generic;

namespace OpenStackOrchestrator.Client.Resources
{
    /// <summary>A resource that keeps tags (Nova servers from microversion 2.26, Neutron's standard-attribute
    /// resources, Keystone projects): one tag is PUT or DELETEd at {Path}/{id}/tags/{tag}, all of them at {Path}/{id}/tags, and lists
    /// filter by the same four query keys on both services.</summary>
    public sealed class TagSupport
    {
        /// <summary>Neutron: no microversions.</summary>
        public static readonly TagSupport Neutron = new TagSupport();

        /// <summary>Keystone projects: the same paths and filters, no microversions.</summary>
        public static readonly TagSupport Keystone = new TagSupport();

        /// <summary>The list filter names (see <see cref="ListQuery.Filter"/>) and their query keys; values are comma-separated tags.</summary>
        public const string AllOf = "Tags";
        public const string AnyOf = "TagsAny";
        public const string NotAllOf = "NotTags";
        public const string NoneOf = "NotTagsAny";

        internal static readonly IReadOnlyDictionary<string, string> Filters = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase)
        {
            [AllOf] = "tags",
            [AnyOf] = "tags-any",
            [NotAllOf] = "not-tags",
            [NoneOf] = "not-tags-any",
        };

        /// <summary>The lowest microversion that has tags (in bodies, filters and the tags API); null: no microversions.</summary>
        public string? Microversion { get; init; }
    }
}
