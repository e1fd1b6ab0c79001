using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Identity
{
    /// <summary>A Keystone application credential: a secret of the user's own, bound to one project and some of the
    /// user's roles, that scripts authenticate with instead of the user's password. Keystone shows the secret once,
    /// when the credential is created; it is never a public property (nor in <see cref="OSResource.ExtensionData"/>).</summary>
    [TableView("Name", "ExpiresAt", "Unrestricted", "RoleNames", "Id")]
    public sealed class ApplicationCredential : OSResource
    {
        /// <summary>The collection lives under the user: each connection lists its own user's credentials at
        /// <see cref="For"/>; this declaration (path with a {user_id} placeholder) names the resource for the
        /// cmdlets, completers and views.</summary>
        public static readonly ResourceDefinition<ApplicationCredential> Definition = For("/v3/users/{user_id}/application_credentials");

        /// <summary>The definition whose collection is <paramref name="path"/> (one user's credentials).</summary>
        internal static ResourceDefinition<ApplicationCredential> For(string path) => new ResourceDefinition<ApplicationCredential>
        {
            Kind = "application credential",
            ServiceType = ServiceTypes.Identity,
            Path = path,
            Key = "application_credential",
            CollectionKey = "application_credentials",
            Paging = PagingStyle.None,
            Json = IdentityJson.Default.ApplicationCredential,
            TypeName = "OpenStackOrchestrator.ApplicationCredential",
        };

        [JsonPropertyName("description")]
        public string? Description { get; init; }
        /// <summary>When the credential stops working (UTC); null: never.</summary>
        [JsonPropertyName("expires_at")]
        public DateTime? ExpiresAt { get; init; }
        /// <summary>True when the credential may create further application credentials and trusts.</summary>
        [DerivedFrom("unrestricted")]
        public bool Unrestricted => UnrestrictedSent ?? false;
        // Keystone answers null for a credential made without the flag.
        [JsonPropertyName("unrestricted")]
        [JsonInclude]
        internal bool? UnrestrictedSent { get; init; }
        /// <summary>The user the credential belongs to.</summary>
        [JsonPropertyName("user_id")]
        public string? UserId { get; init; }
        [JsonPropertyName("project_id")]
        public string? ProjectId { get; init; }
        /// <summary>The roles a token of this credential carries (a subset of the user's on the project).</summary>
        [JsonPropertyName("roles")]
        public IReadOnlyList<RoleReference> Roles { get; init => field = value ?? Array.Empty<RoleReference>(); } = Array.Empty<RoleReference>();
        [DerivedFrom("roles")]
        public string[] RoleNames => Roles.Select(r => r.Name ?? r.Id ?? "").ToArray();
        /// <summary>The API calls the credential is limited to; empty: every call its roles allow.</summary>
        [JsonPropertyName("access_rules")]
        public IReadOnlyList<AccessRule> AccessRules { get; init => field = value ?? Array.Empty<AccessRule>(); } = Array.Empty<AccessRule>();

        /// <summary>The secret, in the answer to a create only; internal so that no view, export or ToString shows it.</summary>
        [JsonPropertyName("secret")]
        [JsonInclude]
        internal string? Secret { get; init; }
    }

    /// <summary>A role as Keystone names it in an application credential.</summary>
    public sealed class RoleReference
    {
        [JsonPropertyName("id")]
        public string? Id { get; init; }
        [JsonPropertyName("name")]
        public string? Name { get; init; }
        [JsonPropertyName("domain_id")]
        public string? DomainId { get; init; }

        public override string ToString() => Name ?? Id ?? "";
    }

    /// <summary>One API call an application credential may make: service type, method and path (with * and ** wildcards).</summary>
    public sealed class AccessRule
    {
        [JsonPropertyName("id")]
        public string? Id { get; init; }
        [JsonPropertyName("service")]
        public string? Service { get; init; }
        [JsonPropertyName("method")]
        public string? Method { get; init; }
        [JsonPropertyName("path")]
        public string? Path { get; init; }

        public override string ToString() => $"{Service} {Method} {Path}";
    }
}
