using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OpenStackOrchestrator.Client.Orchestration
{
    /// <summary>Reads templates and environments as heatclient does: text starting with '{' is JSON, anything else YAML
    /// with PyYAML's (YAML 1.1) scalar types, except that dates stay text (heat_template_version: 2018-08-31).
    /// The result is plain data (ordered string-keyed dictionaries, lists, string, long, double, bool, null) that
    /// serializes back to the JSON Heat receives.</summary>
    public static class TemplateFormat
    {
        public static readonly string[] VersionKeys = { "heat_template_version", "HeatTemplateFormatVersion", "AWSTemplateFormatVersion" };

        public static readonly string[] EnvironmentSections =
            { "parameter_defaults", "parameters", "resource_registry", "encrypted_param_names", "event_sinks", "parameter_merge_strategies" };

        private static readonly Regex YamlInt = new Regex(@"^[-+]?(0|[1-9][0-9_]*)$", RegexOptions.Compiled);
        private static readonly Regex YamlHex = new Regex(@"^[-+]?0x[0-9a-fA-F_]+$", RegexOptions.Compiled);
        private static readonly Regex YamlOctal = new Regex(@"^[-+]?0[0-7_]+$", RegexOptions.Compiled);
        private static readonly Regex YamlFloat = new Regex(@"^[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?$", RegexOptions.Compiled);
        private static readonly HashSet<string> YamlTrue = new HashSet<string>(StringComparer.Ordinal) { "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON" };
        private static readonly HashSet<string> YamlFalse = new HashSet<string>(StringComparer.Ordinal) { "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF" };

        /// <summary>Parses a template; it must be a mapping with a template version key.</summary>
        public static Dictionary<string, object?> ParseTemplate(string text, string source)
        {
            var map = Parse(text, source) as Dictionary<string, object?>
                ?? throw new InvalidTemplateException($"{source} is not a template: its top level is not a mapping.", source);
            if (!IsTemplate(map))
                throw new InvalidTemplateException($"{source} is not a template: it has none of {string.Join(", ", VersionKeys)}.", source);
            return map;
        }

        /// <summary>Parses an environment; it must be a mapping of known sections.</summary>
        public static Dictionary<string, object?> ParseEnvironment(string text, string source)
        {
            var parsed = Parse(text, source);
            if (parsed == null)
                return new Dictionary<string, object?>(StringComparer.Ordinal);
            var map = parsed as Dictionary<string, object?>
                ?? throw new InvalidTemplateException($"The environment {source} is not a mapping.", source);
            var unknown = map.Keys.FirstOrDefault(k => !EnvironmentSections.Contains(k));
            if (unknown != null)
                throw new InvalidTemplateException(
                    $"The environment {source} has an unknown section '{unknown}'; the sections are {string.Join(", ", EnvironmentSections)}.", source);
            return map;
        }

        /// <summary>True for text that parses as a template (what heatclient bundles as a nested template).</summary>
        public static bool TryParseTemplate(string text, string source, out Dictionary<string, object?>? template)
        {
            try
            {
                template = Parse(text, source) as Dictionary<string, object?>;
            }
            catch (InvalidTemplateException)
            {
                template = null;
            }
            if (template != null && !IsTemplate(template))
                template = null;
            return template != null;
        }

        public static string ToJson(object? value) => JsonSerializer.Serialize(value);

        private static bool IsTemplate(Dictionary<string, object?> map) => VersionKeys.Any(map.ContainsKey);

        /// <summary>YAML or JSON text to plain data; empty text is null.</summary>
        public static object? Parse(string text, string source)
        {
            var trimmed = text.Trim();
            if (trimmed.StartsWith("{", StringComparison.Ordinal))
            {
                try
                {
                    return FromJson(JsonSerializer.Deserialize<JsonElement>(trimmed));
                }
                catch (JsonException e)
                {
                    throw new InvalidTemplateException($"{source} is not valid JSON (line {e.LineNumber + 1}): {e.Message}", source, e);
                }
            }
            var stream = new YamlStream();
            try
            {
                stream.Load(new MergingParser(new Parser(new StringReader(text))));
            }
            catch (YamlException e)
            {
                throw new InvalidTemplateException($"{source} is not valid YAML (line {e.Start.Line}, column {e.Start.Column}): {Reason(e)}", source, e);
            }
            var document = stream.Documents.FirstOrDefault();
            return document == null ? null : FromYaml(document.RootNode, source, 0);
        }

        private static object? FromJson(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var p in element.EnumerateObject())
                        map[p.Name] = FromJson(p.Value);
                    return map;
                case JsonValueKind.Array:
                    return element.EnumerateArray().Select(FromJson).ToList();
                default:
                    return JsonPlain.ToPlain(element);
            }
        }

        private static object? FromYaml(YamlNode node, string source, int depth)
        {
            if (depth > 100)
                throw new InvalidTemplateException($"{source} is nested too deeply (or has a recursive alias).", source);
            switch (node)
            {
                case YamlScalarNode scalar:
                    return Scalar(scalar);
                case YamlSequenceNode sequence:
                    return sequence.Children.Select(child => FromYaml(child, source, depth + 1)).ToList();
                case YamlMappingNode mapping:
                    var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var pair in mapping.Children)
                        map[pair.Key is YamlScalarNode k ? k.Value ?? "" : pair.Key.ToString()] = FromYaml(pair.Value, source, depth + 1);
                    return map;
                default:
                    return null;
            }
        }

        private static object? Scalar(YamlScalarNode scalar)
        {
            var value = scalar.Value ?? "";
            if (scalar.Style != ScalarStyle.Plain || scalar.Tag == "tag:yaml.org,2002:str")
                return value;
            if (value.Length == 0 || value == "~" || value == "null" || value == "Null" || value == "NULL")
                return null;
            if (YamlTrue.Contains(value)) return true;
            if (YamlFalse.Contains(value)) return false;
            var digits = value.Replace("_", "");
            var negative = digits.StartsWith("-", StringComparison.Ordinal);
            var unsigned = digits.TrimStart('-', '+');
            if (YamlInt.IsMatch(value) && long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                return integer;
            if (YamlHex.IsMatch(value) && long.TryParse(unsigned.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
                return negative ? -hex : hex;
            if (YamlOctal.IsMatch(value))
            {
                try { var octal = Convert.ToInt64(unsigned, 8); return negative ? -octal : octal; }
                catch (OverflowException) { return value; }
            }
            if (YamlFloat.IsMatch(value) && value.Any(char.IsDigit) &&
                double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
                return real;
            return value;
        }

        private static string Reason(YamlException e)
        {
            var marker = e.Message.IndexOf("): ", StringComparison.Ordinal);
            return e.Message.StartsWith("(Line:", StringComparison.Ordinal) && marker >= 0 ? e.Message.Substring(marker + 3) : e.Message;
        }
    }
}
