using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace OpenStackOrchestrator.Client.Orchestration.Export
{
    /// <summary>What an export made: the template, the values of its parameters (the environment file) and, for each
    /// template resource, the live resource it was made from (Heat's adopt data).</summary>
    public sealed class StackExport
    {
        internal StackExport(HotTemplate template) => Template = template;

        public HotTemplate Template { get; }
        public IDictionary<string, object?> ParameterValues { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);
        /// <summary>Template resource name to its type and live id (as Heat keeps it as the resource's physical id).</summary>
        public IDictionary<string, ExportedResource> LiveIds { get; } = new Dictionary<string, ExportedResource>(StringComparer.Ordinal);

        /// <summary>The exported resources in template order, each with its name.</summary>
        public IEnumerable<ExportedResource> Resources => LiveIds.Select(r =>
        {
            r.Value.Name = r.Key;
            return r.Value;
        });

        public string TemplateYaml() => Template.ToYaml();

        public Dictionary<string, object?> Environment() => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["parameters"] = new Dictionary<string, object?>(ParameterValues, StringComparer.Ordinal),
        };

        public string EnvironmentYaml() => HotYaml.Serialize(Environment());

        /// <summary>Heat's stack-adopt data: the template, its environment and every resource's live id, so that a
        /// stack created from it takes the resources over instead of creating them.</summary>
        public Dictionary<string, object?> AdoptData() => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["template"] = Template.ToPlain(),
            ["environment"] = Environment(),
            ["action"] = "CREATE",
            ["status"] = "COMPLETE",
            ["resources"] = LiveIds.ToDictionary(r => r.Key, r => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["name"] = r.Key,
                ["type"] = r.Value.Type,
                ["resource_id"] = r.Value.LiveId,
                ["action"] = "CREATE",
                ["status"] = "COMPLETE",
                ["metadata"] = new Dictionary<string, object?>(),
                ["resource_data"] = new Dictionary<string, object?>(),
            }, StringComparer.Ordinal),
        };

        public string AdoptJson() => JsonSerializer.Serialize(AdoptData(), new JsonSerializerOptions(OrchestrationJson.RequestOptions)
        {
            WriteIndented = true,
            // a file for people too: keep ' and < as they are (nothing here is embedded in HTML)
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
    }

    /// <summary>One resource of an exported template and the live resource it stands for.</summary>
    public sealed class ExportedResource
    {
        public ExportedResource(string type, string liveId)
        {
            Type = type;
            LiveId = liveId;
        }

        /// <summary>The resource's name in the template (set once it is added).</summary>
        public string Name { get; internal set; } = "";
        public string Type { get; }
        /// <summary>The live id, as Heat keeps it as the resource's physical id (a router interface: router:subnet_id=subnet).</summary>
        public string LiveId { get; }
        public override string ToString() => $"{Name} ({Type} {LiveId})";
    }
}
