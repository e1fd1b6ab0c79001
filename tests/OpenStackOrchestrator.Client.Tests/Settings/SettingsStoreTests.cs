using System;
using System.IO;
using OpenStackOrchestrator.Client.Settings;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Settings
{
    public sealed class SettingsStoreTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "oso-settings-" + Guid.NewGuid().ToString("N"));
        private string File => Path.Combine(_folder, "nested", "settings.json");

        public void Dispose()
        {
            if (Directory.Exists(_folder)) Directory.Delete(_folder, true);
        }

        [Fact]
        public void Without_a_file_every_setting_is_its_default_today_s_behaviour()
        {
            var current = new SettingsStore(File).Current;

            Assert.Equal(InvalidCertificateAction.Fail, current.InvalidCertificateAction);
            Assert.Equal(DefaultCloudMode.Multiple, current.DefaultCloudMode);
            Assert.Equal(30, current.WebOperationTimeoutSeconds);
            Assert.Equal(8, current.RetryCount);
            Assert.Equal(3, current.CompletionTimeoutSeconds);
            Assert.Equal(SettingScope.Default, new SettingsStore(File).Effective(SettingsStore.RetryCountName).Value);
        }

        [Fact]
        public void A_User_value_is_written_to_the_file_and_read_by_a_new_store()
        {
            new SettingsStore(File).Set(SettingScope.User, SettingsStore.WebOperationTimeoutSecondsName, 7);

            var fresh = new SettingsStore(File);

            Assert.Equal(7, fresh.Current.WebOperationTimeoutSeconds);
            Assert.Equal(SettingScope.User, fresh.Effective(SettingsStore.WebOperationTimeoutSecondsName).Value);
            Assert.Contains("\"WebOperationTimeoutSeconds\": 7", System.IO.File.ReadAllText(File));
        }

        [Fact]
        public void Session_overrides_User_and_is_not_written()
        {
            var store = new SettingsStore(File);
            store.Set(SettingScope.User, SettingsStore.DefaultCloudModeName, "Single");
            store.Set(SettingScope.Session, SettingsStore.DefaultCloudModeName, "multiple");

            Assert.Equal(DefaultCloudMode.Multiple, store.Current.DefaultCloudMode);
            Assert.Equal(SettingScope.Session, store.Effective(SettingsStore.DefaultCloudModeName).Value);
            Assert.Equal(DefaultCloudMode.Single, new SettingsStore(File).Current.DefaultCloudMode);

            store.Clear(SettingScope.Session, SettingsStore.DefaultCloudModeName);
            Assert.Equal(DefaultCloudMode.Single, store.Current.DefaultCloudMode);
        }

        [Fact]
        public void Writing_keeps_what_another_process_wrote_meanwhile()
        {
            var first = new SettingsStore(File);
            var second = new SettingsStore(File);
            first.Set(SettingScope.User, SettingsStore.RetryCountName, 5);
            second.Set(SettingScope.User, SettingsStore.InvalidCertificateActionName, "Warn");

            var fresh = new SettingsStore(File).Current;
            Assert.Equal(5, fresh.RetryCount);
            Assert.Equal(InvalidCertificateAction.Warn, fresh.InvalidCertificateAction);
        }

        [Theory]
        [InlineData(SettingsStore.InvalidCertificateActionName, "Sometimes")]
        [InlineData(SettingsStore.InvalidCertificateActionName, "1")]
        [InlineData(SettingsStore.WebOperationTimeoutSecondsName, 0)]
        [InlineData(SettingsStore.RetryCountName, 11)]
        [InlineData(SettingsStore.CompletionTimeoutSecondsName, "soon")]
        public void A_value_out_of_range_is_refused_naming_what_is_accepted(string name, object value)
        {
            var store = new SettingsStore(File);

            var ex = Assert.Throws<ArgumentException>(() => store.Set(SettingScope.Session, name, value));

            Assert.Contains(name, ex.Message);
            Assert.Equal(SettingScope.Default, store.Effective(name).Value);
        }

        [Fact]
        public void A_broken_or_partly_wrong_file_leaves_the_defaults_and_says_why()
        {
            Directory.CreateDirectory(Path.GetDirectoryName(File)!);
            System.IO.File.WriteAllText(File, "{ \"RetryCount\": 99, \"DefaultCloudMode\": \"Single\", \"Colour\": \"blue\" }");
            var partly = new SettingsStore(File);
            Assert.Equal(8, partly.Current.RetryCount);
            Assert.Equal(DefaultCloudMode.Single, partly.Current.DefaultCloudMode);
            Assert.Contains("RetryCount", partly.LoadProblem);
            Assert.Contains("Colour", partly.LoadProblem);

            System.IO.File.WriteAllText(File, "{ not json");
            var broken = new SettingsStore(File);
            Assert.Equal(DefaultCloudMode.Multiple, broken.Current.DefaultCloudMode);
            Assert.Contains(File, broken.LoadProblem);
        }

        [Fact]
        public void The_new_connection_s_http_settings_follow_the_values()
        {
            var http = new EffectiveSettings(InvalidCertificateAction.Ignore, DefaultCloudMode.Single, 12, 0, 3).ToHttpSettings();

            Assert.Equal(TimeSpan.FromSeconds(12), http.Timeout);
            Assert.Equal(0, http.MaxRetries);
            Assert.False(http.VerifyCertificate);
            Assert.True(new EffectiveSettings(InvalidCertificateAction.Warn, DefaultCloudMode.Single, 12, 0, 3).ToHttpSettings().VerifyCertificate);
        }

        [Theory]
        [InlineData(false, "/custom", null, null, "/custom/settings.json")]
        [InlineData(false, null, "/xdg", null, "/xdg/OpenStackOrchestrator/settings.json")]
        [InlineData(false, null, null, null, "/home/u/.config/OpenStackOrchestrator/settings.json")]
        [InlineData(true, null, null, @"C:\Users\u\AppData\Roaming", @"C:\Users\u\AppData\Roaming/OpenStackOrchestrator/settings.json")]
        public void The_user_file_is_under_the_user_s_config_folder(bool windows, string? osoHome, string? xdg, string? appData, string expected)
        {
            var environment = new FakeEnvironment(windows, ("OSO_CONFIG_HOME", osoHome), ("XDG_CONFIG_HOME", xdg), ("APPDATA", appData));

            Assert.Equal(expected.Replace('/', Path.DirectorySeparatorChar), SettingsStore.DefaultUserFile(environment).Replace('/', Path.DirectorySeparatorChar));
        }

        private sealed class FakeEnvironment : OpenStackOrchestrator.Client.Config.IConfigEnvironment
        {
            private readonly System.Collections.Generic.Dictionary<string, string?> _variables = new System.Collections.Generic.Dictionary<string, string?>();

            public FakeEnvironment(bool windows, params (string Name, string? Value)[] variables)
            {
                IsWindows = windows;
                foreach (var (name, value) in variables) _variables[name] = value;
            }

            public string? GetEnvironmentVariable(string name) => _variables.TryGetValue(name, out var v) ? v : null;
            public string HomeDirectory => "/home/u";
            public string CurrentDirectory => "/";
            public bool IsWindows { get; }
            public bool FileExists(string path) => false;
            public string ReadAllText(string path) => throw new FileNotFoundException(path);
        }
    }
}
