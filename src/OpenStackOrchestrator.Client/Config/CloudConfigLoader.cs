using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using OpenStackOrchestrator.Client.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Map = System.Collections.Generic.Dictionary<string, object?>;

namespace OpenStackOrchestrator.Client.Config
{
    /// <summary>Reads clouds.yaml (+ secure.yaml) and the OS_* variables the way openstacksdk does.</summary>
    public sealed class CloudConfigLoader
    {
        /// <summary>The cloud name that always means the OS_* environment variables.</summary>
        public const string EnvVarsCloudName = "envvars";
        private const string EnvironmentSource = "environment";
        private const string EndpointOverrideSuffix = "_endpoint_override";

        private static readonly string[] AuthKeys =
        {
            "auth_url", "username", "user_id", "password", "project_name", "project_id", "tenant_name", "tenant_id",
            "user_domain_name", "user_domain_id", "project_domain_name", "project_domain_id", "domain_name", "domain_id",
            "application_credential_id", "application_credential_name", "application_credential_secret", "token",
        };

        // Cloud-level settings that can also come from OS_<KEY> variables.
        private static readonly string[] EnvironmentSettingKeys =
            { "auth_type", "region_name", "interface", "endpoint_type", "cacert", "insecure", "api_timeout" };

        private readonly IConfigEnvironment _env;

        public CloudConfigLoader() : this(new ProcessConfigEnvironment()) { }

        public CloudConfigLoader(IConfigEnvironment environment) =>
            _env = environment ?? throw new ArgumentNullException(nameof(environment));

        /// <summary>Where clouds.yaml is looked for, in order; the first existing file is used.</summary>
        public IReadOnlyList<string> CandidateFiles() => SearchPath("clouds", "OS_CLIENT_CONFIG_FILE");

        /// <summary>Where secure.yaml is looked for, in order; the first existing file is used.</summary>
        public IReadOnlyList<string> SecureCandidateFiles() => SearchPath("secure", "OS_CLIENT_SECURE_FILE");

        public string? DefaultCloudName() => Env("OS_CLOUD");

        /// <summary>The folders searched for clouds.yaml and secure.yaml (after OS_CLIENT_CONFIG_FILE/OS_CLIENT_SECURE_FILE).</summary>
        internal IReadOnlyList<string> SearchDirectories() => ConfigDirectories().ToList();

        /// <summary>The value of an OS_* variable (unset and empty are the same).</summary>
        internal string? Variable(string name) => Env(name);

        internal string? FirstExistingFile(IEnumerable<string> files) => FirstExisting(files);

        /// <summary>The clouds in the first clouds.yaml found, plus "envvars" when OS_AUTH_URL is set; sorted.</summary>
        public IReadOnlyList<string> ListCloudNames()
        {
            var file = FirstExisting(CandidateFiles());
            return KnownNames(file == null ? Enumerable.Empty<string>() : ReadClouds(file).Keys);
        }

        /// <summary>Loads a cloud by name; null means OS_CLOUD, then the OS_* variables.</summary>
        public CloudConfig Load(string? cloudName)
        {
            var name = Blank(cloudName)?.Trim();
            var fromOsCloud = name == null && DefaultCloudName() != null;
            name ??= DefaultCloudName();
            if (name == null)
            {
                if (Env("OS_AUTH_URL") != null) return LoadFromEnvironment();
                throw new CloudConfigurationException(
                    $"No cloud was selected: give a cloud name (known clouds: {Describe(ListCloudNames())}), set OS_CLOUD, " +
                    "or set OS_AUTH_URL and the other OS_* variables.");
            }
            if (name == EnvVarsCloudName) return LoadFromEnvironment();
            var described = fromOsCloud ? $"Cloud '{name}' (from OS_CLOUD)" : $"Cloud '{name}'";

            var candidates = CandidateFiles();
            var file = FirstExisting(candidates) ?? throw new CloudConfigurationException(
                $"{described} was requested but no clouds.yaml was found. Searched: {string.Join(", ", candidates)}.");
            var clouds = ReadClouds(file);
            if (!clouds.TryGetValue(name, out var entry))
                throw new CloudConfigurationException(
                    $"{described} was not found in {file}. Known clouds: {Describe(KnownNames(clouds.Keys))}.");

            var cloud = Normalize(AsMap(entry, $"Cloud '{name}' in {file}") ?? new Map());
            var secureFile = FirstExisting(SecureCandidateFiles());
            if (secureFile != null && ReadClouds(secureFile).TryGetValue(name, out var secure))
                cloud = Merge(cloud, Normalize(AsMap(secure, $"Cloud '{name}' in {secureFile}") ?? new Map()));
            return ToCloudConfig(cloud, name, file, Path.GetDirectoryName(file) ?? _env.CurrentDirectory);
        }

