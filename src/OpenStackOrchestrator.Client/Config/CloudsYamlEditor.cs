using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using OpenStackOrchestrator.Client.Errors;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace OpenStackOrchestrator.Client.Config
{
    /// <summary>Adds or replaces one cloud in the text of a clouds.yaml or secure.yaml. The rest of the file is kept as
    /// it was, comments included: the entry's lines are spliced in. A layout the splice cannot follow (flow style, an
    /// empty clouds:) is rewritten from YamlDotNet's model instead, which keeps the data but not the comments.</summary>
    public static class CloudsYamlEditor
    {
        private static readonly Regex PlainSafe = new Regex(@"^[A-Za-z0-9_][A-Za-z0-9_.:/@+-]*$", RegexOptions.CultureInvariant);
        private static readonly HashSet<string> YamlWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            { "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~" };

        /// <summary>True when <paramref name="text"/> has clouds: <paramref name="name"/>.</summary>
        public static bool HasCloud(string? text, string name) =>
            CloudsOf(Parse(text))?.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == name) == true;

        /// <summary>The text with clouds: <paramref name="name"/> set to <paramref name="entry"/> (added at the end of
        /// clouds:, or in the place of the old entry).</summary>
        public static string SetCloud(string? text, string name, YamlMappingNode entry)
        {
            var newline = text != null && text.Contains("\r\n") ? "\r\n" : "\n";
            var spliced = string.IsNullOrWhiteSpace(text) ? "clouds:" + newline + Render(name, entry, "  ", newline) : Splice(text!, name, entry, newline);
            if (spliced != null && IsValidWith(spliced, name))
                return spliced;
            return Rewrite(text, name, entry);
        }

        /// <summary>A scalar for a value: plain when YAML reads it back as the same text, double-quoted otherwise.</summary>
        public static YamlScalarNode Text(string value) =>
            new YamlScalarNode(value) { Style = PlainSafe.IsMatch(value) && !YamlWords.Contains(value) && !LooksNumeric(value) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted };

        /// <summary>A secret: always double-quoted, so no YAML reader takes it for a number, a boolean or a date.</summary>
        public static YamlScalarNode Secret(string value) => new YamlScalarNode(value) { Style = ScalarStyle.DoubleQuoted };

        public static YamlScalarNode Boolean(bool value) => new YamlScalarNode(value ? "true" : "false") { Style = ScalarStyle.Plain };

        private static bool LooksNumeric(string value) =>
            Regex.IsMatch(value, @"^[-+]?(\d[\d_]*)?(\.\d*)?([eE][-+]?\d+)?$") || Regex.IsMatch(value, @"^0[xob]", RegexOptions.IgnoreCase) ||
            Regex.IsMatch(value, @"^\d{4}-\d\d-\d\d");

        private static string? Splice(string text, string name, YamlMappingNode entry, string newline)
        {
            YamlMappingNode? root;
            try { root = Parse(text)?.RootNode as YamlMappingNode; }
            catch (YamlException) { return null; }
            if (root == null || root.Style == MappingStyle.Flow)
                return null;
            var lines = SplitLines(text);
            var cloudsKey = root.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value == "clouds");
            if (cloudsKey == null)
            {
                var end = LastContentLine(lines, 0, lines.Count) + 1;
                lines.Insert(end, "clouds:" + newline + Render(name, entry, "  ", newline));
                return Join(lines, newline);
            }
            if (!(root.Children[cloudsKey] is YamlMappingNode clouds) || clouds.Style == MappingStyle.Flow || clouds.Children.Count == 0)
                return null;
            var keys = clouds.Children.Keys.ToList();
            var indent = (int)keys[0].Start.Column - 1;
            if (keys.Any(k => k.Start.Column - 1 != indent || k.Start.Line - 1 >= lines.Count))
                return null;
            var rendered = Render(name, entry, new string(' ', indent), newline);
            var existing = keys.FindIndex(k => k is YamlScalarNode s && s.Value == name);
            var blockEnd = LastContentLine(lines, (int)keys[keys.Count - 1].Start.Line - 1, EndOfBlock(lines, (int)keys[keys.Count - 1].Start.Line - 1, indent)) + 1;
            if (existing < 0)
            {
                lines.Insert(blockEnd, rendered);
                return Join(lines, newline);
            }
            var first = (int)keys[existing].Start.Line - 1;
            var last = existing + 1 < keys.Count
                ? LastContentLine(lines, first, (int)keys[existing + 1].Start.Line - 1)
                : blockEnd - 1;
            lines.RemoveRange(first, last - first + 1);
            lines.Insert(first, rendered);
            return Join(lines, newline);
        }

        /// <summary>The line after the block that starts at <paramref name="start"/>: the next line with content at
        /// <paramref name="indent"/> or less.</summary>
        private static int EndOfBlock(List<string> lines, int start, int indent)
        {
            for (var i = start + 1; i < lines.Count; i++)
            {
                var trimmed = lines[i].TrimStart(' ');
                if (trimmed.Length == 0 || trimmed.StartsWith("#", StringComparison.Ordinal))
                    continue;
                if (lines[i].Length - trimmed.Length <= indent)
                    return i;
            }
            return lines.Count;
        }

        /// <summary>The last line before <paramref name="end"/> (from <paramref name="start"/>) that is neither blank nor
        /// a comment: blank lines and comments before the next entry belong to the next entry.</summary>
        private static int LastContentLine(List<string> lines, int start, int end)
        {
            for (var i = end - 1; i > start; i--)
            {
                var trimmed = lines[i].Trim();
                if (trimmed.Length > 0 && !trimmed.StartsWith("#", StringComparison.Ordinal))
                    return i;
            }
            return start;
        }

        private static string Rewrite(string? text, string name, YamlMappingNode entry)
        {
            var document = Parse(text) ?? new YamlDocument(new YamlMappingNode());
            if (!(document.RootNode is YamlMappingNode root))
                throw new CloudConfigurationException("The file must be a mapping with a 'clouds' key.");
            if (!(CloudsOf(document) is YamlMappingNode clouds))
            {
                clouds = new YamlMappingNode();
                root.Children[new YamlScalarNode("clouds")] = clouds;
            }
            clouds.Style = MappingStyle.Block;
            root.Style = MappingStyle.Block;
            clouds.Children[new YamlScalarNode(name)] = entry;
            return Save(document.RootNode);
        }

        private static string Render(string name, YamlMappingNode entry, string indent, string newline)
        {
            var text = Save(new YamlMappingNode { { new YamlScalarNode(name), entry } });
            var lines = SplitLines(text).Where(l => l.Length > 0).Select(l => indent + l);
            return string.Join(newline, lines);
        }

        private static string Save(YamlNode root)
        {
            var writer = new StringWriter();
            new YamlStream(new YamlDocument(root)).Save(writer, false);
            var lines = SplitLines(writer.ToString());
            while (lines.Count > 0 && (lines[lines.Count - 1].Length == 0 || lines[lines.Count - 1] == "..."))
                lines.RemoveAt(lines.Count - 1);
            return string.Join("\n", lines) + "\n";
        }

        private static bool IsValidWith(string text, string name)
        {
            try { return HasCloud(text, name); }
            catch (YamlException) { return false; }
        }

        private static YamlDocument? Parse(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
                return null;
            var stream = new YamlStream();
            stream.Load(new StringReader(text!));
            return stream.Documents.FirstOrDefault();
        }

        private static YamlMappingNode? CloudsOf(YamlDocument? document) =>
            document?.RootNode is YamlMappingNode root && root.Children.TryGetValue(new YamlScalarNode("clouds"), out var clouds) ? clouds as YamlMappingNode : null;

        private static List<string> SplitLines(string text)
        {
            var lines = text.Replace("\r\n", "\n").Split('\n').ToList();
            if (lines.Count > 0 && lines[lines.Count - 1].Length == 0)
                lines.RemoveAt(lines.Count - 1);
            return lines;
        }

        private static string Join(List<string> lines, string newline) => string.Join(newline, lines) + newline;
    }
}
