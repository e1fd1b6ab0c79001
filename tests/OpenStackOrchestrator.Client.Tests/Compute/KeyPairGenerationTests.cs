using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Compute
{
    /// <summary>Nova generates key pairs below microversion 2.92; from 2.92 the client generates them and imports the public key.</summary>
    public class KeyPairGenerationTests
    {
        private const string KeyPairsUrl = FakeCloud.ComputeUrl + "/os-keypairs";

        private const string NovaGenerated = @"{""keypair"": {""name"": ""k"", ""type"": ""ssh"", ""user_id"": ""u1"",
            ""fingerprint"": ""aa:bb"", ""public_key"": ""ssh-rsa AAAAB3Nza Generated-by-Nova"",
            ""private_key"": ""-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n""}}";

        private const string Imported = @"{""keypair"": {""name"": ""k"", ""type"": ""ssh"", ""user_id"": ""u1"",
            ""fingerprint"": ""cc:dd"", ""public_key"": ""ssh-rsa AAAAB3Nza""}}";

        private static FakeCloud CloudAt(string maxVersion, string answer)
        {
            var fake = new FakeCloud().WithTokens(1).WithComputeVersion(maxVersion);
            fake.Http.ForCallsTo(KeyPairsUrl).WithVerb("POST").RespondWith(answer, 201, FakeCloud.JsonType);
            return fake;
        }

        private static async Task<JsonElement> PostedKeyPairAsync(FakeCloud fake) =>
            JsonDocument.Parse(await Assert.Single(fake.CallsTo(KeyPairsUrl)).HttpRequestMessage.Content!.ReadAsStringAsync()).RootElement.GetProperty("keypair");

        [Fact]
        public async Task Below_2_92_Nova_generates_the_key_and_returns_its_private_key_once()
        {
            using var fake = CloudAt("2.91", NovaGenerated);
            using var cloud = fake.Connect();

            var keyPair = await cloud.Compute.GenerateKeyPairAsync("k", CancellationToken.None);

            Assert.False((await PostedKeyPairAsync(fake)).TryGetProperty("public_key", out _));
            Assert.Equal("compute 2.91", FakeCloud.RequestHeader(fake.CallsTo(KeyPairsUrl)[0], "OpenStack-API-Version"));
            Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----", keyPair.PrivateKey);
            Assert.False(keyPair.ExtensionData.ContainsKey("private_key"));
            Assert.Null(keyPair.WithoutPrivateKey().PrivateKey);
        }

        [Fact]
        public async Task From_2_92_the_key_is_generated_here_as_RSA_4096_and_its_public_half_imported()
        {
            using var fake = CloudAt("2.93", Imported);
            using var cloud = fake.Connect();

            var keyPair = await cloud.Compute.GenerateKeyPairAsync("k", CancellationToken.None);

            var posted = (await PostedKeyPairAsync(fake)).GetProperty("public_key").GetString()!;
            Assert.Equal("compute 2.92", FakeCloud.RequestHeader(fake.CallsTo(KeyPairsUrl)[0], "OpenStack-API-Version"));
            Assert.StartsWith("ssh-rsa AAAA", posted);
            using var rsa = RSA.Create();
            rsa.ImportFromPem(keyPair.PrivateKey);
            var key = rsa.ExportParameters(false);
            Assert.Equal(4096, rsa.KeySize);
            var (exponent, modulus) = ReadSshRsa(posted);
            Assert.Equal(Unsigned(key.Exponent!), Unsigned(exponent));
            Assert.Equal(Unsigned(key.Modulus!), Unsigned(modulus));
            Assert.Equal("cc:dd", keyPair.Fingerprint);
        }

        /// <summary>e and n of an "ssh-rsa &lt;base64&gt;" line (RFC 4253: string, mpint, mpint).</summary>
        private static (byte[] Exponent, byte[] Modulus) ReadSshRsa(string line)
        {
            var blob = Convert.FromBase64String(line.Split(' ')[1]);
            var offset = 0;
            byte[] Next()
            {
                var length = (blob[offset] << 24) | (blob[offset + 1] << 16) | (blob[offset + 2] << 8) | blob[offset + 3];
                var value = blob.Skip(offset + 4).Take(length).ToArray();
                offset += 4 + length;
                return value;
            }
            Assert.Equal("ssh-rsa", System.Text.Encoding.ASCII.GetString(Next()));
            return (Next(), Next());
        }

        private static byte[] Unsigned(byte[] value) => value.SkipWhile(b => b == 0).ToArray();
    }
}