        /// <summary>The cloud described by OS_AUTH_URL and the other OS_* variables.</summary>
        public CloudConfig LoadFromEnvironment()
        {
            if (Env("OS_AUTH_URL") == null)
                throw new CloudConfigurationException("OS_AUTH_URL is not set, so the OS_* variables do not describe a cloud.");
            var auth = new Map();
            foreach (var key in AuthKeys)
                if (EnvFor(key) is string value) auth[key] = value;
            var cloud = new Map { ["auth"] = auth };
            foreach (var key in EnvironmentSettingKeys)
                if (EnvFor(key) is string value) cloud[key] = value;
            return ToCloudConfig(cloud, EnvVarsCloudName, EnvironmentSource, _env.CurrentDirectory);
        }

        private CloudConfig ToCloudConfig(Map cloud, string name, string source, string baseDirectory)
        {
            var where = source == EnvironmentSource ? "The OS_* variables" : $"Cloud '{name}' in {source}";
            cloud = ApplyRegionValues(cloud, where);
            var auth = cloud.TryGetValue("auth", out var authValue) ? AsMap(authValue, where + ": auth") ?? new Map() : new Map();
            // Like openstacksdk, auth options may also be written next to auth: instead of inside it.
            string? Auth(string key) => Text(auth, key, where, "auth.") ?? Text(cloud, key, where);

            var config = new CloudConfig
            {
                Name = name,
                Source = source,
                AuthUrl = Auth("auth_url") ?? throw new CloudConfigurationException($"{where} has no auth.auth_url."),
                Username = Auth("username"),
                UserId = Auth("user_id"),
                Password = Auth("password"),
                ProjectName = Auth("project_name") ?? Auth("tenant_name"),
                ProjectId = Auth("project_id") ?? Auth("tenant_id"),
                UserDomainName = Auth("user_domain_name"),
                UserDomainId = Auth("user_domain_id"),
                ProjectDomainName = Auth("project_domain_name"),
                ProjectDomainId = Auth("project_domain_id"),
                DomainName = Auth("domain_name"),
                DomainId = Auth("domain_id"),
                ApplicationCredentialId = Auth("application_credential_id"),
                ApplicationCredentialName = Auth("application_credential_name"),
                ApplicationCredentialSecret = Auth("application_credential_secret"),
                Token = Auth("token"),
                RegionName = Text(cloud, "region_name", where) ?? RegionNames(cloud, where).FirstOrDefault(),
                Interface = NormalizeInterface(Text(cloud, "interface", where) ?? Text(cloud, "endpoint_type", where)),
                CACertificatePath = ResolvePath(Text(cloud, "cacert", where), baseDirectory),
                CACertificateOrigin = where + ": cacert",
                ApiTimeout = Seconds(cloud, "api_timeout", where),
            };
            config.AuthType = Text(cloud, "auth_type", where) ?? InferAuthType(config);
            if (Bool(cloud, "verify", where) == false || Bool(cloud, "insecure", where) == true)
                config.VerifyCertificate = false;
            foreach (var key in cloud.Keys.Where(k => k.EndsWith(EndpointOverrideSuffix, StringComparison.Ordinal)))
            {
                var service = key.Substring(0, key.Length - EndpointOverrideSuffix.Length).Replace('_', '-');
                if (service.Length > 0 && Text(cloud, key, where) is string url) config.EndpointOverrides[service] = url;
            }
            ApplyDefaultDomain(config);
            return config;
        }

        // openstacksdk: a regions entry may be {name, values}; the selected region's values override the cloud's.
        private static Map ApplyRegionValues(Map cloud, string where)
        {
            var region = Text(cloud, "region_name", where) ?? RegionNames(cloud, where).FirstOrDefault();
            if (region == null || !(cloud.TryGetValue("regions", out var regions) && regions is List<object?> list)) return cloud;
            var values = list.OfType<Map>()
                .Where(r => r.TryGetValue("name", out var n) && n as string == region)
                .Select(r => r.TryGetValue("values", out var v) ? v as Map : null)
                .FirstOrDefault();
            return values == null ? cloud : Merge(cloud, Normalize(values));
        }

        private static IEnumerable<string> RegionNames(Map cloud, string where)
        {
            if (!cloud.TryGetValue("regions", out var regions) || regions == null) yield break;
            if (!(regions is List<object?> list))
                throw new CloudConfigurationException($"{where}: regions must be a list of region names.");
            foreach (var region in list)
            {
                var name = region as string ?? (region is Map map ? Text(map, "name", where, "regions[].") : null);
                if (name != null) yield return name;
            }
        }

