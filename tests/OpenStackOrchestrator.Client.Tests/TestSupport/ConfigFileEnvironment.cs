using OpenStackOrchestrator.Client.Config;

namespace OpenStackOrchestrator.Client.Tests.TestSupport
{
    /// <summary>The real file system with OS_CLIENT_CONFIG_FILE pointing at one file and no other OS_* variable,
    /// so the loaded cloud does not depend on the environment the tests run in.</summary>
    internal sealed class ConfigFileEnvironment : IConfigEnvironment
    {
        private readonly ProcessConfigEnvironment _process = new ProcessConfigEnvironment();
        private readonly string _cloudsYaml;

        public ConfigFileEnvironment(string cloudsYaml) => _cloudsYaml = cloudsYaml;

        public string? GetEnvironmentVariable(string name) =>
            name == "OS_CLIENT_CONFIG_FILE" ? _cloudsYaml : name.StartsWith("OS_") ? null : _process.GetEnvironmentVariable(name);

        public string HomeDirectory => _process.HomeDirectory;
        public string CurrentDirectory => _process.CurrentDirectory;
        public bool IsWindows => _process.IsWindows;
        public bool FileExists(string path) => _process.FileExists(path);
        public string ReadAllText(string path) => _process.ReadAllText(path);

        public static CloudConfig Load(string cloudsYaml, string cloud) =>
            new CloudConfigLoader(new ConfigFileEnvironment(cloudsYaml)).Load(cloud);
    }
}
