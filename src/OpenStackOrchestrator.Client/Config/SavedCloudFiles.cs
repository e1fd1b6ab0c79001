using System;
using System.IO;
using System.Linq;
using OpenStackOrchestrator.Client.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OpenStackOrchestrator.Client.Config
{
    /// <summary>The clouds.yaml and secure.yaml a saved cloud goes into: the files <see cref="CloudConfigLoader"/> (and
    /// openstacksdk, so the openstack CLI) will read it from. The cloud's settings go into clouds.yaml, its secret
    /// into secure.yaml, which is owner-only before the secret is written.</summary>
    public sealed class SavedCloudFiles
    {
        private SavedCloudFiles(string cloudsFile, string secureFile)
        {
            CloudsFile = cloudsFile;
            SecureFile = secureFile;
        }

        public string CloudsFile { get; }
        public string SecureFile { get; }

        /// <summary>clouds.yaml: OS_CLIENT_CONFIG_FILE, else the first one found, else a new ~/.config/openstack/clouds.yaml.
        /// secure.yaml: OS_CLIENT_SECURE_FILE, else the first one found, else one beside clouds.yaml. openstacksdk looks
        /// for secure.yaml only in its search folders (not beside OS_CLIENT_CONFIG_FILE), so a clouds.yaml outside them
        /// with no secure.yaml anywhere is an error that says to set OS_CLIENT_SECURE_FILE.</summary>
        public static SavedCloudFiles Locate(IConfigEnvironment environment)
        {
            var loader = new CloudConfigLoader(environment);
            var folders = loader.SearchDirectories();
            var cloudsFile = loader.Variable("OS_CLIENT_CONFIG_FILE") != null ? loader.CandidateFiles()[0]
                : loader.FirstExistingFile(loader.CandidateFiles())
                  ?? Path.Combine(environment.HomeDirectory, ".config", "openstack", "clouds.yaml");
            var secureFile = loader.Variable("OS_CLIENT_SECURE_FILE") != null ? loader.SecureCandidateFiles()[0]
                : loader.FirstExistingFile(loader.SecureCandidateFiles());
            if (secureFile == null)
            {
                var folder = Path.GetDirectoryName(Path.GetFullPath(cloudsFile))!;
                var comparison = environment.IsWindows ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
                if (!folders.Any(f => string.Equals(Path.GetFullPath(f).TrimEnd(Path.DirectorySeparatorChar), folder.TrimEnd(Path.DirectorySeparatorChar), comparison)))
                    throw new CloudConfigurationException(
                        $"The secret cannot go beside {cloudsFile}: the openstack CLI and Connect-OSCloud look for secure.yaml only in " +
                        $"{string.Join(", ", folders)} or at OS_CLIENT_SECURE_FILE. Set OS_CLIENT_SECURE_FILE (for example to " +
                        $"{Path.Combine(folder, "secure.yaml")}) and try again.");
                secureFile = Path.Combine(folder, "secure.yaml");
            }
            return new SavedCloudFiles(cloudsFile, secureFile);
        }

        /// <summary>Throws <see cref="SavedCloudExistsException"/> when either file already has the cloud.</summary>
        public void EnsureFree(string name)
        {
            foreach (var file in new[] { CloudsFile, SecureFile })
            {
                bool saved;
                try { saved = CloudsYamlEditor.HasCloud(Read(file), name); }
                catch (YamlException e) { throw new CloudConfigurationException($"{file} is not valid YAML (line {e.Start.Line}): it was left as it is.", e); }
                if (saved)
                    throw new SavedCloudExistsException(name, file);
            }
        }

        /// <summary>Writes clouds: <paramref name="name"/> into both files: secure.yaml first (owner-only), then
        /// clouds.yaml; when clouds.yaml cannot be written, secure.yaml is put back as it was.</summary>
        public void Save(string name, YamlMappingNode settings, YamlMappingNode secrets, bool force)
        {
            if (!force)
                EnsureFree(name);
            var oldSecure = Read(SecureFile);
            var oldClouds = Read(CloudsFile);
            var newSecure = Edit(oldSecure, SecureFile, name, secrets);
            var newClouds = Edit(oldClouds, CloudsFile, name, settings);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(SecureFile))!);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(CloudsFile))!);
            PrivateFile.WriteAllText(SecureFile, newSecure);
            try
            {
                // In place: an existing clouds.yaml keeps its owner and permissions.
                File.WriteAllText(CloudsFile, newClouds, new System.Text.UTF8Encoding(false));
            }
            catch
            {
                if (oldSecure == null)
                    File.Delete(SecureFile);
                else
                    PrivateFile.WriteAllText(SecureFile, oldSecure);
                throw;
            }
        }

        private static string Edit(string? text, string file, string name, YamlMappingNode entry)
        {
            try
            {
                return CloudsYamlEditor.SetCloud(text, name, entry);
            }
            catch (YamlException e)
            {
                throw new CloudConfigurationException($"{file} is not valid YAML (line {e.Start.Line}): it was left as it is.", e);
            }
        }

        private static string? Read(string file)
        {
            try
            {
                return File.Exists(file) ? File.ReadAllText(file) : null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new CloudConfigurationException($"Could not read {file}: {e.Message}", e);
            }
        }
    }
}
