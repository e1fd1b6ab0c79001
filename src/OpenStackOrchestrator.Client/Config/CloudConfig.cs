using System;
using System.Collections.Generic;

namespace OpenStackOrchestrator.Client.Config
{
    /// <summary>Everything needed to connect to one cloud, whether it came from clouds.yaml, OS_* variables or
    /// explicit parameters. Holds secrets in memory only; <see cref="ToString"/> never shows them.</summary>
    public sealed class CloudConfig
    {
        /// <summary>The cloud's name in clouds.yaml, "envvars" for OS_* variables, or a name made from the auth URL.</summary>
        public string Name { get; set; } = "";
        /// <summary>Where the configuration came from: a file path, "environment" or "parameters".</summary>
        public string Source { get; set; } = "parameters";

        public string AuthUrl { get; set; } = "";
        /// <summary>password, v3applicationcredential or token (v3password/v3token are accepted as aliases).</summary>
        public string AuthType { get; set; } = "password";

        public string? Username { get; set; }
        public string? UserId { get; set; }
        public string? Password { get; set; }
        public string? UserDomainName { get; set; }
        public string? UserDomainId { get; set; }

        public string? ProjectName { get; set; }
        public string? ProjectId { get; set; }
        public string? ProjectDomainName { get; set; }
        public string? ProjectDomainId { get; set; }
        /// <summary>Domain scope (when no project is given), or the default for user and project domains.</summary>
        public string? DomainName { get; set; }
        public string? DomainId { get; set; }

        public string? ApplicationCredentialId { get; set; }
        public string? ApplicationCredentialName { get; set; }
        public string? ApplicationCredentialSecret { get; set; }
        public string? Token { get; set; }

        public string? RegionName { get; set; }
        /// <summary>public, internal or admin.</summary>
        public string Interface { get; set; } = "public";

        public bool VerifyCertificate { get; set; } = true;
        public string? CACertificatePath { get; set; }
        /// <summary>Where <see cref="CACertificatePath"/> came from, for its errors.</summary>
        public string? CACertificateOrigin { get; set; }
        /// <summary>Per-request timeout (clouds.yaml api_timeout).</summary>
        public TimeSpan? ApiTimeout { get; set; }

        /// <summary>Service type (as in the catalog, e.g. "compute", "block-storage") to endpoint URL.</summary>
        public IDictionary<string, string> EndpointOverrides { get; private set; } =
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public string NormalizedAuthType
        {
            get
            {
                switch ((AuthType ?? "password").Trim().ToLowerInvariant())
                {
                    case "": case "password": case "v3password": return "password";
                    case "v3applicationcredential": case "applicationcredential": case "application_credential": return "v3applicationcredential";
                    case "token": case "v3token": return "token";
                    default: return AuthType!.Trim().ToLowerInvariant();
                }
            }
        }

        public CloudConfig Clone()
        {
            var copy = (CloudConfig)MemberwiseClone();
            copy.EndpointOverrides = new Dictionary<string, string>(EndpointOverrides, StringComparer.OrdinalIgnoreCase);
            return copy;
        }

        public override string ToString() =>
            $"{Name} ({AuthUrl}, user {Username ?? UserId ?? ApplicationCredentialId ?? "token"}, project {ProjectName ?? ProjectId ?? "-"})";
    }
}
