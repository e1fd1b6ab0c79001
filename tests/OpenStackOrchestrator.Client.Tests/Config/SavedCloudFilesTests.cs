using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using OpenStackOrchestrator.Client.Config;
using OpenStackOrchestrator.Client.Errors;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace OpenStackOrchestrator.Client.Tests.Config
{
    /// <summary>Saving a cloud (New-OSApplicationCredential -SaveAs, Connect-OSCloud -SaveCredential) in real files of a
    /// temporary folder, read back by the loader as Connect-OSCloud reads them.</summary>
    public sealed class SavedCloudFilesTests : IDisposable
    {
        private const string Secret = "s3cr3t-Th4t-must-n0t-leak";
        private const string Existing = @"# the team's clouds
clouds:
  prod:
    # production: ask the on-call first
    auth:
      auth_url: https://prod.example:5000/v3
      username: ops
    region_name: RegionOne

  lab:
    auth: {auth_url: 'http://lab:5000/v3', username: me}
# end of clouds
other_setting: kept
";

        private readonly string _root = Path.Combine(Path.GetTempPath(), "oso-saved-" + Guid.NewGuid().ToString("N"));
        private readonly RealFilesEnvironment _env;

        public SavedCloudFilesTests()
        {
            Directory.CreateDirectory(Path.Combine(_root, "cwd"));
            Directory.CreateDirectory(Path.Combine(_root, "home"));
            _env = new RealFilesEnvironment(Path.Combine(_root, "cwd"), Path.Combine(_root, "home"));
        }

        public void Dispose() => Directory.Delete(_root, recursive: true);

        private string CwdFile(string name) => Path.Combine(_root, "cwd", name);

        private static YamlMappingNode Settings(string id) => new YamlMappingNode
        {
            { "auth_type", CloudsYamlEditor.Text("v3applicationcredential") },
            { "auth", new YamlMappingNode { { "auth_url", CloudsYamlEditor.Text("http://127.0.0.1:5000/v3") }, { "application_credential_id", CloudsYamlEditor.Text(id) } } },
            { "region_name", CloudsYamlEditor.Text("RegionOne") },
        };

        private static YamlMappingNode Secrets(string secret) =>
            new YamlMappingNode { { "auth", new YamlMappingNode { { "application_credential_secret", CloudsYamlEditor.Secret(secret) } } } };

        [Fact]
        public void The_secret_goes_to_an_owner_only_secure_yaml_and_never_into_clouds_yaml()
        {
            File.WriteAllText(CwdFile("clouds.yaml"), Existing);
            var files = SavedCloudFiles.Locate(_env);

            files.Save("nightly", Settings("ac1"), Secrets(Secret), force: false);

            Assert.Equal(CwdFile("secure.yaml"), files.SecureFile);
            Assert.DoesNotContain(Secret, File.ReadAllText(CwdFile("clouds.yaml")));
            Assert.Contains(Secret, File.ReadAllText(CwdFile("secure.yaml")));
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(CwdFile("secure.yaml")));
            var loaded = new CloudConfigLoader(_env).Load("nightly");
            Assert.Equal("v3applicationcredential", loaded.NormalizedAuthType);
            Assert.Equal("ac1", loaded.ApplicationCredentialId);
            Assert.Equal(Secret, loaded.ApplicationCredentialSecret);
        }

        [Fact]
        public void An_existing_secure_yaml_that_others_could_read_becomes_owner_only_and_keeps_its_clouds()
        {
            File.WriteAllText(CwdFile("clouds.yaml"), Existing);
            File.WriteAllText(CwdFile("secure.yaml"), "clouds:\n  prod:\n    auth:\n      password: prodpass\n");
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(CwdFile("secure.yaml"), (UnixFileMode)0b110_100_100);

            SavedCloudFiles.Locate(_env).Save("nightly", Settings("ac1"), Secrets(Secret), force: false);

            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(CwdFile("secure.yaml")));
            Assert.Equal("prodpass", new CloudConfigLoader(_env).Load("prod").Password);
            Assert.Equal(Secret, new CloudConfigLoader(_env).Load("nightly").ApplicationCredentialSecret);
        }

        [Fact]
        public void Other_clouds_comments_and_settings_are_kept_as_they_were()
        {
            File.WriteAllText(CwdFile("clouds.yaml"), Existing);

            SavedCloudFiles.Locate(_env).Save("nightly", Settings("ac1"), Secrets(Secret), force: false);

            var text = File.ReadAllText(CwdFile("clouds.yaml"));
            Assert.StartsWith(Existing.Substring(0, Existing.IndexOf("# end of clouds", StringComparison.Ordinal)), text);
            Assert.Contains("# end of clouds\nother_setting: kept\n", text);
            var loader = new CloudConfigLoader(_env);
            Assert.Equal(new[] { "lab", "nightly", "prod" }, loader.ListCloudNames());
            Assert.Equal("ops", loader.Load("prod").Username);
            Assert.Equal("me", loader.Load("lab").Username);
        }

        [Fact]
        public void An_existing_cloud_is_not_replaced_without_force_in_either_file()
        {
            File.WriteAllText(CwdFile("clouds.yaml"), Existing);
            File.WriteAllText(CwdFile("secure.yaml"), "clouds:\n  nightly:\n    auth:\n      application_credential_secret: old\n");
            var before = (File.ReadAllText(CwdFile("clouds.yaml")), File.ReadAllText(CwdFile("secure.yaml")));
            var files = SavedCloudFiles.Locate(_env);

            Assert.Equal(CwdFile("secure.yaml"), Assert.Throws<SavedCloudExistsException>(() => files.EnsureFree("nightly")).File);
            Assert.Equal(CwdFile("clouds.yaml"), Assert.Throws<SavedCloudExistsException>(() => files.EnsureFree("prod")).File);
            Assert.Throws<SavedCloudExistsException>(() => files.Save("nightly", Settings("ac1"), Secrets(Secret), force: false));

            Assert.Equal(before, (File.ReadAllText(CwdFile("clouds.yaml")), File.ReadAllText(CwdFile("secure.yaml"))));
        }

        [Fact]
        public void Force_replaces_the_entry_in_its_place_and_keeps_the_next_cloud_and_its_comment()
        {
            File.WriteAllText(CwdFile("clouds.yaml"), Existing);
            var files = SavedCloudFiles.Locate(_env);
            files.Save("prod", Settings("ac-old"), Secrets("old"), force: true);
            files.Save("prod", Settings("ac-new"), Secrets(Secret), force: true);

            var text = File.ReadAllText(CwdFile("clouds.yaml"));
            Assert.DoesNotContain("ac-old", text);
            Assert.DoesNotContain("production: ask", text);
            Assert.True(text.IndexOf("  prod:", StringComparison.Ordinal) < text.IndexOf("  lab:", StringComparison.Ordinal));
            Assert.Contains("# end of clouds", text);
            var loader = new CloudConfigLoader(_env);
            Assert.Equal("ac-new", loader.Load("prod").ApplicationCredentialId);
            Assert.Equal(Secret, loader.Load("prod").ApplicationCredentialSecret);
            Assert.Equal("me", loader.Load("lab").Username);
        }

        [Fact]
        public void Without_any_file_a_new_user_clouds_yaml_and_secure_yaml_are_made()
        {
            var files = SavedCloudFiles.Locate(_env);
            files.Save("nightly", Settings("ac1"), Secrets(Secret), force: false);

            var userFolder = Path.Combine(_root, "home", ".config", "openstack");
            Assert.Equal(Path.Combine(userFolder, "clouds.yaml"), files.CloudsFile);
            Assert.Equal(Path.Combine(userFolder, "secure.yaml"), files.SecureFile);
            Assert.Equal(Secret, new CloudConfigLoader(_env).Load("nightly").ApplicationCredentialSecret);
        }

        [Fact]
        public void A_clouds_yaml_outside_the_search_folders_needs_OS_CLIENT_SECURE_FILE_as_the_openstack_CLI_does()
        {
            var elsewhere = Path.Combine(_root, "elsewhere");
            Directory.CreateDirectory(elsewhere);
            File.WriteAllText(Path.Combine(elsewhere, "clouds.yaml"), Existing);
            _env.Vars["OS_CLIENT_CONFIG_FILE"] = Path.Combine(elsewhere, "clouds.yaml");

            var refused = Assert.Throws<CloudConfigurationException>(() => SavedCloudFiles.Locate(_env));
            Assert.Contains("OS_CLIENT_SECURE_FILE", refused.Message);

            _env.Vars["OS_CLIENT_SECURE_FILE"] = Path.Combine(elsewhere, "secure.yaml");
            var files = SavedCloudFiles.Locate(_env);
            files.Save("nightly", Settings("ac1"), Secrets(Secret), force: false);
            Assert.Equal(Path.Combine(elsewhere, "clouds.yaml"), files.CloudsFile);
            Assert.Equal(Secret, new CloudConfigLoader(_env).Load("nightly").ApplicationCredentialSecret);
        }

        [Theory]
        [InlineData("clouds:\n")]
        [InlineData("clouds: {}\n")]
        [InlineData("clouds: {a: {auth: {auth_url: 'http://a/v3'}}}\n")]
        [InlineData("# only a comment\n")]
        [InlineData("other: 1\n")]
        public void Layouts_the_splice_cannot_follow_still_get_the_cloud(string text)
        {
            var result = CloudsYamlEditor.SetCloud(text, "nightly", Settings("ac1"));
            Assert.True(CloudsYamlEditor.HasCloud(result, "nightly"));
            if (text.Contains("auth_url"))
                Assert.True(CloudsYamlEditor.HasCloud(result, "a"));
        }

        [Theory]
        [InlineData("123456")]
        [InlineData("true")]
        [InlineData("2026-12-01")]
        [InlineData("a: b")]
        [InlineData("#x")]
        public void Values_yaml_would_read_as_something_else_are_quoted(string value)
        {
            var text = CloudsYamlEditor.SetCloud(null, "c", new YamlMappingNode { { "auth", new YamlMappingNode { { "password", CloudsYamlEditor.Text(value) } } } });
            Assert.Contains("\"", text);
        }

        private sealed class RealFilesEnvironment : IConfigEnvironment
        {
            public RealFilesEnvironment(string cwd, string home)
            {
                CurrentDirectory = cwd;
                HomeDirectory = home;
            }

            public Dictionary<string, string> Vars { get; } = new Dictionary<string, string>();
            public string? GetEnvironmentVariable(string name) => Vars.TryGetValue(name, out var value) ? value : null;
            public string HomeDirectory { get; }
            public string CurrentDirectory { get; }
            public bool IsWindows => OperatingSystem.IsWindows();
            public bool FileExists(string path) => File.Exists(path);
            public string ReadAllText(string path) => File.ReadAllText(path);
        }
    }
}
