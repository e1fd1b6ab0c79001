using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using OpenStackOrchestrator.Client.Config;

namespace OpenStackOrchestrator.Client.Settings
{
    /// <summary>The module's settings in two scopes: User (a JSON file, read when the module is imported and written
    /// by Set) and Session (in memory, for the process). Session overrides User, User overrides the default.</summary>
    public sealed class SettingsStore
    {
        public const string InvalidCertificateActionName = "InvalidCertificateAction";
        public const string DefaultCloudModeName = "DefaultCloudMode";
        public const string WebOperationTimeoutSecondsName = "WebOperationTimeoutSeconds";
        public const string RetryCountName = "RetryCount";
        public const string CompletionTimeoutSecondsName = "CompletionTimeoutSeconds";
        public const string ConfigHomeVariable = "OSO_CONFIG_HOME";

        public static IReadOnlyList<SettingDefinition> Definitions { get; } = new[]
        {
            SettingDefinition.Choice(InvalidCertificateActionName, InvalidCertificateAction.Fail),
            SettingDefinition.Choice(DefaultCloudModeName, DefaultCloudMode.Multiple),
            SettingDefinition.Range(WebOperationTimeoutSecondsName, (int)new Core.HttpSettings().Timeout.TotalSeconds, 1, 3600),
            SettingDefinition.Range(RetryCountName, new Core.HttpSettings().MaxRetries, 0, 10),
            SettingDefinition.Range(CompletionTimeoutSecondsName, 3, 1, 60),
        };

        private readonly object _lock = new object();
        private readonly Dictionary<string, object> _session = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        private Dictionary<string, object> _user = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);

        /// <param name="userFile">The User scope's file; null: no User scope (nothing is read or written).</param>
        public SettingsStore(string? userFile)
        {
            UserFile = userFile;
            LoadUserFile();
        }

        public string? UserFile { get; }

        /// <summary>Why (part of) the user file was not used at the last read; null when it was read cleanly.</summary>
        public string? LoadProblem { get; private set; }

        /// <summary>$OSO_CONFIG_HOME/settings.json; else %APPDATA%\OpenStackOrchestrator\settings.json on Windows,
        /// $XDG_CONFIG_HOME (or ~/.config)/OpenStackOrchestrator/settings.json elsewhere.</summary>
        public static string DefaultUserFile(IConfigEnvironment environment)
        {
            var overridden = environment.GetEnvironmentVariable(ConfigHomeVariable);
            if (!string.IsNullOrWhiteSpace(overridden))
                return Path.Combine(overridden, "settings.json");
            string root;
            if (environment.IsWindows)
                root = environment.GetEnvironmentVariable("APPDATA") is { } appData && appData.Trim().Length > 0
                    ? appData : Path.Combine(environment.HomeDirectory, "AppData", "Roaming");
            else
                root = environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { } xdg && Path.IsPathRooted(xdg)
                    ? xdg : Path.Combine(environment.HomeDirectory, ".config");
            return Path.Combine(root, "OpenStackOrchestrator", "settings.json");
        }

