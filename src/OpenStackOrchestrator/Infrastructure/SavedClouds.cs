using System;
using System.IO;
using System.Management.Automation;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Config;
using OpenStackOrchestrator.Client.Errors;
using YamlDotNet.RepresentationModel;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>Saves a connection as a named cloud that Connect-OSCloud and the openstack CLI (--os-cloud) use without
    /// asking for a secret: settings in clouds.yaml, the secret in the owner-only secure.yaml beside it.</summary>
    internal static class SavedClouds
    {
        /// <summary>The files the cloud goes into, as Connect-OSCloud finds them from the current location.</summary>
        public static SavedCloudFiles Locate(PSCmdlet cmdlet) =>
            SavedCloudFiles.Locate(new ProcessConfigEnvironment(cmdlet.SessionState.Path.CurrentFileSystemLocation.ProviderPath));

        /// <summary>An application credential cloud of <paramref name="cloud"/>'s endpoint settings.</summary>
        public static (YamlMappingNode Settings, YamlMappingNode Secrets) ApplicationCredential(CloudConnection cloud, string credentialId, string secret)
        {
            var auth = new YamlMappingNode
            {
                { "auth_url", CloudsYamlEditor.Text(cloud.AuthUrl) },
                { "application_credential_id", CloudsYamlEditor.Text(credentialId) },
            };
            return (Settings(cloud, "v3applicationcredential", auth), Secrets("application_credential_secret", secret));
        }

        /// <summary>The cloud <paramref name="config"/> describes (password or application credential), at
        /// <paramref name="cloud"/>'s endpoint settings; a token cannot be saved (it expires).</summary>
        public static (YamlMappingNode Settings, YamlMappingNode Secrets) FromConfig(CloudConfig config, CloudConnection cloud)
        {
            var auth = new YamlMappingNode { { "auth_url", CloudsYamlEditor.Text(cloud.AuthUrl) } };
            void Add(string key, string? value)
            {
                if (!string.IsNullOrEmpty(value))
                    auth.Add(key, CloudsYamlEditor.Text(value!));
            }
            switch (config.NormalizedAuthType)
            {
                case "password":
                    Add("username", config.UserId == null ? config.Username : null);
                    Add("user_id", config.UserId);
                    Add("user_domain_name", config.UserDomainId == null ? config.UserDomainName : null);
                    Add("user_domain_id", config.UserDomainId);
                    Add("project_name", config.ProjectId == null ? config.ProjectName : null);
                    Add("project_id", config.ProjectId);
                    Add("project_domain_name", config.ProjectDomainId == null ? config.ProjectDomainName : null);
                    Add("project_domain_id", config.ProjectDomainId);
                    Add("domain_name", config.DomainId == null ? config.DomainName : null);
                    Add("domain_id", config.DomainId);
                    return (Settings(cloud, "password", auth), Secrets("password", config.Password ?? ""));
                case "v3applicationcredential":
                    Add("application_credential_id", config.ApplicationCredentialId);
                    Add("application_credential_name", config.ApplicationCredentialId == null ? config.ApplicationCredentialName : null);
                    if (config.ApplicationCredentialId == null)
                    {
                        Add("username", config.Username);
                        Add("user_id", config.UserId);
                        Add("user_domain_name", config.UserDomainName);
                        Add("user_domain_id", config.UserDomainId);
                    }
                    return (Settings(cloud, "v3applicationcredential", auth), Secrets("application_credential_secret", config.ApplicationCredentialSecret ?? ""));
                default:
                    throw new CloudConfigurationException(
                        $"Connection '{cloud.Name}' uses a {config.NormalizedAuthType} login, which cannot be saved (a token expires): connect with a password or an application credential, or use New-OSApplicationCredential -SaveAs.");
            }
        }

        /// <summary>Writes the cloud; false (the error written, naming the target) when it could not be.</summary>
        public static bool TrySave(OSCmdlet cmdlet, SavedCloudFiles files, string name, YamlMappingNode settings, YamlMappingNode secrets, bool force)
        {
            try
            {
                files.Save(name, settings, secrets, force);
            }
            catch (Exception ex) when (ex is OpenStackException || ex is IOException || ex is UnauthorizedAccessException)
            {
                cmdlet.WriteError(Error(ex, name));
                return false;
            }
            cmdlet.WriteVerbose($"Saved cloud '{name}': settings in {files.CloudsFile}, secret in {files.SecureFile} (owner-only).");
            return true;
        }

        /// <summary>Connect-OSCloud -SaveCredential: the connection just made, saved under <paramref name="name"/>.</summary>
        public static void SaveConnection(OSCmdlet cmdlet, string name, CloudConfig config, CloudConnection cloud)
        {
            try
            {
                var files = Locate(cmdlet);
                var (settings, secrets) = FromConfig(config, cloud);
                TrySave(cmdlet, files, name, settings, secrets, force: false);
            }
            catch (OpenStackException ex)
            {
                cmdlet.WriteError(Error(ex, name));
            }
        }

        public static ErrorRecord Error(Exception ex, string name) =>
            ex is SavedCloudExistsException exists ? new ErrorRecord(exists, exists.ErrorId, ErrorCategory.ResourceExists, name)
            : ex is OpenStackException ? ErrorRecords.From(ex, name)
            : new ErrorRecord(ex, "SavedCloudNotWritten", ErrorCategory.WriteError, name);

        private static YamlMappingNode Settings(CloudConnection cloud, string authType, YamlMappingNode auth)
        {
            var settings = new YamlMappingNode { { "auth_type", CloudsYamlEditor.Text(authType) }, { "auth", auth } };
            if (!string.IsNullOrEmpty(cloud.Region))
                settings.Add("region_name", CloudsYamlEditor.Text(cloud.Region!));
            settings.Add("interface", CloudsYamlEditor.Text(cloud.Interface));
            settings.Add("identity_api_version", CloudsYamlEditor.Text("3"));
            if (!cloud.HttpSettings.VerifyCertificate)
                settings.Add("verify", CloudsYamlEditor.Boolean(false));
            if (!string.IsNullOrEmpty(cloud.HttpSettings.CACertificatePath))
                settings.Add("cacert", CloudsYamlEditor.Text(cloud.HttpSettings.CACertificatePath!));
            return settings;
        }

        private static YamlMappingNode Secrets(string key, string secret) =>
            new YamlMappingNode { { "auth", new YamlMappingNode { { key, CloudsYamlEditor.Secret(secret) } } } };
    }
}
