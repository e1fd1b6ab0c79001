using System;
using System.Collections.Generic;
using System.Text.Json;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>A Nova key pair. Nova keeps only the public key; <see cref="PrivateKey"/> is set once, on the object
    /// returned when the key pair was generated.</summary>
    public sealed class KeyPair
    {
        internal KeyPair(JsonElement json, CloudConnection cloud, string? privateKey = null)
        {
            Name = json.Str("name") ?? "";
            Fingerprint = json.Str("fingerprint");
            Type = json.Str("type") ?? "ssh";
            PublicKey = json.Str("public_key");
            PrivateKey = privateKey ?? json.Str("private_key");
            Created = json.Time("created_at");
            UserId = json.Str("user_id");
            var extension = JsonPlain.ToDictionary(json);
            extension.Remove("private_key");
            ExtensionData = extension;
            Cloud = cloud;
        }

        private KeyPair(KeyPair source)
        {
            Name = source.Name;
            Fingerprint = source.Fingerprint;
            Type = source.Type;
            PublicKey = source.PublicKey;
            Created = source.Created;
            UserId = source.UserId;
            ExtensionData = source.ExtensionData;
            Cloud = source.Cloud;
        }

        /// <summary>Nova identifies key pairs by name: Id is the name, so key pairs pipe like other objects.</summary>
        public string Id => Name;
        public string Name { get; }
        public string? Fingerprint { get; }
        /// <summary>ssh or x509.</summary>
        public string Type { get; }
        public string? PublicKey { get; }
        /// <summary>The PEM private key of a key pair just generated; null otherwise (Nova does not keep it).</summary>
        public string? PrivateKey { get; }
        /// <summary>Set when the key pair is read one at a time (Nova's list omits it).</summary>
        public DateTime? Created { get; }
        public string? UserId { get; }
        public IDictionary<string, object?> ExtensionData { get; }
        public CloudConnection Cloud { get; }

        /// <summary>The same key pair without its private key (after the key was saved to a file).</summary>
        public KeyPair WithoutPrivateKey() => new KeyPair(this);

        public override string ToString() => Name;
    }
}