        // keystoneauth/openstacksdk: with a project scope, domain_name/domain_id is the default user and project domain.
        private static void ApplyDefaultDomain(CloudConfig c)
        {
            if (c.ProjectName == null && c.ProjectId == null) return; // no project: the domain is the scope
            if (c.DomainName == null && c.DomainId == null) return;
            if (c.UserDomainName == null && c.UserDomainId == null) (c.UserDomainName, c.UserDomainId) = (c.DomainName, c.DomainId);
            if (c.ProjectDomainName == null && c.ProjectDomainId == null) (c.ProjectDomainName, c.ProjectDomainId) = (c.DomainName, c.DomainId);
            c.DomainName = c.DomainId = null;
        }

        private static string InferAuthType(CloudConfig c)
        {
            if (c.Password != null) return "password";
            if (c.ApplicationCredentialSecret != null) return "v3applicationcredential";
            return c.Token != null ? "token" : "password";
        }

        private static string NormalizeInterface(string? value)
        {
            var text = (value ?? "public").Trim();
            if (text.EndsWith("URL", StringComparison.OrdinalIgnoreCase) && text.Length > 3) text = text.Substring(0, text.Length - 3);
            return text.Length == 0 ? "public" : text.ToLowerInvariant();
        }

        // ---- files and search path ----

        private IReadOnlyList<string> SearchPath(string baseName, string overrideVariable)
        {
            var files = new List<string>();
            if (Env(overrideVariable) is string explicitFile) files.Add(ResolvePath(explicitFile, _env.CurrentDirectory)!);
            foreach (var directory in ConfigDirectories())
            {
                files.Add(Path.Combine(directory, baseName + ".yaml"));
                files.Add(Path.Combine(directory, baseName + ".yml"));
            }
            return files.Distinct(_env.IsWindows ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal).ToList();
        }

        // openstacksdk: current folder, the platform's user config folder, ~/.config/openstack, the platform's site folder.
        private IEnumerable<string> ConfigDirectories()
        {
            yield return _env.CurrentDirectory;
            if (_env.IsWindows && Env("LOCALAPPDATA") is string localAppData)
                yield return Path.Combine(localAppData, "OpenStack", "openstack");
            if (!_env.IsWindows && Env("XDG_CONFIG_HOME") is string xdgConfigHome)
                yield return Path.Combine(xdgConfigHome, "openstack");
            if (!string.IsNullOrEmpty(_env.HomeDirectory))
                yield return Path.Combine(_env.HomeDirectory, ".config", "openstack");
            yield return _env.IsWindows
                ? Path.Combine(Env("ProgramData") ?? @"C:\ProgramData", "OpenStack", "openstack")
                : "/etc/openstack";
        }

        private string? FirstExisting(IEnumerable<string> files) => files.FirstOrDefault(_env.FileExists);

        private Map ReadClouds(string path)
        {
            var root = ParseYaml(path);
            if (root == null) return new Map();
            if (!(root is Map map))
                throw new CloudConfigurationException($"{path} must be a mapping with a 'clouds' key.");
            if (!map.TryGetValue("clouds", out var clouds) || clouds == null) return new Map();
            return clouds as Map ?? throw new CloudConfigurationException($"'clouds' in {path} must be a mapping of cloud names to settings.");
        }

        private object? ParseYaml(string path)
        {
            string text;
            try { text = _env.ReadAllText(path); }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new CloudConfigurationException($"Could not read {path}: {e.Message}", e);
            }

            var stream = new YamlStream();
            try { stream.Load(new MergingParser(new Parser(new StringReader(text)))); }
            catch (YamlException e)
            {
                throw new CloudConfigurationException(
                    $"{path} is not valid YAML (line {e.Start.Line}, column {e.Start.Column}): {YamlReason(e)}", e);
            }
            var document = stream.Documents.FirstOrDefault();
            return document == null ? null : ToValue(document.RootNode, path, 0, new int[1]);
        }

        // YamlException.Message starts with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the position is reported separately.
        private static string YamlReason(YamlException e)
        {
            var message = e.Message;
            var marker = message.IndexOf("): ", StringComparison.Ordinal);
            return message.StartsWith("(Line:", StringComparison.Ordinal) && marker >= 0 ? message.Substring(marker + 3) : message;
        }

        // Aliases are shared nodes that this copy expands: nine aliases of nine make 9^9 values ("billion laughs").
        private const int MaxValues = 100_000;

