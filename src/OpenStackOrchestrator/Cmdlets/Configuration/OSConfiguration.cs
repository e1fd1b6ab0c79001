using System.Collections.Generic;
using System.Linq;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Client.Settings;

namespace OpenStackOrchestrator.Cmdlets.Configuration
{
    /// <summary>The module's settings in one scope, as Get-PowerCLIConfiguration shows them: the Session row holds the
    /// values in force (what a new connection uses) and, in ValueSources, the scope each came from; the User row holds
    /// what the user settings file sets (empty where it sets nothing).</summary>
    // The table fits 80 columns; Format-List shows every setting.
    [TableView("Scope", "InvalidCertificateAction", "DefaultCloudMode", "WebOperationTimeoutSeconds", TypeName = Infrastructure.TypeNames.Configuration)]
    public sealed class OSConfiguration
    {
        internal OSConfiguration(SettingsStore store, SettingScope scope)
        {
            Scope = scope;
            object? Value(string name) => scope == SettingScope.Session ? store.Effective(name).Key : store.ValueAt(scope, name);
            InvalidCertificateAction = (InvalidCertificateAction?)Value(SettingsStore.InvalidCertificateActionName);
            DefaultCloudMode = (DefaultCloudMode?)Value(SettingsStore.DefaultCloudModeName);
            WebOperationTimeoutSeconds = (int?)Value(SettingsStore.WebOperationTimeoutSecondsName);
            RetryCount = (int?)Value(SettingsStore.RetryCountName);
            CompletionTimeoutSeconds = (int?)Value(SettingsStore.CompletionTimeoutSecondsName);
            ValueSources = SettingsStore.Definitions.ToDictionary(d => d.Name,
                d => scope == SettingScope.Session ? store.Effective(d.Name).Value : store.ValueAt(scope, d.Name) != null ? scope : SettingScope.Default);
            if (scope == SettingScope.User)
                Path = store.UserFile;
        }

        public SettingScope Scope { get; }
        public InvalidCertificateAction? InvalidCertificateAction { get; }
        public DefaultCloudMode? DefaultCloudMode { get; }
        public int? WebOperationTimeoutSeconds { get; }
        public int? RetryCount { get; }
        public int? CompletionTimeoutSeconds { get; }
        /// <summary>For each setting, the scope its value comes from (Session, User or Default).</summary>
        public IReadOnlyDictionary<string, SettingScope> ValueSources { get; }
        /// <summary>The User scope's file.</summary>
        public string? Path { get; }

        public override string ToString() => Scope.ToString();
    }
}
