using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.ObjectStorage;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.ObjectStorage
{
    /// <summary>Temporary URLs: HMAC-SHA256 over the unescaped path, the key found on the container or the account,
    /// and the key never shown in traces.</summary>
    public class TempUrlTests
    {
        private const string Key = "s3cr3t-key";
        private const long Expires = 1795516736;
        private const string Name = "dir/a b+c%d é.txt";
        // openssl dgst -sha256 -hmac s3cr3t-key over "GET\n1795516736\n/v1/AUTH_165212a519914e96bcc22f8bf4cae8fc/web/dir/a b+c%d é.txt";
        // a URL with this signature downloaded without a token from the local Swift.
        private const string Signature = "c0f02efbc44f1d6209ca8223de10893903f7cb054ac0c3f433c4941a2bd7be5e";

        [Fact]
        public void The_signature_is_HMAC_SHA256_of_method_expiry_and_unescaped_path()
        {
            Assert.Equal(Signature, TempUrlSigner.Sign("GET", Expires, "/v1/AUTH_165212a519914e96bcc22f8bf4cae8fc/web/" + Name, Key));
            Assert.NotEqual(Signature, TempUrlSigner.Sign("PUT", Expires, "/v1/AUTH_165212a519914e96bcc22f8bf4cae8fc/web/" + Name, Key));
        }

        [Fact]
        public async Task The_container_key_signs_a_URL_with_an_escaped_path_and_the_key_is_hashed_in_the_trace()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(SwiftFake.Url("web")).WithVerb("HEAD").RespondWith("", 204, SwiftFake.Headers(("X-Container-Meta-Temp-Url-Key", Key)));
            using var cloud = await SwiftFake.ConnectAsync(fake);
            var lines = new List<string>();
            RequestTrace.Sink = lines.Add;

            var url = await cloud.ObjectStorage.CreateTempUrlAsync("web", Name, "GET", DateTimeOffset.FromUnixTimeSeconds(Expires), null, CancellationToken.None);

            RequestTrace.Sink = null;
            Assert.Equal(SwiftFake.Url("web", "dir/a%20b%2Bc%25d%20%C3%A9.txt") + "?temp_url_sig=" + Signature + "&temp_url_expires=" + Expires, url);
            Assert.Contains(lines, l => l.Contains("X-Container-Meta-Temp-Url-Key: {SHA256}"));
            Assert.DoesNotContain(lines, l => l.Contains(Key));
            Assert.DoesNotContain(fake.Http.CallLog, c => c.Request.Url.ToString() == SwiftFake.AccountUrl);
        }

        [Fact]
        public async Task Without_a_container_key_the_account_key_signs()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(SwiftFake.Url("web")).WithVerb("HEAD").RespondWith("", 204, SwiftFake.Headers());
            fake.Http.ForCallsTo(SwiftFake.AccountUrl).WithVerb("HEAD").RespondWith("", 204, SwiftFake.Headers(("X-Account-Meta-Temp-Url-Key", Key)));
            using var cloud = await SwiftFake.ConnectAsync(fake);

            var url = await cloud.ObjectStorage.CreateTempUrlAsync("web", Name, "GET", DateTimeOffset.FromUnixTimeSeconds(Expires), null, CancellationToken.None);

            Assert.Contains("temp_url_sig=" + Signature, url);
        }

        [Fact]
        public async Task Without_any_key_it_is_a_TempUrlKeyMissing_error()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(SwiftFake.Url("web")).WithVerb("HEAD").RespondWith("", 204, SwiftFake.Headers());
            fake.Http.ForCallsTo(SwiftFake.AccountUrl).WithVerb("HEAD").RespondWith("", 204, SwiftFake.Headers());
            using var cloud = await SwiftFake.ConnectAsync(fake);

            var ex = await Assert.ThrowsAsync<TempUrlKeyMissingException>(() =>
                cloud.ObjectStorage.CreateTempUrlAsync("web", Name, "GET", DateTimeOffset.UtcNow.AddHours(1), null, CancellationToken.None));

            Assert.Equal("TempUrlKeyMissing", ex.ErrorId);
        }

        [Fact]
        public async Task Setting_a_key_sends_it_only_in_the_header_and_the_trace_shows_its_hash()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(SwiftFake.Url("web")).WithVerb("HEAD").RespondWith("", 204, SwiftFake.Headers());
            fake.Http.ForCallsTo(SwiftFake.Url("web")).WithVerb("POST").RespondWith("", 204, SwiftFake.Headers());
            using var cloud = await SwiftFake.ConnectAsync(fake);
            var lines = new List<string>();
            RequestTrace.Sink = lines.Add;

            var container = await cloud.ObjectStorage.UpdateContainerAsync("web", new ContainerUpdate { TempUrlKey = Key }, CancellationToken.None);

            RequestTrace.Sink = null;
            var post = fake.CallsTo(SwiftFake.Url("web")).Single(c => c.Request.Verb == System.Net.Http.HttpMethod.Post);
            Assert.Equal(Key, FakeCloud.RequestHeader(post, "X-Container-Meta-Temp-URL-Key"));
            Assert.Contains(lines, l => l.StartsWith("REQ: ") && l.Contains("X-Container-Meta-Temp-URL-Key: " + SecretRedactor.HashToken(Key)));
            Assert.DoesNotContain(lines, l => l.Contains(Key));
            Assert.False(container.Metadata.Keys.Any(k => k.StartsWith("Temp", StringComparison.OrdinalIgnoreCase)));
        }
    }
}
