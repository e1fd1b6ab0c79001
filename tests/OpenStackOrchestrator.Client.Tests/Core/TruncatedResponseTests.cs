using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Flurl.Http.Testing;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Core
{
    /// <summary>An answer whose body breaks off after its headers: its own error, with the request id the headers carried;
    /// a GET is asked for again, a POST never.</summary>
    public class TruncatedResponseTests
    {
        internal const string Body = "{\"servers\": [{\"id\": \"cbd634ce-c327-48e7-83be-a4c55b9e83e7\", \"name\": \"vm1\"}]}";

        private static readonly Dictionary<string, string> Headers = new Dictionary<string, string>
        {
            ["Content-Type"] = "application/json",
            ["x-compute-request-id"] = "req-3f1c9a2e-0000-4000-8000-000000000001",
        };

        /// <summary>Content that announces <see cref="Body"/>'s length and then fails halfway, as a closed connection does.</summary>
        internal static HttpContent CutOff() => new CutOffContent(System.Text.Encoding.UTF8.GetBytes(Body));

        [Fact]
        public async Task A_GET_whose_body_breaks_off_is_retried_then_reported_with_its_request_id()
        {
            using var http = new HttpTest();
            http.RespondWith(CutOff, 200, Headers).RespondWith(CutOff, 200, Headers).RespondWith(CutOff, 200, Headers).RespondWith(CutOff, 200, Headers);
            var settings = FakeCloud.FastSettings();
            settings.MaxRetries = 3;
            using var transport = new HttpTransport(settings);

            var ex = await Assert.ThrowsAsync<TruncatedResponseException>(() => transport.GetAsync());

            http.ShouldHaveCalled(TransportCall.ServersUrl).Times(4);
            Assert.Equal("TruncatedResponse", ex.ErrorId);
            Assert.Equal("req-3f1c9a2e-0000-4000-8000-000000000001", ex.RequestId);
            Assert.Equal(200, ex.StatusCode);
            Assert.Equal(Body.Length / 2, ex.BytesReceived);
            Assert.Equal(Body.Length, ex.ExpectedBytes);
            Assert.Contains("(request id req-3f1c9a2e-0000-4000-8000-000000000001)", ex.Message);
            Assert.Contains($"broke off after {Body.Length / 2} of {Body.Length} bytes", ex.Message);
        }

        [Fact]
        public async Task A_GET_whose_body_broke_off_once_succeeds_on_the_retry()
        {
            using var http = new HttpTest();
            http.RespondWith(CutOff, 200, Headers).RespondWith(Body, 200, Headers);
            using var transport = new HttpTransport(FakeCloud.FastSettings());

            var response = await transport.GetAsync();

            Assert.Equal(Body, response.Body);
            http.ShouldHaveCalled(TransportCall.ServersUrl).Times(2);
        }

        [Fact]
        public async Task A_POST_whose_body_breaks_off_is_not_sent_again()
        {
            using var http = new HttpTest();
            http.RespondWith(CutOff, 202, Headers).RespondWith(Body, 202, Headers);
            using var transport = new HttpTransport(FakeCloud.FastSettings());

            var ex = await Assert.ThrowsAsync<TruncatedResponseException>(() => transport.PostAsync());

            http.ShouldHaveCalled(TransportCall.CreateServerUrl).Times(1);
            Assert.Equal(202, ex.StatusCode);
            Assert.Equal("POST", ex.Method);
            Assert.Contains("was not sent again", ex.Message);
        }

        [Fact]
        public async Task A_download_cut_off_after_some_bytes_keeps_its_request_id_and_is_not_retried()
        {
            using var http = new HttpTest();
            http.RespondWith(CutOff, 200, Headers).RespondWith(Body, 200, Headers);
            using var transport = new HttpTransport(FakeCloud.FastSettings());
            using var destination = new MemoryStream();

            var ex = await Assert.ThrowsAsync<TruncatedResponseException>(() => transport.ReceiveStreamAsync(HttpMethod.Get, TransportCall.ServersUrl,
                new Dictionary<string, string>(), destination, null, "image", System.Threading.CancellationToken.None));

            http.ShouldHaveCalled(TransportCall.ServersUrl).Times(1);
            Assert.Equal(Body.Length / 2, destination.Length);
            Assert.Equal("req-3f1c9a2e-0000-4000-8000-000000000001", ex.RequestId);
            Assert.Contains("those bytes cannot be received again", ex.Message);
        }

        private sealed class CutOffContent : HttpContent
        {
            private readonly byte[] _body;

            public CutOffContent(byte[] body)
            {
                _body = body;
                Headers.ContentLength = body.Length;
            }

            protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new CutOffStream(_body));

            protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
            {
                using var source = new CutOffStream(_body);
                await source.CopyToAsync(stream).ConfigureAwait(false);
            }

            protected override bool TryComputeLength(out long length)
            {
                length = _body.Length;
                return true;
            }
        }

        /// <summary>Gives the first half of the bytes, then fails the way SocketsHttpHandler does when the peer closes.</summary>
        private sealed class CutOffStream : MemoryStream
        {
            private readonly int _half;

            public CutOffStream(byte[] body) : base(body) => _half = body.Length / 2;

            public override int Read(byte[] buffer, int offset, int count)
            {
                if (Position >= _half)
                    throw new IOException("The response ended prematurely. (ResponseEnded)");
                return base.Read(buffer, offset, (int)Math.Min(count, _half - Position));
            }

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, System.Threading.CancellationToken cancellationToken) =>
                Task.FromResult(Read(buffer, offset, count));

#if NET
            public override ValueTask<int> ReadAsync(Memory<byte> buffer, System.Threading.CancellationToken cancellationToken = default)
            {
                var array = new byte[buffer.Length];
                var read = Read(array, 0, array.Length);
                array.AsSpan(0, read).CopyTo(buffer.Span);
                return new ValueTask<int>(read);
            }
#endif
        }
    }
}