        public static SettingDefinition Definition(string name) =>
            Definitions.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"There is no setting '{name}'. Settings: {string.Join(", ", Definitions.Select(d => d.Name))}.", nameof(name));

        /// <summary>(Re)reads the User scope from its file; a missing file is an empty scope.</summary>
        public void LoadUserFile()
        {
            lock (_lock)
            {
                _user = ReadUserFile(out var problem);
                LoadProblem = problem;
            }
        }

        /// <summary>The value set in <paramref name="scope"/> (null when that scope does not set it); the default for Default.</summary>
        public object? ValueAt(SettingScope scope, string name)
        {
            var definition = Definition(name);
            lock (_lock)
            {
                switch (scope)
                {
                    case SettingScope.Session: return _session.TryGetValue(definition.Name, out var s) ? s : null;
                    case SettingScope.User: return _user.TryGetValue(definition.Name, out var u) ? u : null;
                    default: return definition.DefaultValue;
                }
            }
        }

        /// <summary>The value in force and the scope it comes from.</summary>
        public KeyValuePair<object, SettingScope> Effective(string name)
        {
            foreach (var scope in new[] { SettingScope.Session, SettingScope.User })
                if (ValueAt(scope, name) is { } value)
                    return new KeyValuePair<object, SettingScope>(value, scope);
            return new KeyValuePair<object, SettingScope>(Definition(name).DefaultValue, SettingScope.Default);
        }

        public EffectiveSettings Current => new EffectiveSettings(
            (InvalidCertificateAction)Effective(InvalidCertificateActionName).Key,
            (DefaultCloudMode)Effective(DefaultCloudModeName).Key,
            (int)Effective(WebOperationTimeoutSecondsName).Key,
            (int)Effective(RetryCountName).Key,
            (int)Effective(CompletionTimeoutSecondsName).Key);

        /// <summary>Sets a value in the Session or User scope (User: written to the file at once).</summary>
        /// <exception cref="ArgumentException">The setting does not exist or does not accept the value.</exception>
        /// <exception cref="IOException">The user file could not be written.</exception>
        public void Set(SettingScope scope, string name, object value) => Change(scope, name, value);

        /// <summary>Removes a scope's value, so that the next scope's (or the default) is in force again.</summary>
        public void Clear(SettingScope scope, string name) => Change(scope, name, null);

        private void Change(SettingScope scope, string name, object? value)
        {
            var definition = Definition(name);
            object? parsed = null;
            if (value != null)
                parsed = definition.Parse(value) ?? throw new ArgumentException(
                    $"{definition.Name} does not accept the value '{value}': use {definition.Accepts}.", nameof(value));
            lock (_lock)
            {
                switch (scope)
                {
                    case SettingScope.Session:
                        Put(_session, definition.Name, parsed);
                        break;
                    case SettingScope.User:
                        if (UserFile == null)
                            throw new IOException("There is no user settings file in this environment.");
                        // Another process may have changed the file since it was read: change its current content.
                        var current = ReadUserFile(out _);
                        Put(current, definition.Name, parsed);
                        WriteUserFile(current);
                        _user = current;
                        break;
                    default:
                        throw new ArgumentException("Only the Session and User scopes can be set.", nameof(scope));
                }
            }
        }

        private static void Put(Dictionary<string, object> values, string name, object? value)
        {
            if (value == null) values.Remove(name);
            else values[name] = value;
        }

        private Dictionary<string, object> ReadUserFile(out string? problem)
        {
            problem = null;
            var values = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            if (UserFile == null || !File.Exists(UserFile))
                return values;
            var problems = new List<string>();
            try
            {
                using (var document = JsonDocument.Parse(File.ReadAllText(UserFile), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }))
                {
                    if (document.RootElement.ValueKind != JsonValueKind.Object)
                        throw new JsonException("the file is not a JSON object");
                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        var definition = Definitions.FirstOrDefault(d => string.Equals(d.Name, property.Name, StringComparison.OrdinalIgnoreCase));
                        if (definition == null) { problems.Add($"'{property.Name}' is not a setting"); continue; }
                        object? raw = property.Value.ValueKind switch
                        {
                            JsonValueKind.String => property.Value.GetString(),
                            JsonValueKind.Number => property.Value.TryGetInt64(out var n) ? n : (object)property.Value.GetDouble(),
                            _ => null,
                        };
                        if (raw != null && definition.Parse(raw) is { } parsed) values[definition.Name] = parsed;
                        else problems.Add($"{definition.Name} = {property.Value.GetRawText()} is not {definition.Accepts}");
                    }
                }
            }
            catch (Exception ex) when (ex is JsonException || ex is IOException || ex is UnauthorizedAccessException)
            {
                problem = $"The settings file {UserFile} was not read ({ex.Message}); the User scope is empty.";
                return new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            }
            if (problems.Count > 0)
                problem = $"The settings file {UserFile} has values that were ignored: {string.Join("; ", problems)}.";
            return values;
        }

        private void WriteUserFile(Dictionary<string, object> values)
        {
            var folder = Path.GetDirectoryName(UserFile!);
            if (!string.IsNullOrEmpty(folder))
                Directory.CreateDirectory(folder);
            var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                foreach (var definition in Definitions)
                {
                    if (!values.TryGetValue(definition.Name, out var value)) continue;
                    if (value is int number) writer.WriteNumber(definition.Name, number);
                    else writer.WriteString(definition.Name, value.ToString());
                }
                writer.WriteEndObject();
            }
            // Written beside and moved over, so that a reader never sees half a file.
            var temporary = UserFile + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
            File.WriteAllText(temporary, Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine);
            try
            {
                if (File.Exists(UserFile)) File.Replace(temporary, UserFile!, null);
                else File.Move(temporary, UserFile!);
            }
            finally
            {
                if (File.Exists(temporary)) File.Delete(temporary);
            }
        }
    }

    /// <summary>The settings in force at one moment (what a new connection uses).</summary>
    public sealed class EffectiveSettings
    {
        public EffectiveSettings(InvalidCertificateAction invalidCertificateAction, DefaultCloudMode defaultCloudMode,
            int webOperationTimeoutSeconds, int retryCount, int completionTimeoutSeconds)
        {
            InvalidCertificateAction = invalidCertificateAction;
            DefaultCloudMode = defaultCloudMode;
            WebOperationTimeoutSeconds = webOperationTimeoutSeconds;
            RetryCount = retryCount;
            CompletionTimeoutSeconds = completionTimeoutSeconds;
        }

        public InvalidCertificateAction InvalidCertificateAction { get; }
        public DefaultCloudMode DefaultCloudMode { get; }
        public int WebOperationTimeoutSeconds { get; }
        public int RetryCount { get; }
        public int CompletionTimeoutSeconds { get; }

        /// <summary>The HTTP settings of a new connection under these settings (Warn is the caller's: it needs a
        /// callback that reaches the user).</summary>
        public Core.HttpSettings ToHttpSettings() => new Core.HttpSettings
        {
            Timeout = TimeSpan.FromSeconds(WebOperationTimeoutSeconds),
            MaxRetries = RetryCount,
            VerifyCertificate = InvalidCertificateAction != InvalidCertificateAction.Ignore,
        };
    }
}
