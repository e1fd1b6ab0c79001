using System;
using System.Collections.Generic;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Identity
{
    /// <summary>A Keystone token with its scope and catalog. The secret itself is internal and never printed.</summary>
    public sealed class Token
    {
        internal Token(string value, DateTimeOffset expiresAt, DateTimeOffset issuedAt, ServiceCatalog catalog)
        {
            Value = value;
            ExpiresAt = expiresAt;
            IssuedAt = issuedAt;
            Catalog = catalog;
        }

        internal string Value { get; }
        public DateTimeOffset ExpiresAt { get; }
        public DateTimeOffset IssuedAt { get; }
        public ServiceCatalog Catalog { get; }
        public string? UserId { get; internal set; }
        public string? UserName { get; internal set; }
        public string? UserDomainName { get; internal set; }
        public string? ProjectId { get; internal set; }
        public string? ProjectName { get; internal set; }
        public string? ProjectDomainName { get; internal set; }
        public string? DomainName { get; internal set; }
        public IReadOnlyList<string> Roles { get; internal set; } = Array.Empty<string>();

        /// <summary>The token hash as keystoneauth prints it, safe for display.</summary>
        public string Hash => SecretRedactor.HashToken(Value);

        /// <summary>True when the token expires within the margin (renew before use). The margin is the smaller
        /// of 5 minutes and a tenth of the token's lifetime, so short-lived tokens are not renewed constantly.</summary>
        public bool ExpiresWithin(DateTimeOffset now)
        {
            var lifetime = ExpiresAt - IssuedAt;
            var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(5).Ticks, Math.Max(0, lifetime.Ticks / 10)));
            return now + margin >= ExpiresAt;
        }

        public override string ToString() => Hash;
    }
}
