using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Security;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Config;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Settings;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets
{
    /// <summary>Connect-OSCloud: authenticates to a cloud from clouds.yaml, OS_* variables or parameters. -Server also takes
    /// a host or URL (Connect-VIServer -Server vcenter -User u -Password p); it never prompts in a non-interactive host.</summary>
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

        [Parameter(ParameterSetName = CloudSet)]
        [Parameter(ParameterSetName = PasswordSet)]
        [Alias("UserName")]
        [ValidateNotNullOrEmpty]
        public string? User { get; set; }

        /// <summary>A SecureString, or a plain string as PowerCLI's -Password (turned into a SecureString at binding).</summary>
        [Parameter(ParameterSetName = CloudSet)]
        [Parameter(ParameterSetName = PasswordSet)]
        [PasswordTransformation]
        [ArgumentCompleter(typeof(NoCompletion))]
        public SecureString? Password { get; set; }

        [Parameter(ParameterSetName = CloudSet)]
        [Parameter(ParameterSetName = PasswordSet)]
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
            var settings = ModuleSettings.Store.Current;
            CloudConnection connection;
            try
            {
                if (Credential != null && (User != null || Password != null))
                    throw new CloudConfigurationException("Give either -Credential, or -User and -Password, not both.");
                var config = BuildConfig();
                if (!CompleteCredentials(config))
                    return;
                connection = new CloudConnection(config, HttpSettingsFor(settings));
            }
            catch (Exception ex) when (ex is CloudConfigurationException || ex is InvalidCACertificateException)
            {
                WriteError(ErrorRecords.From(ex, ex is InvalidCACertificateException file ? file.Path : ErrorTarget));
                return;
            }

            try
            {
                WriteVerbose($"Authenticating to {connection.AuthUrl} as {connection} (timeout {connection.HttpSettings.Timeout.TotalSeconds:0.#} s, " +
                    $"{connection.HttpSettings.MaxRetries} retries, invalid certificates: {(connection.HttpSettings.VerifyCertificate ? settings.InvalidCertificateAction : InvalidCertificateAction.Ignore)}).");
                Run(ct => connection.ConnectAsync(ct));
            }
            catch (OpenStackException ex)
            {
                connection.Dispose();
                WriteError(ErrorRecords.From(ex, ErrorTarget));
                return;
            }
            var single = settings.DefaultCloudMode == DefaultCloudMode.Single;
            var kept = ConnectionRegistry.Add(this, connection, makeDefault: !NotDefault, replaceDefaults: single && !NotDefault);
            if (!ReferenceEquals(kept, connection))
            {
                WriteVerbose($"Already connected as {kept}: using that connection ({kept.Name}, {kept.Id}).");
                connection.Dispose();
            }
            if (SaveCredential != null) SavedClouds.SaveConnection(this, SaveCredential, BuildConfig(), kept);
            WriteObject(ConnectionRegistry.Typed(kept));
        }

        /// <summary>The module settings (Set-OSConfiguration) for this new connection; a cloud's api_timeout and
        /// insecure/cacert in clouds.yaml apply over them, and -TimeoutSec over both (see ApplyOverrides).</summary>
        private HttpSettings HttpSettingsFor(EffectiveSettings settings)
        {
            var http = settings.ToHttpSettings();
            if (TimeoutSec > 0)
                http.Timeout = TimeSpan.FromSeconds(TimeoutSec);
            if (settings.InvalidCertificateAction == InvalidCertificateAction.Warn)
                http.InvalidCertificateAccepted = CertificateWarnings.Report;
            return http;
        }

        // A URL with user:password@ in it is not repeated in an error.
        private string? ErrorTarget => (Cloud ?? AuthUrl) is string target && target.Contains("@") ? "(the URL given)" : Cloud ?? AuthUrl;

        private CloudConfig BuildConfig()
        {
            CloudConfig config;
            switch (ParameterSetName)
            {
                case PasswordSet:
                    config = new CloudConfig { AuthType = "password" };
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
                    if (Cloud == null || IsCloudName(loader, Cloud))
                        return ApplyOverrides(loader.Load(Cloud));
                    var authUrl = ServerAddress.ToAuthUrl(Cloud);
                    WriteVerbose($"'{Cloud}' is not a cloud in clouds.yaml: connecting to it as the auth URL {authUrl}.");
                    return FromParameters(new CloudConfig { AuthType = "password" }, authUrl);
            }
            return FromParameters(config, AuthUrl!);
        }

        private CloudConfig FromParameters(CloudConfig config, string authUrl)
        {
            config.AuthUrl = authUrl;
            config.Source = "parameters";
            config.Name = NameFromUrl(authUrl, ProjectName ?? ProjectId);
            return ApplyOverrides(config);
        }

        /// <summary>A clouds.yaml name (or envvars) as today; an unknown name that does not look like a host is an error
        /// that lists the clouds.</summary>
        private static bool IsCloudName(CloudConfigLoader loader, string value)
        {
            try
            {
                if (loader.ListCloudNames().Contains(value.Trim()))
                    return true;
            }
            catch (CloudConfigurationException) when (ServerAddress.LooksLikeAddress(value))
            {
                return false; // an unreadable clouds.yaml does not stop a connection to a host
            }
            if (ServerAddress.LooksLikeAddress(value))
                return false;
            try
            {
                loader.Load(value);
            }
            catch (CloudConfigurationException ex)
            {
                throw new CloudConfigurationException(ex.Message +
                    " -Server also takes a host name or URL (e.g. -Server keystone.example.com -User name -Password secret).");
            }
            return true;
        }

        /// <summary>Puts -Credential or -User/-Password over the configuration, and asks for what password auth still
        /// lacks when the host can ask; false (the error written) when it cannot.</summary>
        private bool CompleteCredentials(CloudConfig config)
        {
            if (Credential != null)
            {
                config.Username = Credential.UserName.TrimStart('\\');
                config.UserId = null;
                config.Password = Credential.GetNetworkCredential().Password;
            }
            if (User != null) { config.Username = User; config.UserId = null; }
            if (Password != null) config.Password = new NetworkCredential("", Password).Password;
            if (config.NormalizedAuthType != "password")
                return true;
            var needsUser = string.IsNullOrEmpty(config.Username) && string.IsNullOrEmpty(config.UserId);
            if (!needsUser && !string.IsNullOrEmpty(config.Password))
                return true;
            var what = needsUser ? "a user name and a password" : $"the password of {config.Username ?? config.UserId}";
            var parameters = needsUser ? "-User and -Password, or -Credential" : "-Password or -Credential";
            PSCredential? answer = null;
            Exception? refusal = null;
            if (InteractionErrors.MayPromptForPassword(Host))
            {
                try
                {
                    answer = Host.UI.PromptForCredential("Connect-OSCloud", $"Password for {config.AuthUrl}", config.Username ?? "", "");
                }
                catch (Exception ex) when (!(ex is PipelineStoppedException) && InteractionErrors.IsPromptRefused(ex))
                {
                    refusal = ex;
                }
            }
            if (answer == null || string.IsNullOrEmpty(answer.UserName) && needsUser)
            {
                WriteError(refusal != null || !InteractionErrors.MayPromptForPassword(Host)
                    ? InteractionErrors.CredentialNeedsInteractiveHost(what, parameters, ErrorTarget, refusal)
                    : ErrorRecords.From(new CloudConfigurationException($"Connecting needs {what}: give {parameters}."), ErrorTarget));
                return false;
            }
            if (!string.IsNullOrEmpty(answer.UserName) && (needsUser || !string.Equals(answer.UserName.TrimStart('\\'), config.Username, StringComparison.Ordinal)))
            {
                config.Username = answer.UserName.TrimStart('\\');
                config.UserId = null;
            }
            config.Password = answer.GetNetworkCredential().Password;
            return true;
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
            if (TimeoutSec > 0) config.ApiTimeout = TimeSpan.FromSeconds(TimeoutSec);
            if (CACertificatePath != null)
            {
                config.CACertificatePath = GetUnresolvedProviderPathFromPSPath(CACertificatePath);
                config.CACertificateOrigin = "-" + nameof(CACertificatePath);
            }
            return config;
        }

        private static string NameFromUrl(string authUrl, string? project)
        {
            var host = Uri.TryCreate(authUrl, UriKind.Absolute, out var uri) ? uri.Authority : authUrl;
            return project != null ? $"{host}/{project}" : host;
        }
    }
}
