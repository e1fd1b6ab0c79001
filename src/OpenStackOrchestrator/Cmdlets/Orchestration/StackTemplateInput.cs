using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Orchestration;

namespace OpenStackOrchestrator.Cmdlets.Orchestration
{
    /// <summary>Turns the template parameters of New-, Update- and Test- cmdlets into a request: paths are resolved
    /// against the PowerShell location (not the process's), then the template is bundled with what it references.</summary>
    internal static class StackTemplateInput
    {
        public static StackRequest Request(PSCmdlet cmdlet, string? templateFile, string? templateText, string? templateUrl,
            string[]? environmentFiles, Hashtable? parameters)
        {
            var environments = environmentFiles?.Select(cmdlet.GetUnresolvedProviderPathFromPSPath).ToList();
            var template = templateFile == null ? null : cmdlet.GetUnresolvedProviderPathFromPSPath(templateFile);
            foreach (var file in (environments ?? new List<string>()).Concat(template == null ? new string[0] : new[] { template }))
                if (Infrastructure.LocalFiles.RefuseSpecial(cmdlet, file, file == template ? "TemplateFile" : "EnvironmentFile") is ErrorRecord special)
                    throw new Client.Errors.InvalidTemplateException(special.Exception.Message, file);
            TemplateBundle bundle;
            if (template != null)
                bundle = TemplateBundler.FromFile(template, environments);
            else if (templateText != null)
                bundle = TemplateBundler.FromText(templateText, cmdlet.SessionState.Path.CurrentFileSystemLocation.ProviderPath, environments);
            else
                bundle = TemplateBundler.WithoutTemplate(templateUrl, environments);
            var request = new StackRequest(bundle);
            if (parameters != null)
                foreach (DictionaryEntry entry in parameters)
                    request.Parameters[entry.Key.ToString()!] = ParameterValue(entry.Value, entry.Key.ToString()!);
            return request;
        }

        /// <summary>The text of an adopt file (JSON or YAML), checked to be Heat's adopt data: a template and the resources' ids.</summary>
        public static string AdoptData(string path, out int resources)
        {
            var text = System.IO.File.ReadAllText(path);
            var data = TemplateFormat.Parse(text, path) as Dictionary<string, object?>;
            if (data == null || !(data.TryGetValue("template", out var template) && template is Dictionary<string, object?>)
                || !(data.TryGetValue("resources", out var map) && map is Dictionary<string, object?> items))
                throw new Client.Errors.InvalidTemplateException($"{path} is not stack adopt data: it needs a 'template' and the 'resources' with their resource_id (Export-OSStackTemplate -ForAdopt writes it).", path);
            resources = items.Count;
            return text;
        }

        /// <summary>How long to follow an operation: -TimeoutSec when given, else Heat's own default (an hour) and a little more.</summary>
        public static TimeSpan WaitLimit(int timeoutSec) => timeoutSec > 0 ? TimeSpan.FromSeconds(timeoutSec) : TimeSpan.FromMinutes(65);

        /// <summary>Heat's timeout_mins for -TimeoutSec: whole minutes, rounded up.</summary>
        public static int HeatMinutes(int timeoutSec) => (timeoutSec + 59) / 60;

        // Heat reads string and number parameters from text, as the openstack CLI sends them; lists and dictionaries
        // (comma_delimited_list and json parameters) go as JSON.
        private static object? ParameterValue(object? value, string key)
        {
            var plain = Infrastructure.PSObjects.ToPlain(value, "Parameter", key);
            switch (plain)
            {
                case bool b: return b ? "true" : "false";
                case IFormattable f: return f.ToString(null, CultureInfo.InvariantCulture);
                default: return plain;
            }
        }
    }
}
