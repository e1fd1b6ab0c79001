using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.Orchestration
{
    /// <summary>Bundles a template and its environments the way python-heatclient does (template_utils): every
    /// <c>get_file</c>, every <c>type:</c> ending in .yaml or .template, and every environment resource_registry entry
    /// that names a file is read relative to the file that references it, stored in the files map under its file://
    /// URL, and the reference is rewritten to that URL. A referenced file that is itself a template is bundled the same
    /// way (recursively) and stored as JSON. http(s) references are left to Heat.</summary>
    public sealed class TemplateBundler
    {
        private static readonly string[] RegistrySkippedKeys = { "base_url", "hooks", "restricted_actions" };
        private readonly ITemplateFileReader _reader;
        private readonly Dictionary<string, string> _files = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly HashSet<string> _bundling = new HashSet<string>(StringComparer.Ordinal);

        private TemplateBundler(ITemplateFileReader reader) => _reader = reader;

        /// <summary>A template file (absolute path) and its environment files.</summary>
        public static TemplateBundle FromFile(string templatePath, IEnumerable<string>? environmentFiles, ITemplateFileReader? reader = null)
        {
            var bundler = new TemplateBundler(reader ?? LocalTemplateFileReader.Instance);
            var environment = bundler.BundleEnvironments(environmentFiles);
            var location = FileUri(templatePath);
            var template = TemplateFormat.ParseTemplate(bundler.Read(location, templatePath, null), templatePath);
            bundler.BundleTemplate(template, location, templatePath);
            return new TemplateBundle(template, null, environment, bundler._files);
        }

        /// <summary>Template text; the files it references are looked for relative to <paramref name="baseFolder"/>.</summary>
        public static TemplateBundle FromText(string templateText, string baseFolder, IEnumerable<string>? environmentFiles, ITemplateFileReader? reader = null)
        {
            var bundler = new TemplateBundler(reader ?? LocalTemplateFileReader.Instance);
            var environment = bundler.BundleEnvironments(environmentFiles);
            var template = TemplateFormat.ParseTemplate(templateText, "The template text");
            bundler.BundleTemplate(template, FolderUri(baseFolder), "the template text");
            return new TemplateBundle(template, null, environment, bundler._files);
        }

        /// <summary>A template that Heat fetches from a URL itself, or none (an update that keeps the stack's template):
        /// only the environments are bundled.</summary>
        public static TemplateBundle WithoutTemplate(string? templateUrl, IEnumerable<string>? environmentFiles, ITemplateFileReader? reader = null)
        {
            var bundler = new TemplateBundler(reader ?? LocalTemplateFileReader.Instance);
            var environment = bundler.BundleEnvironments(environmentFiles);
            return new TemplateBundle(null, templateUrl, environment, bundler._files);
        }

        private Dictionary<string, object?> BundleEnvironments(IEnumerable<string>? paths)
        {
            var merged = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var path in paths ?? Enumerable.Empty<string>())
            {
                var location = FileUri(path);
                var environment = TemplateFormat.ParseEnvironment(Read(location, path, null), path);
                if (environment.TryGetValue("resource_registry", out var value) && value is Dictionary<string, object?> registry)
                    BundleRegistry(registry, location, path);
                DeepUpdate(merged, environment);
            }
            return merged;
        }

        // The registry's own entries ("OS::X": x.yaml) and those of each resources.<name> entry, each relative to the
        // nearest base_url, else to the environment file.
        private void BundleRegistry(Dictionary<string, object?> registry, Uri environmentLocation, string environmentPath)
        {
            var baseUri = BaseUri(registry, Parent(environmentLocation));
            BundleRegistryEntries(registry, baseUri, environmentPath);
            if (registry.TryGetValue("resources", out var value) && value is Dictionary<string, object?> resources)
                foreach (var resource in resources.Values.OfType<Dictionary<string, object?>>())
                    BundleRegistryEntries(resource, BaseUri(resource, baseUri), environmentPath);
        }

        private void BundleRegistryEntries(Dictionary<string, object?> entries, Uri baseUri, string environmentPath)
        {
            foreach (var key in entries.Keys.ToList())
                if (!RegistrySkippedKeys.Contains(key) && entries[key] is string reference && !reference.Contains("::"))
                    entries[key] = Include(reference, baseUri, environmentPath);
        }

        private void BundleTemplate(object? node, Uri templateLocation, string templateName)
        {
            switch (node)
            {
                case Dictionary<string, object?> map:
                    foreach (var child in map.Values.ToList())
                        BundleTemplate(child, templateLocation, templateName);
                    foreach (var key in map.Keys.ToList())
                        if (map[key] is string reference && IsFileReference(key, reference))
                            map[key] = Include(reference, Parent(templateLocation), templateName);
                    break;
                case List<object?> list:
                    foreach (var item in list)
                        BundleTemplate(item, templateLocation, templateName);
                    break;
            }
        }

        private static bool IsFileReference(string key, string value) =>
            key == "get_file" || (key == "type" && (value.EndsWith(".yaml", StringComparison.Ordinal) || value.EndsWith(".template", StringComparison.Ordinal)));

        /// <summary>Adds the referenced file to the files map (once) and returns the key the reference becomes.</summary>
        private string Include(string reference, Uri baseUri, string referrer)
        {
            Uri location;
            try
            {
                location = new Uri(baseUri, reference);
            }
            catch (UriFormatException e)
            {
                throw new InvalidTemplateException($"'{reference}' in {referrer} is not a file path or URL: {e.Message}", reference, e);
            }
            if (!location.IsFile)
                return reference;
            var key = location.AbsoluteUri;
            if (_files.ContainsKey(key) || !_bundling.Add(key))
                return key;
            try
            {
                var content = Read(location, reference, referrer);
                if (TemplateFormat.TryParseTemplate(content, location.LocalPath, out var nested))
                {
                    BundleTemplate(nested, location, location.LocalPath);
                    content = TemplateFormat.ToJson(nested);
                }
                _files[key] = content;
            }
            finally
            {
                _bundling.Remove(key);
            }
            return key;
        }

        private string Read(Uri location, string given, string? referrer)
        {
            try
            {
                return _reader.ReadAllText(location);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is NotSupportedException)
            {
                var what = referrer == null ? $"Could not read {location.LocalPath}" : $"Could not read '{given}' ({location.LocalPath}), referenced by {referrer}";
                var reason = e is FileNotFoundException || e is DirectoryNotFoundException ? "the file does not exist" : e.Message;
                throw new InvalidTemplateException($"{what}: {reason}.", location.LocalPath, e);
            }
        }

        private static Uri FileUri(string path) => new Uri(Path.GetFullPath(path));

        private static Uri FolderUri(string folder)
        {
            var full = Path.GetFullPath(folder);
            return new Uri(full.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? full : full + Path.DirectorySeparatorChar);
        }

        private static Uri Parent(Uri location) => new Uri(location, ".");

        private static Uri BaseUri(Dictionary<string, object?> entries, Uri fallback) =>
            entries.TryGetValue("base_url", out var value) && value is string baseUrl && baseUrl.Length > 0
                ? new Uri(fallback, baseUrl.EndsWith("/", StringComparison.Ordinal) ? baseUrl : baseUrl + "/")
                : fallback;

        /// <summary>heatclient's deep_update: mappings merge recursively, later values win, a null never replaces a mapping.</summary>
        private static void DeepUpdate(Dictionary<string, object?> target, Dictionary<string, object?> source)
        {
            foreach (var pair in source)
            {
                if (pair.Value is Dictionary<string, object?> map)
                {
                    if (!(target.TryGetValue(pair.Key, out var existing) && existing is Dictionary<string, object?> merged))
                        target[pair.Key] = merged = new Dictionary<string, object?>(StringComparer.Ordinal);
                    DeepUpdate(merged, map);
                }
                else if (!(pair.Value == null && target.TryGetValue(pair.Key, out var old) && old is Dictionary<string, object?>))
                    target[pair.Key] = pair.Value;
            }
        }
    }
}
