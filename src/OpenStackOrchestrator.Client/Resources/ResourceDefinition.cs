using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace OpenStackOrchestrator.Client.Resources
{
    /// <summary>How a collection comes back page after page.</summary>
    public enum PagingStyle
    {
        /// <summary>One answer holds the whole collection.</summary>
        None,
        /// <summary>Next links: Nova, Cinder and Heat "&lt;key&gt;_links"/"links", Glance "next".</summary>
        Links,
        /// <summary>Neutron: next links, and once paged, marker=&lt;last id&gt; until a page comes back empty (Neutron
        /// applies LIMIT before it drops rows its RBAC joins duplicate, so a short page is not the end).</summary>
        NeutronMarker,
        /// <summary>Gnocchi and Aodh: limit and marker=&lt;last id&gt;; a page shorter than the limit is the last.</summary>
        Marker,
    }

    /// <summary>Everything the generic client and cmdlets need to know of one kind of resource, declared once: where it
    /// lives, how its JSON is keyed and read, which list filters the service applies, how lists page, which
    /// microversion it wants, and the PowerShell type name its objects carry.</summary>
    public sealed class ResourceDefinition<T> : IResourceDefinition where T : OSResource
    {
        private Dictionary<string, string>? _fieldsByProperty;

        /// <summary>The lower-case noun of messages: "port", "server group".</summary>
        public string Kind { get; init; } = "";
        public string ServiceType { get; init; } = "";
        /// <summary>The collection's path below the endpoint: "/v2.0/ports", "/os-server-groups".</summary>
        public string Path { get; init; } = "";
        /// <summary>Where lists are read when it is not <see cref="Path"/> (Nova's "/servers/detail").</summary>
        public string? ListPath { get; init; }
        /// <summary>The JSON key of one item: "port".</summary>
        public string Key { get; init; } = "";
        /// <summary>The JSON key of a list: "ports"; empty when a list is answered as a bare JSON array (Gnocchi, Aodh).</summary>
        public string CollectionKey { get; init; } = "";
        /// <summary>Glance, Gnocchi, Aodh: one item is answered and sent as itself, not under <see cref="Key"/> (which then
        /// only names it in messages).</summary>
        public bool Unwrapped { get; init; }
        /// <summary>Set when each listed item is wrapped again (Nova key pairs: {"keypair": {...}}).</summary>
        public string? ListItemKey { get; init; }
        public PagingStyle Paging { get; init; } = PagingStyle.Links;
        /// <summary>Items per request when neither the query nor the cloud's settings give a page size (0: the service's own).</summary>
        public int DefaultPageSize { get; init; }
        public JsonTypeInfo<T> Json { get; init; } = null!;
        /// <summary>The list filters the service applies: the name the client and cmdlets use, and the query key.</summary>
        public IReadOnlyDictionary<string, string> Filters { get; init; } = new Dictionary<string, string>();
        /// <summary>Aodh (and the Ceilometer v2 API it comes from): the declared filters and the name filter are sent as
        /// query expressions, q.field=&lt;key&gt;&amp;q.op=eq&amp;q.value=&lt;value&gt; (repeated per filter), not as key=value.</summary>
        public bool QueryExpressionFilters { get; init; }
        /// <summary>The query key that filters by exact name server-side; null: names are filtered here.</summary>
        public string? NameFilter { get; init; } = "name";
        /// <summary>The value sent for an exact name, when the service reads syntax in it (Glance: "a:b" is operator a);
        /// null: the name as it is. When it gives null the name is not filtered server-side (the caller matches it).</summary>
        public Func<string, string?>? NameFilterValue { get; init; }
        /// <summary>The declared filter whose value is an anchored regular expression on the name (Nova's "name"):
        /// wildcard patterns and exact names are pushed down through it.</summary>
        public string? NameRegexFilter { get; init; }
        /// <summary>Declared filters a name is resolved with (Nova flavors: private ones too, is_public=None).</summary>
        public IReadOnlyDictionary<string, string> NameLookupFilters { get; init; } = new Dictionary<string, string>();
        /// <summary>The service answers ?fields= with only those fields (Neutron).</summary>
        public bool SupportsFields { get; init; }
        /// <summary>The microversion asked for, and the lowest one the resource works with (null: none).</summary>
        public string? Microversion { get; init; }
        public string? MinimumMicroversion { get; init; }
        /// <summary>The lowest microversion that honours limit= (Nova key pairs: 2.35); below it lists are not cut short.</summary>
        public string? LimitMicroversion { get; init; }
        /// <summary>The role the service's default policy asks for (admin-only resources: hypervisors, services): a 403
        /// then says so beside the roles the user has.</summary>
        public string? RequiredRole { get; init; }
        /// <summary>The Accept header of a delete when not JSON: Gnocchi 4.4.2 answers 406 to a DELETE that accepts only
        /// application/json (gnocchi#1090), so its resources send "*/*".</summary>
        public string? DeleteAccept { get; init; }
        /// <summary>Nova key pairs: the name is the id.</summary>
        public bool IdIsName { get; init; }
        /// <summary>The PowerShell type name of its objects (their views are keyed by it).</summary>
        public string TypeName { get; init; } = "";
        /// <summary>Resources whose own objects filter a list of this one (a network's ports): the parent's type and the
        /// declared filter its id goes into. Get-OSNetwork x | Get-OSPort works from this alone.</summary>
        public IReadOnlyDictionary<Type, string> ParentFilters { get; init; } = new Dictionary<Type, string>();
        /// <summary>Set when the resource keeps tags: its lists then take the tag filters of <see cref="TagSupport"/> too.</summary>
        public TagSupport? Tagging { get; init; }

        /// <summary>The query key of a declared filter (the resource's own, or a tag filter of a tagged resource).</summary>
        internal bool TryGetFilterKey(string filter, out string key) =>
            Filters.TryGetValue(filter, out key!) || (Tagging != null && TagSupport.Filters.TryGetValue(filter, out key!));

        internal IEnumerable<string> FilterNames => Tagging == null ? Filters.Keys : Filters.Keys.Concat(TagSupport.Filters.Keys);

        IAsyncEnumerable<OSResource> IResourceDefinition.ListAsync(CloudConnection cloud, ListQuery query, System.Threading.CancellationToken cancellationToken) =>
            cloud.ListResourcesAsync(this, query, cancellationToken);

        Type IResourceDefinition.ResourceType => typeof(T);

        async System.Threading.Tasks.Task<OSResource> IResourceDefinition.GetAsync(CloudConnection cloud, string id, System.Threading.CancellationToken cancellationToken) =>
            await cloud.GetResourceAsync(this, id, cancellationToken).ConfigureAwait(false);

        /// <summary>The JSON fields behind properties (for -Property): a property's [JsonPropertyName], or the fields a
        /// computed property is [DerivedFrom]. Unknown properties are an error that lists the known ones.</summary>
        public IReadOnlyList<string> FieldsOf(IEnumerable<string> properties)
        {
            var map = _fieldsByProperty ??= MapFields();
            // Id and Name always come along: paging goes on from the last id, names are matched here.
            var fields = new List<string>();
            foreach (var property in new[] { "Id", "Name" }.Concat(properties))
            {
                if (!map.TryGetValue(property, out var json))
                {
                    if (property == "Id" || property == "Name")
                        continue;
                    throw new ArgumentException($"A {Kind} has no property '{property}' that can be asked for; it has: {string.Join(", ", map.Keys.OrderBy(k => k))}.");
                }
                foreach (var field in json.Split(','))
                    if (!fields.Contains(field)) fields.Add(field);
            }
            return fields;
        }

        public IReadOnlyCollection<string> SelectableProperties => (_fieldsByProperty ??= MapFields()).Keys;

        private static Dictionary<string, string> MapFields()
        {
            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                // An override that is [JsonIgnore] (a floating IP's Name) is not the field its base property names.
                var own = property.GetCustomAttribute<JsonIgnoreAttribute>() == null ? property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name : null;
                var json = own ?? (property.GetCustomAttribute<DerivedFromAttribute>() is { } derived ? string.Join(",", derived.Fields) : null);
                if (json != null)
                    map[property.Name] = json;
            }
            return map;
        }
    }

    /// <summary>The non-generic face of a definition (registries, completers, convention tests).</summary>
    public interface IResourceDefinition
    {
        string Kind { get; }
        string ServiceType { get; }
        string Path { get; }
        string? Microversion { get; }
        string TypeName { get; }
        TagSupport? Tagging { get; }
        Type ResourceType { get; }
        bool SupportsFields { get; }
        string? NameRegexFilter { get; }
        IReadOnlyCollection<string> SelectableProperties { get; }
        IReadOnlyDictionary<Type, string> ParentFilters { get; }
        IAsyncEnumerable<OSResource> ListAsync(CloudConnection cloud, ListQuery query, System.Threading.CancellationToken cancellationToken);
        System.Threading.Tasks.Task<OSResource> GetAsync(CloudConnection cloud, string id, System.Threading.CancellationToken cancellationToken);
    }

    /// <summary>A computed property and the JSON fields it is computed from (so -Property asks for them).</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class DerivedFromAttribute : Attribute
    {
        public DerivedFromAttribute(params string[] fields) => Fields = fields;
        public IReadOnlyList<string> Fields { get; }
    }
}
