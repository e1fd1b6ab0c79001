using System;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>A Nova key pair. Nova keeps only the public key; <see cref="PrivateKey"/> is set once, on the object
    /// returned when the key pair was generated.</summary>
    [TableView("Name", "Type", "Fingerprint")]
    public sealed class KeyPair : OSResource
    {
        // 2.2 adds the key type, 2.35 paging; 2.92 drops server-side generation (then keys are generated here).
        public static readonly ResourceDefinition<KeyPair> Definition = new ResourceDefinition<KeyPair>
        {
            Kind = "key pair",
            ServiceType = ServiceTypes.Compute,
            Path = "/os-keypairs",
            Key = "keypair",
            CollectionKey = "keypairs",
            ListItemKey = "keypair",
            Paging = PagingStyle.Links,
            Json = ComputeJson.Default.KeyPair,
            NameFilter = null,
            IdIsName = true,
            Microversion = "2.92",
            MinimumMicroversion = "2.1",
            LimitMicroversion = "2.35",
            TypeName = "OpenStackOrchestrator.KeyPair",
        };

        /// <summary>Nova identifies key pairs by name: Id is the name, so key pairs pipe like other objects. (Nova's
        /// own numeric "id" of a key pair read one at a time stays in ExtensionData.)</summary>
        [JsonIgnore]
        [DerivedFrom("name")]
        public override string Id => Name;
        [JsonPropertyName("fingerprint")]
        public string? Fingerprint { get; init; }
        /// <summary>ssh or x509 (microversion 2.2 and later; ssh before).</summary>
        [JsonPropertyName("type")]
        public string Type { get; init => field = value ?? "ssh"; } = "ssh";
        [JsonPropertyName("public_key")]
        public string? PublicKey { get; init; }
        /// <summary>The PEM private key of a key pair just generated; null otherwise (Nova does not keep it).</summary>
        [JsonPropertyName("private_key")]
        public string? PrivateKey { get; init; }
        /// <summary>Set when the key pair is read one at a time (Nova's list omits it).</summary>
        [JsonPropertyName("created_at")]
        public DateTime? Created { get; init; }
        [JsonPropertyName("user_id")]
        public string? UserId { get; init; }

        /// <summary>The same key pair without its private key (after the key was saved to a file).</summary>
        public KeyPair WithoutPrivateKey() => WithPrivateKey(null);

        /// <summary>The same key pair with the private key generated here (Nova from 2.92 is given only the public half).</summary>
        internal KeyPair WithPrivateKey(string? privateKey) => new KeyPair
        {
            Name = Name,
            Fingerprint = Fingerprint,
            Type = Type,
            PublicKey = PublicKey,
            PrivateKey = privateKey,
            Created = Created,
            UserId = UserId,
            UnknownFields = UnknownFields,
            Cloud = Cloud,
        };

        public override string ToString() => Name;
    }
}
