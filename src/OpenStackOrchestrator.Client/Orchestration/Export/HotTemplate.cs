using System;
using System.Collections.Generic;
using System.Linq;
using YamlDotNet.Serialization;

namespace OpenStackOrchestrator.Client.Orchestration.Export
{
    /// <summary>A HOT template as an object model: parameters, resources and outputs in the order they were added
    /// (the YAML keeps that order, so a diff between two exports stays small).</summary>
    public sealed class HotTemplate
    {
        /// <summary>Rocky's version: get_resource, list_join, custom constraints and depends_on lists all exist; every
        /// Heat since 2018 reads it.</summary>
        public const string DefaultVersion = "2018-08-31";

        public string Version { get; set; } = DefaultVersion;
        public string? Description { get; set; }
        public IDictionary<string, HotParameter> Parameters { get; } = new Dictionary<string, HotParameter>(StringComparer.Ordinal);
        public IDictionary<string, HotResource> Resources { get; } = new Dictionary<string, HotResource>(StringComparer.Ordinal);
        public IDictionary<string, HotOutput> Outputs { get; } = new Dictionary<string, HotOutput>(StringComparer.Ordinal);

        /// <summary>Plain data (ordered dictionaries, lists, scalars) as TemplateFormat reads a template: what is
        /// serialised to YAML here and sent as JSON to Heat.</summary>
        public Dictionary<string, object?> ToPlain()
        {
            var plain = new Dictionary<string, object?>(StringComparer.Ordinal) { ["heat_template_version"] = Version };
            if (!string.IsNullOrEmpty(Description))
                plain["description"] = Description;
            if (Parameters.Count > 0)
                plain["parameters"] = Parameters.ToDictionary(p => p.Key, p => (object?)p.Value.ToPlain(), StringComparer.Ordinal);
            plain["resources"] = Resources.ToDictionary(r => r.Key, r => (object?)r.Value.ToPlain(), StringComparer.Ordinal);
            if (Outputs.Count > 0)
                plain["outputs"] = Outputs.ToDictionary(o => o.Key, o => (object?)o.Value.ToPlain(), StringComparer.Ordinal);
            return plain;
        }

        public string ToYaml() => HotYaml.Serialize(ToPlain());

        // Intrinsic functions, as Heat reads them.
        public static Dictionary<string, object?> GetResource(string name) => new Dictionary<string, object?> { ["get_resource"] = name };
        public static Dictionary<string, object?> GetParam(string name) => new Dictionary<string, object?> { ["get_param"] = name };
        public static Dictionary<string, object?> GetAttr(string name, string attribute) =>
            new Dictionary<string, object?> { ["get_attr"] = new List<object?> { name, attribute } };
        public static Dictionary<string, object?> ListJoin(string separator, params object?[] parts) =>
            new Dictionary<string, object?> { ["list_join"] = new List<object?> { separator, parts.ToList() } };
    }

    public sealed class HotParameter
    {
        public HotParameter(string type, string description)
        {
            Type = type;
            Description = description;
        }

        public string Type { get; }
        public string Description { get; }
        public object? Default { get; set; }
        /// <summary>A custom constraint (glance.image, nova.flavor, nova.keypair, neutron.network): Heat checks that the
        /// value names something that exists before it creates anything.</summary>
        public string? CustomConstraint { get; set; }

        internal Dictionary<string, object?> ToPlain()
        {
            var plain = new Dictionary<string, object?>(StringComparer.Ordinal) { ["type"] = Type, ["description"] = Description };
            if (Default != null)
                plain["default"] = Default;
            if (CustomConstraint != null)
                plain["constraints"] = new List<object?> { new Dictionary<string, object?> { ["custom_constraint"] = CustomConstraint } };
            return plain;
        }
    }

    public sealed class HotResource
    {
        public HotResource(string type) => Type = type;

        public string Type { get; }
        public IDictionary<string, object?> Properties { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);
        /// <summary>Only where no get_resource tells Heat the order.</summary>
        public IList<string> DependsOn { get; } = new List<string>();

        /// <summary>Sets a property unless the value says nothing (null, an empty text or list).</summary>
        public HotResource Set(string property, object? value)
        {
            if (value == null || value is string { Length: 0 } || value is System.Collections.ICollection { Count: 0 })
                return this;
            Properties[property] = value;
            return this;
        }

        internal Dictionary<string, object?> ToPlain()
        {
            var plain = new Dictionary<string, object?>(StringComparer.Ordinal) { ["type"] = Type };
            if (Properties.Count > 0)
                plain["properties"] = new Dictionary<string, object?>(Properties, StringComparer.Ordinal);
            if (DependsOn.Count > 0)
                plain["depends_on"] = DependsOn.Distinct().Cast<object?>().ToList();
            return plain;
        }
    }

    public sealed class HotOutput
    {
        public HotOutput(string description, object value)
        {
            Description = description;
            Value = value;
        }

        public string Description { get; }
        public object Value { get; }

        internal Dictionary<string, object?> ToPlain() => new Dictionary<string, object?>(StringComparer.Ordinal) { ["description"] = Description, ["value"] = Value };
    }

    /// <summary>Plain data to YAML: block style, and texts that YAML would read as something else quoted.</summary>
    public static class HotYaml
    {
        private static readonly ISerializer Serializer = new SerializerBuilder()
            .WithQuotingNecessaryStrings()
            .DisableAliases()
            .Build();

        public static string Serialize(object plain) => Serializer.Serialize(plain);
    }
}
