using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Flurl.Http.Testing;
using OpenStackOrchestrator.Client.Config;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Tests.TestSupport
{
    /// <summary>The recorded local cloud replayed by Flurl's HttpTest: Keystone answers with the recorded token body
    /// (its catalog points at 127.0.0.1:8774, :9292...) and fake token values token-1, token-2...</summary>
    internal sealed class FakeCloud : IDisposable
    {
        public const string AuthUrl = "http://127.0.0.1:5000/v3";
        public const string TokensUrl = AuthUrl + "/auth/tokens";
        public const string ComputeUrl = "http://127.0.0.1:8774/v2.1";
        public const string ComputeVersionUrl = ComputeUrl + "/";
        public const string ImageUrl = "http://127.0.0.1:9292";
        public const string UserName = "demo";
        public const string Password = "Pa55-w0rd-that-must-never-leak";

        public FakeCloud() => Http = new HttpTest();

        public HttpTest Http { get; }

        public static HttpSettings FastSettings() => new HttpSettings
        {
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(20),
            Timeout = TimeSpan.FromSeconds(10),
        };

        public static CloudConfig Config(string password = Password) => new CloudConfig
        {
            Name = "fake",
            AuthUrl = AuthUrl,
            Username = UserName,
            Password = password,
            UserDomainName = "Default",
            ProjectName = "demo",
            ProjectDomainName = "Default",
            RegionName = "RegionOne",
        };

        public CloudConnection Connect(HttpSettings? settings = null, string password = Password) =>
            new CloudConnection(Config(password), settings ?? FastSettings());

        /// <summary>Keystone hands out token-1, token-2... (the last one repeats), each with the given lifetime.</summary>
        public FakeCloud WithTokens(int count, DateTimeOffset? issuedAt = null, DateTimeOffset? expiresAt = null)
        {
            var setup = Http.ForCallsTo(TokensUrl).WithVerb("POST");
            for (var i = 1; i <= count; i++)
                setup.RespondWith(TokenBody(issuedAt, expiresAt), 201, new Dictionary<string, string>
                {
                    ["Content-Type"] = "application/json",
                    ["X-Subject-Token"] = "token-" + i,
                    ["x-openstack-request-id"] = "req-keystone-" + i,
                });
            return this;
        }

        public FakeCloud WithComputeVersion(string? maxVersion = null)
        {
            var body = JsonNode.Parse(Fixture.Text("compute/version.json"))!;
            if (maxVersion != null)
                body["version"]!["version"] = maxVersion;
            Http.ForCallsTo(ComputeVersionUrl).RespondWith(body.ToJsonString(), 200, JsonType);
            return this;
        }

        /// <summary>The recorded token body, with issued_at/expires_at replaced when given.</summary>
        public static string TokenBody(DateTimeOffset? issuedAt = null, DateTimeOffset? expiresAt = null)
        {
            var body = JsonNode.Parse(Fixture.Text("identity/token.json"))!;
            var token = body["token"]!;
            token["issued_at"] = (issuedAt ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ");
            token["expires_at"] = (expiresAt ?? DateTimeOffset.UtcNow.AddHours(1)).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ");
            return body.ToJsonString();
        }

        public static readonly IReadOnlyDictionary<string, string> JsonType =
            new Dictionary<string, string> { ["Content-Type"] = "application/json" };

        public IReadOnlyList<Flurl.Http.FlurlCall> CallsTo(string urlPrefix) =>
            Http.CallLog.Where(c => c.Request.Url.ToString().StartsWith(urlPrefix, StringComparison.Ordinal)).ToList();

        public static string? RequestHeader(Flurl.Http.FlurlCall call, string name) =>
            call.HttpRequestMessage.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

        public void Dispose() => Http.Dispose();
    }
}
