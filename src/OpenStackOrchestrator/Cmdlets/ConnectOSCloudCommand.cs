using System;
using System.Management.Automation;
using System.Net;
using System.Security;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Config;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets
{
    /// <summary>Connect-OSCloud: authenticates to a cloud from clouds.yaml, OS_* variables or parameters.</summary>
    [Cmdlet(VerbsCommunications.Connect, "OSCloud", DefaultParameterSetName = CloudSet)]
    [OutputType(typeof(CloudConnection))]
    public sealed class ConnectOSCloudCommand : OSCmdlet
    {
        private const string CloudSet = "Cloud";
        private const string PasswordSet = "Password";
        private const string ApplicationCredentialSet = "ApplicationCredential";

        [Parameter(ParameterSetName = CloudSet, Position = 0)]
        [Alias("Server")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CloudsYamlNameCompleter))]
        public string? Cloud { get; set; }

        [Parameter(ParameterSetName = PasswordSet, Mandatory = true)]
        [Parameter(ParameterSetName = ApplicationCredentialSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? AuthUrl { get; set; }

        [Parameter(ParameterSetName = PasswordSet, Mandatory = true)]
        [Credential]
        public PSCredential? Credential { get; set; }

        [Parameter(ParameterSetName = ApplicationCredentialSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? ApplicationCredentialId { get; set; }

        [Parameter(ParameterSetName = ApplicationCredentialSet, Mandatory = true)]
        public SecureString? ApplicationCredentialSecret { get; set; }

        [Parameter(ParameterSetName = CloudSet)]
        [Parameter(ParameterSetName = PasswordSet)]
        public string? ProjectName { get; set; }

        [Parameter(ParameterSetName = CloudSet)]
        [Parameter(ParameterSetName = PasswordSet)]
        public string? ProjectId { get; set; }

        [Parameter(ParameterSetName = CloudSet)]
        [Parameter(ParameterSetName = PasswordSet)]
        public string? ProjectDomainName { get; set; }

        [Parameter(ParameterSetName = CloudSet)]
        [Parameter(ParameterSetName = PasswordSet)]
        public string? UserDomainName { get; set; }

        [Parameter]
        public string? Region { get; set; }

        [Parameter]
        [ValidateSet("public", "internal", "admin")]
        public string? Interface { get; set; }

        [Parameter]
        public SwitchParameter SkipCertificateCheck { get; set; }

        [Parameter]
        public string? CACertificatePath { get; set; }

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; }

        /// <summary>Keeps the connection out of $DefaultOSClouds/$DefaultOSCloud.</summary>
        [Parameter]
        public SwitchParameter NotDefault { get; set; }

        /// <summary>Saves the connection as this cloud (clouds.yaml, the secret in secure.yaml) for unattended use.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SaveCredential { get; set; }

        protected override void ProcessRecord()
        {
            CloudConnection connection;
            try
            {
                var config = BuildConfig();
                var settings = new HttpSettings();
                if (TimeoutSec > 0)
                    settings.Timeout = TimeSpan.FromSeconds(TimeoutSec);
                connection = new CloudConnection(config, settings);
            }
            catch (CloudConfigurationException ex)
            {
                WriteError(ErrorRecords.From(ex, Cloud ?? AuthUrl));
                return;
            }

            try
            {
                WriteVerbose($"Authenticating to {connection.AuthUrl} as {connection}.");
                Run(ct => connection.ConnectAsync(ct));
            }
            catch (OpenStackException ex)
            {
                connection.Dispose();
                WriteError(ErrorRecords.From(ex, Cloud ?? AuthUrl));
                return;
            }
            var kept = ConnectionRegistry.Add(this, connection, makeDefault: !NotDefault);
            if (!ReferenceEquals(kept, connection))
            {
                WriteVerbose($"Already connected as {kept}: using that connection ({kept.Name}, {kept.Id}).");
                connection.Dispose();
            }
            if (SaveCredential != null) SavedClouds.SaveConnection(this, SaveCredential, BuildConfig(), kept);
            WriteObject(ConnectionRegistry.Typed(kept));
        }

        private CloudConfig BuildConfig()
        {
            CloudConfig config;
            switch (ParameterSetName)
            {
                case PasswordSet:
                    var network = Credential!.GetNetworkCredential();
                    config = new CloudConfig
                    {
                        AuthType = "password",
                        Username = Credential.UserName.TrimStart('\\'),
                        Password = network.Password,
                    };
                    break;
                case ApplicationCredentialSet:
                    config = new CloudConfig
                    {
                        AuthType = "v3applicationcredential",
                        ApplicationCredentialId = ApplicationCredentialId,
                        ApplicationCredentialSecret = new NetworkCredential("", ApplicationCredentialSecret).Password,
                    };
                    break;
                default:
                    var loader = new CloudConfigLoader(new ProcessConfigEnvironment(SessionState.Path.CurrentFileSystemLocation.ProviderPath));
                    return ApplyOverrides(loader.Load(Cloud));
            }
            config.AuthUrl = AuthUrl!;
            config.Source = "parameters";
            config.Name = NameFromUrl(AuthUrl!, ProjectName ?? ProjectId);
            return ApplyOverrides(config);
        }

        private CloudConfig ApplyOverrides(CloudConfig config)
        {
            if (ProjectName != null) { config.ProjectName = ProjectName; config.ProjectId = null; }
            if (ProjectId != null) { config.ProjectId = ProjectId; config.ProjectName = null; }
            if (ProjectDomainName != null) { config.ProjectDomainName = ProjectDomainName; config.ProjectDomainId = null; }
            if (UserDomainName != null) { config.UserDomainName = UserDomainName; config.UserDomainId = null; }
            if (Region != null) config.RegionName = Region;
            if (Interface != null) config.Interface = Interface;
            if (SkipCertificateCheck) config.VerifyCertificate = false;
            if (CACertificatePath != null) config.CACertificatePath = GetUnresolvedProviderPathFromPSPath(CACertificatePath);
            return config;
        }

        private static string NameFromUrl(string authUrl, string? project)
        {
            var host = Uri.TryCreate(authUrl, UriKind.Absolute, out var uri) ? uri.Authority : authUrl;
            return project != null ? $"{host}/{project}" : host;
        }
    }
}
