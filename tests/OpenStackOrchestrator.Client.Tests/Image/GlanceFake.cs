using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using Flurl.Http;
using OpenStackOrchestrator.Client.Tests.TestSupport;

namespace OpenStackOrchestrator.Client.Tests.Image
{
    /// <summary>Glance as HttpTest plays it. HttpTest never reads a request body, so <see cref="UploadReader"/> plays the
    /// server's side of an upload: it reads the streamed body (all of it, or only the first bytes before the
    /// connection "breaks"), which is what makes the client count bytes as sent.</summary>
    internal static class GlanceFake
    {
        public const string ImageId = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";
        public const string ImagesUrl = FakeCloud.ImageUrl + "/v2/images";
        public const string ImageUrl = ImagesUrl + "/" + ImageId;
        public const string FileUrl = ImageUrl + "/file";

        public static string ImageJson(string status, byte[]? data = null, string? md5 = null, string? sha512 = null, long? size = null,
            IDictionary<string, object?>? extra = null)
        {
            var image = new Dictionary<string, object?>
            {
                ["id"] = ImageId, ["name"] = "oso-unit", ["status"] = status, ["visibility"] = "private", ["disk_format"] = "raw",
                ["container_format"] = "bare", ["min_disk"] = 0, ["min_ram"] = 0, ["tags"] = Array.Empty<string>(), ["protected"] = false,
                ["size"] = size ?? data?.LongLength, ["checksum"] = md5 ?? (data == null ? null : Hex(MD5.HashData(data))),
                ["os_hash_algo"] = data == null && sha512 == null ? null : "sha512",
                ["os_hash_value"] = sha512 ?? (data == null ? null : Hex(SHA512.HashData(data))),
                ["self"] = "/v2/images/" + ImageId, ["file"] = "/v2/images/" + ImageId + "/file", ["schema"] = "/v2/schemas/image",
            };
            if (extra != null)
                foreach (var e in extra) image[e.Key] = e.Value;
            return JsonSerializer.Serialize(image);
        }

        public static string Hex(byte[] hash) => Convert.ToHexString(hash).ToLowerInvariant();

        public static byte[] RandomBytes(int count, int seed = 1)
        {
            var bytes = new byte[count];
            new Random(seed).NextBytes(bytes);
            return bytes;
        }

        public static HttpRequestException ConnectionReset() =>
            new HttpRequestException("An error occurred while sending the request.",
                new IOException("Unable to write data to the transport connection: Connection reset by peer.",
                    new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionReset)));
    }

    /// <summary>Reads the body of each upload call as a server would: <c>limits[i]</c> bytes of the i-th call (null:
    /// to the end), keeping what it read. Each call is read once however often HttpTest asks.</summary>
    internal sealed class UploadReader
    {
        private readonly long?[] _limits;
        private readonly ConditionalWeakTable<HttpRequestMessage, object> _read = new ConditionalWeakTable<HttpRequestMessage, object>();

        public UploadReader(params long?[] limits) => _limits = limits;

        public List<byte[]> Received { get; } = new List<byte[]>();

        public bool Read(FlurlCall call)
        {
            var message = call.HttpRequestMessage;
            if (message.Content == null || _read.TryGetValue(message, out _))
                return true;
            _read.Add(message, new object());
            var limit = Received.Count < _limits.Length ? _limits[Received.Count] : null;
            using var body = message.Content.ReadAsStream();
            using var kept = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((limit == null || kept.Length < limit) &&
                   (read = body.Read(buffer, 0, (int)Math.Min(buffer.Length, (limit ?? long.MaxValue) - kept.Length))) > 0)
                kept.Write(buffer, 0, read);
            Received.Add(kept.ToArray());
            return true;
        }
    }

    /// <summary>A stream that cannot seek (a pipe, a network source).</summary>
    internal sealed class ForwardOnlyStream : Stream
    {
        private readonly Stream _inner;
        public ForwardOnlyStream(Stream inner) => _inner = inner;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