        private static object? ToValue(YamlNode node, string path, int depth, int[] count)
        {
            if (depth > 64) throw new CloudConfigurationException($"{path} is nested too deeply (or has a recursive alias).");
            if (++count[0] > MaxValues)
                throw new CloudConfigurationException($"{path} expands to more than {MaxValues} values (aliases of aliases): it is no clouds.yaml.");
            switch (node)
            {
                case YamlScalarNode scalar:
                    var value = scalar.Value;
                    var isNull = scalar.Style == ScalarStyle.Plain && (value == null || value.Length == 0 || value == "~" ||
                                 string.Equals(value, "null", StringComparison.OrdinalIgnoreCase));
                    return isNull ? null : value;
                case YamlSequenceNode sequence:
                    return sequence.Children.Select(child => ToValue(child, path, depth + 1, count)).ToList();
                case YamlMappingNode mapping:
                    var map = new Map(StringComparer.Ordinal);
                    foreach (var pair in mapping.Children)
                        map[pair.Key is YamlScalarNode key ? key.Value ?? "" : pair.Key.ToString()] = ToValue(pair.Value, path, depth + 1, count);
                    return map;
                default:
                    return null;
            }
        }

        // ---- values ----

        private static Map? AsMap(object? value, string where) =>
            value == null ? null : value as Map ?? throw new CloudConfigurationException($"{where} must be a mapping of settings.");

        // openstacksdk accepts region-name as well as region_name.
        private static Map Normalize(Map map)
        {
            var result = new Map(StringComparer.Ordinal);
            foreach (var pair in map)
                result[pair.Key.Replace('-', '_')] = pair.Value is Map inner ? Normalize(inner) : pair.Value;
            return result;
        }

        /// <summary>A copy of <paramref name="bottom"/> with <paramref name="top"/> merged over it, mappings recursively.</summary>
        private static Map Merge(Map bottom, Map top)
        {
            var result = new Map(bottom, StringComparer.Ordinal);
            foreach (var pair in top)
                result[pair.Key] = result.TryGetValue(pair.Key, out var old) && old is Map oldMap && pair.Value is Map newMap
                    ? Merge(oldMap, newMap)
                    : pair.Value;
            return result;
        }

        // Never quotes the value: it may be a password.
        private static string? Text(Map map, string key, string where, string prefix = "")
        {
            if (!map.TryGetValue(key, out var value) || value == null) return null;
            if (value is string text) return text.Length == 0 ? null : text;
            throw new CloudConfigurationException($"{where}: {prefix}{key} must be a single value, not a list or mapping.");
        }

        private static bool? Bool(Map map, string key, string where)
        {
            var text = Text(map, key, where)?.Trim().ToLowerInvariant();
            switch (text)
            {
                case null: return null;
                case "true": case "yes": case "on": case "1": return true;
                case "false": case "no": case "off": case "0": return false;
                default: throw new CloudConfigurationException($"{where}: {key} must be true or false, not '{text}'.");
            }
        }

        private static TimeSpan? Seconds(Map map, string key, string where)
        {
            var text = Text(map, key, where);
            if (text == null) return null;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds < int.MaxValue)
                return TimeSpan.FromSeconds(seconds);
            throw new CloudConfigurationException($"{where}: {key} must be a positive number of seconds, not '{text}'.");
        }

        private string? ResolvePath(string? path, string baseDirectory)
        {
            if (path == null) return null;
            if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("~\\", StringComparison.Ordinal))
                path = _env.HomeDirectory + path.Substring(1);
            if (Path.IsPathRooted(path)) return path;
            if (path.StartsWith("./", StringComparison.Ordinal) || path.StartsWith(".\\", StringComparison.Ordinal)) path = path.Substring(2);
            return Path.Combine(baseDirectory, path);
        }

        private string? Env(string name) => Blank(_env.GetEnvironmentVariable(name));

        private string? EnvFor(string key) => Env("OS_" + key.ToUpperInvariant());

        // Unset and empty are the same; values are not trimmed, a password may end in a space.
        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

        private IReadOnlyList<string> KnownNames(IEnumerable<string> fileClouds)
        {
            var names = new List<string>(fileClouds);
            if (Env("OS_AUTH_URL") != null && !names.Contains(EnvVarsCloudName)) names.Add(EnvVarsCloudName);
            names.Sort(StringComparer.OrdinalIgnoreCase);
            return names;
        }

        private static string Describe(IReadOnlyList<string> names) => names.Count == 0 ? "(none)" : string.Join(", ", names);
    }
}
