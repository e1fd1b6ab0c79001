using System;
using System.Collections.Generic;
using System.IO;
using OpenStackOrchestrator.Client.Config;
using OpenStackOrchestrator.Client.Errors;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Config
{
    public class CloudConfigLoaderTests
    {
        private const string Home = "/home/u";
        private const string Cwd = "/work/proj";
        private static readonly string CwdClouds = Path.Combine(Cwd, "clouds.yaml");
        private static readonly string UserDir = Path.Combine(Home, ".config", "openstack");
        private static readonly string UserClouds = Path.Combine(UserDir, "clouds.yaml");

        private const string LocalCloudYaml = @"
clouds:
  los-admin:
    auth:
      auth_url: http://127.0.0.1:5000/v3
      username: admin
      password: adminpass
      project_name: admin
      user_domain_name: Default
      project_domain_name: Default
    region_name: RegionOne
    interface: public
    identity_api_version: 3
  los-demo:
    auth:
      auth_url: http://127.0.0.1:5000/v3
      username: demo
      password: demopass
      project_name: demo
      user_domain_name: Default
      project_domain_name: Default
    region_name: RegionOne
";

        private readonly FakeEnvironment _env = new FakeEnvironment();
        private CloudConfigLoader Loader => new CloudConfigLoader(_env);

        private static string Cloud(string name, string body) =>
            $"clouds:\n  {name}:\n    auth:\n      auth_url: http://keystone:5000/v3\n{body}";

        [Fact]
        public void CandidateFiles_follow_openstacksdk_order_with_OS_CLIENT_CONFIG_FILE_first()
        {
            _env.Vars["OS_CLIENT_CONFIG_FILE"] = "/x/my-clouds.yaml";

            Assert.Equal(new[]
            {
                "/x/my-clouds.yaml",
                CwdClouds, Path.Combine(Cwd, "clouds.yml"),
                UserClouds, Path.Combine(UserDir, "clouds.yml"),
                "/etc/openstack/clouds.yaml", "/etc/openstack/clouds.yml",
            }, Loader.CandidateFiles());
        }

        [Fact]
        public void SecureCandidateFiles_search_the_same_folders_and_honour_OS_CLIENT_SECURE_FILE()
        {
            _env.Vars["OS_CLIENT_SECURE_FILE"] = "/x/s.yaml";

            var files = Loader.SecureCandidateFiles();

            Assert.Equal("/x/s.yaml", files[0]);
            Assert.Equal(Path.Combine(Cwd, "secure.yaml"), files[1]);
            Assert.Contains(Path.Combine(UserDir, "secure.yml"), files);
            Assert.Equal("/etc/openstack/secure.yml", files[files.Count - 1]);
        }

        [Fact]
        public void OS_CLIENT_CONFIG_FILE_wins_over_current_folder_and_user_folder()
        {
            _env.Files["/x/my-clouds.yaml"] = Cloud("c", "      username: from-env-file\n");
            _env.Files[CwdClouds] = Cloud("c", "      username: from-cwd\n");
            _env.Files[UserClouds] = Cloud("c", "      username: from-home\n");
            _env.Vars["OS_CLIENT_CONFIG_FILE"] = "/x/my-clouds.yaml";

            var config = Loader.Load("c");

            Assert.Equal("from-env-file", config.Username);
            Assert.Equal("/x/my-clouds.yaml", config.Source);
        }

        [Fact]
        public void Current_folder_wins_over_user_folder()
        {
            _env.Files[CwdClouds] = Cloud("c", "      username: from-cwd\n");
            _env.Files[UserClouds] = Cloud("c", "      username: from-home\n");

            Assert.Equal("from-cwd", Loader.Load("c").Username);
        }

        [Fact]
        public void User_folder_is_used_when_nothing_closer_exists()
        {
            _env.Files[UserClouds] = Cloud("c", "      username: from-home\n");

            var config = Loader.Load("c");

            Assert.Equal("from-home", config.Username);
            Assert.Equal(UserClouds, config.Source);
        }

        [Fact]
        public void Secure_yaml_is_merged_over_clouds_yaml()
        {
            _env.Files[CwdClouds] = Cloud("c", "      username: alice\n      project_name: p\n") + "    region_name: R1\n";
            _env.Files[Path.Combine(UserDir, "secure.yaml")] =
                "clouds:\n  c:\n    auth:\n      password: s3cret\n    region_name: R2\n  other:\n    auth:\n      password: x\n";

            var config = Loader.Load("c");

            Assert.Equal("s3cret", config.Password);
            Assert.Equal("alice", config.Username);
            Assert.Equal("p", config.ProjectName);
            Assert.Equal("http://keystone:5000/v3", config.AuthUrl);
            Assert.Equal("R2", config.RegionName);
        }

        [Fact]
        public void OS_CLOUD_is_the_default_and_an_explicit_name_beats_it()
        {
            _env.Files[CwdClouds] = LocalCloudYaml;
            _env.Vars["OS_CLOUD"] = "los-demo";

            Assert.Equal("los-demo", Loader.DefaultCloudName());
            Assert.Equal("demo", Loader.Load(null).Username);
            Assert.Equal("admin", Loader.Load("los-admin").Username);
        }

        [Fact]
        public void Empty_OS_CLOUD_counts_as_unset()
        {
            _env.Vars["OS_CLOUD"] = "";

            Assert.Null(Loader.DefaultCloudName());
            var error = Assert.Throws<CloudConfigurationException>(() => Loader.Load(null));
            Assert.Contains("OS_CLOUD", error.Message);
        }

        [Fact]
        public void No_selection_error_lists_the_known_clouds()
        {
            _env.Files[CwdClouds] = LocalCloudYaml;

            var error = Assert.Throws<CloudConfigurationException>(() => Loader.Load(null));

            Assert.Contains("known clouds: los-admin, los-demo", error.Message);
        }

        [Fact]
        public void LoadFromEnvironment_maps_the_OS_variables()
        {
            SetEnv(("OS_AUTH_URL", "http://k:5000/v3"), ("OS_USERNAME", "bob"), ("OS_PASSWORD", "pw"),
                ("OS_TENANT_NAME", "legacy-project"), ("OS_USER_DOMAIN_NAME", "UD"), ("OS_PROJECT_DOMAIN_ID", "pd-id"),
                ("OS_REGION_NAME", "RegionTwo"), ("OS_ENDPOINT_TYPE", "internalURL"), ("OS_INSECURE", "yes"),
                ("OS_CACERT", "/etc/ssl/ca.pem"), ("OS_API_TIMEOUT", "45"));

            var config = Loader.LoadFromEnvironment();

            Assert.Equal("envvars", config.Name);
            Assert.Equal("environment", config.Source);
            Assert.Equal("http://k:5000/v3", config.AuthUrl);
            Assert.Equal("bob", config.Username);
            Assert.Equal("pw", config.Password);
            Assert.Equal("legacy-project", config.ProjectName);
            Assert.Equal("UD", config.UserDomainName);
            Assert.Equal("pd-id", config.ProjectDomainId);
            Assert.Equal("RegionTwo", config.RegionName);
            Assert.Equal("internal", config.Interface);
            Assert.False(config.VerifyCertificate);
            Assert.Equal("/etc/ssl/ca.pem", config.CACertificatePath);
            Assert.Equal(TimeSpan.FromSeconds(45), config.ApiTimeout);
            Assert.Equal("password", config.AuthType);
        }

        [Fact]
        public void OS_INTERFACE_beats_OS_ENDPOINT_TYPE_and_OS_PROJECT_NAME_beats_OS_TENANT_NAME()
        {
            SetEnv(("OS_AUTH_URL", "http://k:5000/v3"), ("OS_INTERFACE", "admin"), ("OS_ENDPOINT_TYPE", "publicURL"),
                ("OS_PROJECT_NAME", "new"), ("OS_TENANT_NAME", "old"), ("OS_PROJECT_ID", "pid"), ("OS_TENANT_ID", "tid"));

            var config = Loader.LoadFromEnvironment();

            Assert.Equal("admin", config.Interface);
            Assert.Equal("new", config.ProjectName);
            Assert.Equal("pid", config.ProjectId);
        }

        [Fact]
        public void Load_without_name_uses_the_environment_when_OS_AUTH_URL_is_set()
        {
            _env.Files[CwdClouds] = LocalCloudYaml;
            SetEnv(("OS_AUTH_URL", "http://k:5000/v3"), ("OS_TOKEN", "tok"));

            var config = Loader.Load(null);

            Assert.Equal("envvars", config.Name);
            Assert.Equal("token", config.AuthType);
            Assert.Equal("tok", config.Token);
            Assert.Equal("envvars", Loader.Load("envvars").Name);
        }

        [Fact]
        public void LoadFromEnvironment_without_OS_AUTH_URL_fails()
        {
            SetEnv(("OS_USERNAME", "bob"), ("OS_PASSWORD", "pw"));

            var error = Assert.Throws<CloudConfigurationException>(() => Loader.LoadFromEnvironment());

            Assert.Contains("OS_AUTH_URL", error.Message);
            Assert.DoesNotContain("pw", error.Message);
        }

        [Fact]
        public void Unknown_cloud_names_the_file_and_known_clouds_but_not_the_password()
        {
            _env.Files[CwdClouds] = LocalCloudYaml;

            var error = Assert.Throws<CloudConfigurationException>(() => Loader.Load("foo"));

            Assert.Equal($"Cloud 'foo' was not found in {CwdClouds}. Known clouds: los-admin, los-demo.", error.Message);
            Assert.DoesNotContain("adminpass", error.Message);
            Assert.Equal("CloudConfigurationInvalid", error.ErrorId);
        }

        [Fact]
        public void Unknown_cloud_from_OS_CLOUD_says_so()
        {
            _env.Files[CwdClouds] = LocalCloudYaml;
            _env.Vars["OS_CLOUD"] = "typo";

            var error = Assert.Throws<CloudConfigurationException>(() => Loader.Load(null));

            Assert.Contains("'typo' (from OS_CLOUD)", error.Message);
        }

        [Fact]
        public void Missing_clouds_yaml_lists_the_searched_paths()
        {
            var error = Assert.Throws<CloudConfigurationException>(() => Loader.Load("foo"));

            Assert.Contains("'foo'", error.Message);
            Assert.Contains(CwdClouds, error.Message);
            Assert.Contains(UserClouds, error.Message);
            Assert.Contains("/etc/openstack/clouds.yml", error.Message);
        }

        [Fact]
        public void ListCloudNames_is_sorted_and_includes_envvars_when_OS_AUTH_URL_is_set()
        {
            _env.Files[CwdClouds] = "clouds:\n  zeta: {auth: {auth_url: http://a}}\n  alpha: {auth: {auth_url: http://b}}\n";
            Assert.Equal(new[] { "alpha", "zeta" }, Loader.ListCloudNames());

            _env.Vars["OS_AUTH_URL"] = "http://k:5000/v3";
            Assert.Equal(new[] { "alpha", "envvars", "zeta" }, Loader.ListCloudNames());
        }

        [Fact]
        public void ListCloudNames_is_empty_without_files_or_variables()
        {
            Assert.Empty(Loader.ListCloudNames());
        }

        [Fact]
        public void Endpoint_overrides_use_dashed_service_types_and_keep_placeholders()
        {
            _env.Files[CwdClouds] = Cloud("c", "      username: u\n") + @"
    compute_endpoint_override: http://nova:8774/v2.1
    block_storage_endpoint_override: http://cinder:8776/v3/%(project_id)s
    volumev3_endpoint_override: http://cinder:8776/v3/%(project_id)s
    object_store_endpoint_override: http://swift:8080/v1/AUTH_%(project_id)s
    image_endpoint_override: http://glance:9292
    network-endpoint-override: http://neutron:9696
    orchestration_endpoint_override: http://heat:8004/v1/%(project_id)s
    identity_endpoint_override: http://keystone:5000/v3
".Replace("\r", "");

            var overrides = Loader.Load("c").EndpointOverrides;

            Assert.Equal(8, overrides.Count);
            Assert.Equal("http://nova:8774/v2.1", overrides["compute"]);
            Assert.Equal("http://cinder:8776/v3/%(project_id)s", overrides["block-storage"]);
            Assert.Equal("http://cinder:8776/v3/%(project_id)s", overrides["volumev3"]);
            Assert.Equal("http://swift:8080/v1/AUTH_%(project_id)s", overrides["object-store"]);
            Assert.Equal("http://neutron:9696", overrides["network"]);
            Assert.Equal("http://heat:8004/v1/%(project_id)s", overrides["orchestration"]);
            Assert.Equal("http://keystone:5000/v3", overrides["identity"]);
        }

        [Fact]
        public void First_region_of_a_regions_list_is_used()
        {
            _env.Files[CwdClouds] =
                "clouds:\n  a:\n    auth: {auth_url: http://k}\n    regions: [RegionA, RegionB]\n" +
                "  b:\n    auth: {auth_url: http://k}\n    regions:\n      - name: RegionC\n        values: {interface: internal}\n      - name: RegionD\n" +
                "  c:\n    auth: {auth_url: http://k}\n    region_name: RegionD\n    regions: [RegionC, RegionD]\n";

            Assert.Equal("RegionA", Loader.Load("a").RegionName);
            var b = Loader.Load("b");
            Assert.Equal("RegionC", b.RegionName);
            Assert.Equal("internal", b.Interface);
            Assert.Equal("RegionD", Loader.Load("c").RegionName);
        }

        [Theory]
        [InlineData("    verify: false\n", false)]
        [InlineData("    verify: 'false'\n", false)]
        [InlineData("    verify: true\n", true)]
        [InlineData("    insecure: true\n", false)]
        [InlineData("", true)]
        public void Verify_and_insecure_control_certificate_checks(string setting, bool expected)
        {
            _env.Files[CwdClouds] = Cloud("c", "") + setting;

            Assert.Equal(expected, Loader.Load("c").VerifyCertificate);
        }

        [Fact]
        public void Invalid_verify_value_is_a_configuration_error()
        {
            _env.Files[CwdClouds] = Cloud("c", "") + "    verify: maybe\n";

            var error = Assert.Throws<CloudConfigurationException>(() => Loader.Load("c"));

            Assert.Contains("verify", error.Message);
        }

        [Theory]
        [InlineData("30", 30)]
        [InlineData("'30'", 30)]
        [InlineData("2.5", 2.5)]
        public void Api_timeout_is_seconds(string yamlValue, double seconds)
        {
            _env.Files[CwdClouds] = Cloud("c", "") + $"    api_timeout: {yamlValue}\n";

            Assert.Equal(TimeSpan.FromSeconds(seconds), Loader.Load("c").ApiTimeout);
        }

        [Fact]
        public void Invalid_api_timeout_is_a_configuration_error()
        {
            _env.Files[CwdClouds] = Cloud("c", "") + "    api_timeout: soon\n";

            var error = Assert.Throws<CloudConfigurationException>(() => Loader.Load("c"));

            Assert.Contains("api_timeout", error.Message);
        }

        [Fact]
        public void Application_credential_cloud_is_mapped()
        {
            _env.Files[CwdClouds] = Cloud("c", "      application_credential_id: ac-id\n      application_credential_secret: ac-secret\n") +
                                    "    auth_type: v3applicationcredential\n";

            var config = Loader.Load("c");

            Assert.Equal("v3applicationcredential", config.AuthType);
            Assert.Equal("v3applicationcredential", config.NormalizedAuthType);
            Assert.Equal("ac-id", config.ApplicationCredentialId);
            Assert.Equal("ac-secret", config.ApplicationCredentialSecret);
        }

        [Fact]
        public void Auth_type_is_inferred_from_an_application_credential_secret()
        {
            _env.Files[CwdClouds] = Cloud("c", "      application_credential_name: ac\n      username: u\n      application_credential_secret: s\n");

            Assert.Equal("v3applicationcredential", Loader.Load("c").AuthType);
        }

        [Fact]
        public void Malformed_yaml_names_the_file_and_position()
        {
            _env.Files[CwdClouds] = "clouds:\n  c:\n    auth:\n      auth_url: http://k\n      password: \"hunter2\n";

            var error = Assert.Throws<CloudConfigurationException>(() => Loader.Load("c"));

            Assert.Contains(CwdClouds, error.Message);
            Assert.Matches(@"line \d+, column \d+", error.Message);
            Assert.DoesNotContain("hunter2", error.Message);
        }

        [Fact]
        public void Cloud_without_auth_url_is_a_configuration_error()
        {
            _env.Files[CwdClouds] = "clouds:\n  c:\n    auth:\n      username: u\n      password: secret-pw\n";

            var error = Assert.Throws<CloudConfigurationException>(() => Loader.Load("c"));

            Assert.Contains("auth_url", error.Message);
            Assert.DoesNotContain("secret-pw", error.Message);
        }

        [Fact]
        public void Non_scalar_password_error_does_not_quote_it()
        {
            _env.Files[CwdClouds] = Cloud("c", "      password: [secret-pw]\n");

            var error = Assert.Throws<CloudConfigurationException>(() => Loader.Load("c"));

            Assert.Contains("auth.password", error.Message);
            Assert.DoesNotContain("secret-pw", error.Message);
        }

        [Fact]
        public void Domain_name_is_the_default_user_and_project_domain_when_a_project_is_given()
        {
            _env.Files[CwdClouds] = Cloud("c", "      username: u\n      project_name: p\n      domain_name: Dom\n") +
                                    "  d:\n    auth:\n      auth_url: http://k\n      username: u\n      user_domain_name: UD\n      domain_name: Dom\n";

            var projectScoped = Loader.Load("c");
            Assert.Equal("Dom", projectScoped.UserDomainName);
            Assert.Equal("Dom", projectScoped.ProjectDomainName);
            Assert.Null(projectScoped.DomainName);

            var domainScoped = Loader.Load("d");
            Assert.Equal("Dom", domainScoped.DomainName);
            Assert.Equal("UD", domainScoped.UserDomainName);
            Assert.Null(domainScoped.ProjectDomainName);
        }

        [Fact]
        public void Relative_cacert_is_resolved_against_the_clouds_yaml_folder()
        {
            _env.Files[UserClouds] = Cloud("c", "") + "    cacert: ca/root.pem\n  d:\n    auth: {auth_url: http://k}\n    cacert: /abs/ca.pem\n";

            Assert.Equal(Path.Combine(UserDir, "ca/root.pem"), Loader.Load("c").CACertificatePath);
            Assert.Equal("/abs/ca.pem", Loader.Load("d").CACertificatePath);
        }

        [Fact]
        public void Profile_legacy_keys_and_yaml_merge_keys_are_accepted()
        {
            _env.Files[CwdClouds] = @"
base: &base
  auth_url: http://k:5000/v3
  user_domain_name: Default
clouds:
  c:
    profile: some-vendor
    auth:
      <<: *base
      tenant_name: old-style
      username: u
    endpoint_type: adminURL
".Replace("\r", "");

            var config = Loader.Load("c");

            Assert.Equal("http://k:5000/v3", config.AuthUrl);
            Assert.Equal("Default", config.UserDomainName);
            Assert.Equal("old-style", config.ProjectName);
            Assert.Equal("admin", config.Interface);
        }

        [Fact]
        public void Loads_the_clouds_yaml_written_by_the_local_cloud()
        {
            _env.Files["/var/lib/los/clouds.yaml"] = LocalCloudYaml;
            _env.Vars["OS_CLIENT_CONFIG_FILE"] = "/var/lib/los/clouds.yaml";
            _env.Vars["OS_CLOUD"] = "los-admin";

            var config = Loader.Load(null);

            Assert.Equal("los-admin", config.Name);
            Assert.Equal("/var/lib/los/clouds.yaml", config.Source);
            Assert.Equal("http://127.0.0.1:5000/v3", config.AuthUrl);
            Assert.Equal("password", config.AuthType);
            Assert.Equal("admin", config.Username);
            Assert.Equal("adminpass", config.Password);
            Assert.Equal("admin", config.ProjectName);
            Assert.Equal("Default", config.UserDomainName);
            Assert.Equal("Default", config.ProjectDomainName);
            Assert.Equal("RegionOne", config.RegionName);
            Assert.Equal("public", config.Interface);
            Assert.True(config.VerifyCertificate);
            Assert.Null(config.ApiTimeout);
            Assert.Empty(config.EndpointOverrides);
            Assert.DoesNotContain("adminpass", config.ToString());
        }

        private void SetEnv(params (string Name, string Value)[] variables)
        {
            foreach (var (name, value) in variables) _env.Vars[name] = value;
        }

        private sealed class FakeEnvironment : IConfigEnvironment
        {
            public Dictionary<string, string> Vars { get; } = new Dictionary<string, string>();
            public Dictionary<string, string> Files { get; } = new Dictionary<string, string>();

            public string? GetEnvironmentVariable(string name) => Vars.TryGetValue(name, out var value) ? value : null;
            public string HomeDirectory => Home;
            public string CurrentDirectory => Cwd;
            public bool IsWindows => false;
            public bool FileExists(string path) => Files.ContainsKey(path);
            public string ReadAllText(string path) =>
                Files.TryGetValue(path, out var text) ? text : throw new FileNotFoundException("Not found", path);
        }
    }
}
