using System.Collections.Generic;
using System.Text.Json;
using OpenStackOrchestrator.Client.Config;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.Identity
{
    /// <summary>Builds the POST /v3/auth/tokens body for the configured method and scope.</summary>
    internal static class AuthRequestBody
    {
        public static string Build(CloudConfig c)
        {
            var identity = new Dictionary<string, object>();
            var auth = new Dictionary<string, object> { ["identity"] = identity };
            switch (c.NormalizedAuthType)
            {
                case "password":
                    if (string.IsNullOrEmpty(c.Password))
                        throw new CloudConfigurationException($"Cloud '{c.Name}' has no password (password auth).");
                    var user = new Dictionary<string, object> { ["password"] = c.Password! };
                    if (!string.IsNullOrEmpty(c.UserId))
                        user["id"] = c.UserId!;
                    else if (!string.IsNullOrEmpty(c.Username))
                    {
                        user["name"] = c.Username!;
                        user["domain"] = Domain(c.UserDomainId ?? c.DomainId, c.UserDomainName ?? c.DomainName);
                    }
                    else
                        throw new CloudConfigurationException($"Cloud '{c.Name}' has neither a username nor a user id.");
                    identity["methods"] = new[] { "password" };
                    identity["password"] = new Dictionary<string, object> { ["user"] = user };
                    AddScope(auth, c);
                    break;
                case "v3applicationcredential":
                    if (string.IsNullOrEmpty(c.ApplicationCredentialSecret))
                        throw new CloudConfigurationException($"Cloud '{c.Name}' has no application credential secret.");
                    var credential = new Dictionary<string, object> { ["secret"] = c.ApplicationCredentialSecret! };
                    if (!string.IsNullOrEmpty(c.ApplicationCredentialId))
                        credential["id"] = c.ApplicationCredentialId!;
                    else if (!string.IsNullOrEmpty(c.ApplicationCredentialName) && (c.Username != null || c.UserId != null))
                    {
                        credential["name"] = c.ApplicationCredentialName!;
                        credential["user"] = c.UserId != null
                            ? new Dictionary<string, object> { ["id"] = c.UserId }
                            : new Dictionary<string, object> { ["name"] = c.Username!, ["domain"] = Domain(c.UserDomainId ?? c.DomainId, c.UserDomainName ?? c.DomainName) };
                    }
                    else
                        throw new CloudConfigurationException($"Cloud '{c.Name}' needs an application credential id (or a name with a user).");
                    identity["methods"] = new[] { "application_credential" };
                    identity["application_credential"] = credential;
                    break;
                case "token":
                    if (string.IsNullOrEmpty(c.Token))
                        throw new CloudConfigurationException($"Cloud '{c.Name}' uses token auth but has no token.");
                    identity["methods"] = new[] { "token" };
                    identity["token"] = new Dictionary<string, object> { ["id"] = c.Token! };
                    AddScope(auth, c);
                    break;
                default:
                    throw new CloudConfigurationException(
                        $"Cloud '{c.Name}' uses auth_type '{c.AuthType}'; supported: password, v3applicationcredential, token.");
            }
            return JsonSerializer.Serialize(new Dictionary<string, object> { ["auth"] = auth });
        }

        private static void AddScope(Dictionary<string, object> auth, CloudConfig c)
        {
            if (Scope(c) is Dictionary<string, object> scope)
                auth["scope"] = scope;
        }

        private static Dictionary<string, object>? Scope(CloudConfig c)
        {
            if (!string.IsNullOrEmpty(c.ProjectId))
                return new Dictionary<string, object> { ["project"] = new Dictionary<string, object> { ["id"] = c.ProjectId! } };
            if (!string.IsNullOrEmpty(c.ProjectName))
                return new Dictionary<string, object>
                {
                    ["project"] = new Dictionary<string, object>
                    {
                        ["name"] = c.ProjectName!,
                        ["domain"] = Domain(c.ProjectDomainId ?? c.DomainId, c.ProjectDomainName ?? c.DomainName),
                    },
                };
            if (!string.IsNullOrEmpty(c.DomainId) || !string.IsNullOrEmpty(c.DomainName))
                return new Dictionary<string, object> { ["domain"] = Domain(c.DomainId, c.DomainName) };
            return null;
        }

        // Keystone needs a domain with a name; "default" is the id every deployment has.
        private static Dictionary<string, object> Domain(string? id, string? name) =>
            !string.IsNullOrEmpty(id) ? new Dictionary<string, object> { ["id"] = id! }
            : !string.IsNullOrEmpty(name) ? new Dictionary<string, object> { ["name"] = name! }
            : new Dictionary<string, object> { ["id"] = "default" };
    }
}
