using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Settings;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Configuration
{
    /// <summary>Set-OSConfiguration: changes the module's settings for this session or, with -Scope User, in the user
    /// settings file (as Set-PowerCLIConfiguration). New connections use them; existing connections keep theirs.</summary>
    [Cmdlet(VerbsCommon.Set, "OSConfiguration", SupportsShouldProcess = true)]
    [OutputType(typeof(OSConfiguration))]
    public sealed class SetOSConfigurationCommand : OSCmdlet
    {
        private const string UnsetValue = "Unset";

        [Parameter]
        [ValidateSet("Session", "User")]
        public string Scope { get; set; } = "Session";

        [Parameter]
        [ValidateSet("Fail", "Warn", "Ignore", UnsetValue)]
        public string? InvalidCertificateAction { get; set; }

        [Parameter]
        [ValidateSet("Single", "Multiple", UnsetValue)]
        public string? DefaultCloudMode { get; set; }

        [Parameter]
        [ValidateRange(1, 3600)]
        public int? WebOperationTimeoutSeconds { get; set; }

        [Parameter]
        [ValidateRange(0, 10)]
        public int? RetryCount { get; set; }

        [Parameter]
        [ValidateRange(1, 60)]
        public int? CompletionTimeoutSeconds { get; set; }

        /// <summary>Settings whose value in this scope is removed (the next scope's value, or the default, applies again).</summary>
        [Parameter]
        [ValidateSet(SettingsStore.InvalidCertificateActionName, SettingsStore.DefaultCloudModeName, SettingsStore.WebOperationTimeoutSecondsName,
            SettingsStore.RetryCountName, SettingsStore.CompletionTimeoutSecondsName)]
        public string[]? Unset { get; set; }

        protected override void EndProcessing()
        {
            var scope = Scope == "User" ? SettingScope.User : SettingScope.Session;
            var store = ModuleSettings.Store;
            var changes = Changes().ToList();
            if (changes.Count == 0)
            {
                WriteTyped(new OSConfiguration(store, scope));
                return;
            }
            var target = scope == SettingScope.User ? $"User settings ({store.UserFile})" : "Session settings";
            var description = string.Join("; ", changes.Select(c =>
                $"{c.Key}: {Show(store.ValueAt(scope, c.Key))} -> {Show(c.Value)}"));
            if (!ShouldProcess(target, "Set " + description))
                return;
            try
            {
                foreach (var change in changes)
                {
                    if (change.Value == null) store.Clear(scope, change.Key);
                    else store.Set(scope, change.Key, change.Value);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteError(new ErrorRecord(ex, "SettingsFileNotWritten", ErrorCategory.WriteError, store.UserFile)
                {
                    ErrorDetails = new ErrorDetails($"The user settings file {store.UserFile} could not be written: {ex.Message}")
                    {
                        RecommendedAction = "Check the folder's permissions, or set OSO_CONFIG_HOME to a writable folder.",
                    },
                });
                return;
            }
            ModuleSettings.Apply();
            if (scope == SettingScope.User)
                foreach (var change in changes.Where(c => c.Value != null && store.ValueAt(SettingScope.Session, c.Key) != null))
                    WriteWarning($"{change.Key} is also set in the Session scope ({store.ValueAt(SettingScope.Session, change.Key)}), which " +
                        $"overrides the User value in this session (Set-OSConfiguration -Scope Session -Unset {change.Key} removes it).");
            WriteTyped(new OSConfiguration(store, scope));
        }

        private static string Show(object? value) => value == null ? "(not set)" : value.ToString()!;

        private IEnumerable<KeyValuePair<string, object?>> Changes()
        {
            KeyValuePair<string, object?> Change(string name, object? value) => new KeyValuePair<string, object?>(name, value);
            if (InvalidCertificateAction != null)
                yield return Change(SettingsStore.InvalidCertificateActionName, InvalidCertificateAction == UnsetValue ? null : InvalidCertificateAction);
            if (DefaultCloudMode != null)
                yield return Change(SettingsStore.DefaultCloudModeName, DefaultCloudMode == UnsetValue ? null : DefaultCloudMode);
            if (WebOperationTimeoutSeconds != null)
                yield return Change(SettingsStore.WebOperationTimeoutSecondsName, WebOperationTimeoutSeconds);
            if (RetryCount != null)
                yield return Change(SettingsStore.RetryCountName, RetryCount);
            if (CompletionTimeoutSeconds != null)
                yield return Change(SettingsStore.CompletionTimeoutSecondsName, CompletionTimeoutSeconds);
            foreach (var name in Unset ?? Array.Empty<string>())
                yield return Change(SettingsStore.Definition(name).Name, null);
        }
    }
}
