using System;
using OpenStackOrchestrator.Client.Config;
using OpenStackOrchestrator.Client.Settings;
using OpenStackOrchestrator.Completion;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>The settings of Get-/Set-OSConfiguration for this process: Session scope in memory, User scope in
    /// the user's settings file (read when the module is imported).</summary>
    public static class ModuleSettings
    {
        private static readonly object Lock = new object();
        private static SettingsStore? _store;

        public static SettingsStore Store
        {
            get
            {
                lock (Lock)
                    return _store ?? Load();
            }
        }

        /// <summary>(Re)reads the user file (Import-Module); Session values set earlier in the process stay.</summary>
        public static void Reload()
        {
            lock (Lock)
            {
                if (_store == null) Load();
                else _store.LoadUserFile();
                Apply();
            }
        }

        /// <summary>Puts the settings that are not per connection into force (the completion time box).</summary>
        public static void Apply() => CompletionCache.TimeBox = TimeSpan.FromSeconds(Store.Current.CompletionTimeoutSeconds);

        private static SettingsStore Load()
        {
            string? file;
            try
            {
                file = SettingsStore.DefaultUserFile(new ProcessConfigEnvironment());
            }
            catch (ArgumentException)
            {
                file = null; // an unusable OSO_CONFIG_HOME/APPDATA: no User scope rather than no module
            }
            _store = new SettingsStore(file);
            return _store;
        }
    }
}
