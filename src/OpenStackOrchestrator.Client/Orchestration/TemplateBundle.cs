using System;
using System.Collections.Generic;

namespace OpenStackOrchestrator.Client.Orchestration
{
    /// <summary>What a stack request carries besides its name and parameters: the template (or the URL Heat fetches
    /// it from), the merged environment, and the files map of everything they reference locally, keyed by the
    /// file:// URLs the template and environment were rewritten to use (as heatclient sends them).</summary>
    public sealed class TemplateBundle
    {
        internal TemplateBundle(Dictionary<string, object?>? template, string? templateUrl, Dictionary<string, object?> environment,
            Dictionary<string, string> files)
        {
            Template = template;
            TemplateUrl = templateUrl;
            Environment = environment;
            Files = files;
        }

        /// <summary>The template as plain data (sent as JSON); null when Heat fetches it from <see cref="TemplateUrl"/>
        /// or when an update keeps the stack's template.</summary>
        public Dictionary<string, object?>? Template { get; }
        public string? TemplateUrl { get; }
        public Dictionary<string, object?> Environment { get; }
        public Dictionary<string, string> Files { get; }

        /// <summary>How many resources the template declares at its top level (0 when unknown).</summary>
        public int ResourceCount => Template != null && Template.TryGetValue("resources", out var r) && r is Dictionary<string, object?> map ? map.Count : 0;
    }
}
