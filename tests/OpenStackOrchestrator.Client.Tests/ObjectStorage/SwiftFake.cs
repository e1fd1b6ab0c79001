using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Flurl.Http;
using OpenStackOrchestrator.Client.Tests.TestSupport;

namespace OpenStackOrchestrator.Client.Tests.ObjectStorage
{
    /// <summary>Swift as HttpTest plays it: the recorded token's object-store endpoint, /info, and a reader that
    /// consumes upload bodies as the server would (HttpTest never reads them, and the client only counts and hashes
    /// bytes that were read).</summary>
    internal static class SwiftFake
    {
        public const string AccountUrl = "http://127.0.0.1:8080/v1/AUTH_165212a519914e96bcc22f8bf4cae8fc";
        public const string InfoUrl = "http://127.0.0.1:8080/info";
        public const string InfoWithoutBulk = "{\"swift\": {\"max_file_size\": 5368709122}, \"slo\": {\"max_manifest_segments\": 1000}, \"tempurl\": {}}";
        public const string InfoWithBulk = "{\"swift\": {}, \"slo\": {}, \"tempurl\": {}, \"bulk_delete\": {\"max_deletes_per_request\": 10000}}";

        public static string Url(string container, string? name = null) => AccountUrl + "/" + container + (name == null ? "" : "/" + name);

        public static async Task<CloudConnection> ConnectAsync(FakeCloud fake, string info = InfoWithoutBulk)
        {
            fake.Http.ForCallsTo(InfoUrl).RespondWith(info, 200, FakeCloud.JsonType);
            var cloud = fake.Connect();
            await cloud.ConnectAsync(CancellationToken.None);
            return cloud;
        }

        public static string Md5(byte[] data) => Convert.ToHexString(MD5.HashData(data)).ToLowerInvariant();

        public static Dictionary<string, string> Headers(params (string Name, string Value)[] headers)
        {
            var result = new Dictionary<string, string> { ["X-Trans-Id"] = "tx-fake" };
            foreach (var (name, value) in headers)
                result[name] = value;
            return result;
        }

        public static byte[] RandomBytes(int count, int seed = 7)
        {
            var bytes = new byte[count];
            new Random(seed).NextBytes(bytes);
            return bytes;
        }
    }

    /// <summary>Reads each request body once, keeping it by URL (without the query).</summary>
    internal sealed class BodyReader
    {
        private readonly ConditionalWeakTable<HttpRequestMessage, object> _read = new ConditionalWeakTable<HttpRequestMessage, object>();

        public ConcurrentDictionary<string, byte[]> Bodies { get; } = new ConcurrentDictionary<string, byte[]>();

        public bool Read(FlurlCall call)
        {
            var message = call.HttpRequestMessage;
            lock (_read)
            {
                if (message.Content == null || _read.TryGetValue(message, out _))
                    return true;
                _read.Add(message, new object());
            }
            using var body = message.Content.ReadAsStream();
            using var kept = new MemoryStream();
            body.CopyTo(kept);
            Bodies[call.Request.Url.ToString().Split('?')[0]] = kept.ToArray();
            return true;
        }
    }
}
