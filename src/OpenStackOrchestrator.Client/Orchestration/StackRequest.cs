using System.Collections.Generic;

namespace OpenStackOrchestrator.Client.Orchestration
{
    /// <summary>The body of a stack create, update or preview.</summary>
    public sealed class StackRequest
    {
        public StackRequest(TemplateBundle bundle) => Bundle = bundle;

        public TemplateBundle Bundle { get; }
        /// <summary>Parameter values: text, numbers, lists or dictionaries (for json parameters).</summary>
        public IDictionary<string, object?> Parameters { get; } = new Dictionary<string, object?>();
        /// <summary>Heat fails the operation after this many minutes (its default is an hour).</summary>
        public int? TimeoutMinutes { get; set; }
        public IList<string> Tags { get; } = new List<string>();
        /// <summary>For an update: keep the current template and the values of parameters not given (PATCH).</summary>
        public bool KeepExisting { get; set; }

        internal Dictionary<string, object?> Body(string? stackName)
        {
            var body = new Dictionary<string, object?>();
            if (stackName != null) body["stack_name"] = stackName;
            if (Bundle.Template != null) body["template"] = Bundle.Template;
            if (Bundle.TemplateUrl != null) body["template_url"] = Bundle.TemplateUrl;
            if (Bundle.Files.Count > 0) body["files"] = Bundle.Files;
            if (Bundle.Environment.Count > 0) body["environment"] = Bundle.Environment;
            if (Parameters.Count > 0) body["parameters"] = Parameters;
            if (TimeoutMinutes.HasValue) body["timeout_mins"] = TimeoutMinutes.Value;
            if (Tags.Count > 0) body["tags"] = string.Join(",", Tags);
            return body;
        }
    }
}
