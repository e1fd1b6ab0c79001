using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>A request body read from a stream as it is sent (an image upload), never buffered whole.
    /// It counts the bytes handed to the connection: once some were sent, the request can only be sent again when
    /// the stream can seek back to where it started.</summary>
    public sealed class StreamBody
    {
        private readonly long _start;

        /// <param name="content">Read from its current position to its end; not disposed.</param>
        /// <param name="contentType">For example application/octet-stream.</param>
        /// <param name="length">Sent as Content-Length when known (else the body is chunked).</param>
        /// <param name="progress">Called with the bytes sent so far in the current attempt, after each chunk.</param>
        public StreamBody(Stream content, string contentType, long? length = null, Action<long>? progress = null)
        {
            Content = content ?? throw new ArgumentNullException(nameof(content));
            ContentType = contentType;
            Length = length ?? (content.CanSeek ? content.Length - content.Position : (long?)null);
            Progress = progress;
            _start = content.CanSeek ? content.Position : 0;
        }

        public Stream Content { get; }
        public string ContentType { get; }
        public long? Length { get; }
        public Action<long>? Progress { get; }

        /// <summary>Bytes read from <see cref="Content"/> and handed to the connection by the current attempt.</summary>
        public long BytesSent { get; private set; }

        /// <summary>How many times the body was started again from the beginning (retries, re-authentication).</summary>
        public int Rewinds { get; private set; }

        /// <summary>True while sending again is safe: nothing was sent yet, or the stream can be rewound.</summary>
        public bool CanResend => BytesSent == 0 || Content.CanSeek;

        internal string Describe() => Length.HasValue ? $"<stream: {Length.Value} bytes>" : "<stream: chunked>";

        /// <summary>Back to the start before another attempt (a no-op when nothing was sent).</summary>
        internal void Rewind()
        {
            if (BytesSent == 0)
                return;
            if (!Content.CanSeek)
                throw new InvalidOperationException("The upload stream cannot be rewound: it was already partly sent.");
            Content.Seek(_start, SeekOrigin.Begin);
            BytesSent = 0;
            Rewinds++;
        }

        /// <summary>The HttpContent of one attempt: <see cref="StreamContent"/> over a counting view of the stream.</summary>
        internal HttpContent CreateContent(Action onChunk)
        {
            var counting = new CountingReadStream(Content, read =>
            {
                BytesSent += read;
                onChunk();
                Progress?.Invoke(BytesSent);
            });
            var content = new StreamContent(counting, BufferSize);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
            if (Length.HasValue)
                content.Headers.ContentLength = Length.Value;
            return content;
        }

        // Large enough for few system calls per megabyte, small enough for smooth progress.
        internal const int BufferSize = 128 * 1024;
    }
}
