using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace OpenStackOrchestrator.Client.Tests.Image
{
    /// <summary>A response body made up on the fly (never held in memory): <see cref="Length"/> deterministic bytes
    /// served at most <see cref="ChunkSize"/> at a time, optionally slowly, optionally stalling after some bytes.</summary>
    internal sealed class GeneratedStream : Stream
    {
        public const int ChunkSize = 64 * 1024;
        private readonly long _length;
        private readonly TimeSpan _delayPerChunk;
        private readonly long? _stallAfter;
        private long _position;

        public GeneratedStream(long length, TimeSpan delayPerChunk = default, long? stallAfter = null)
        {
            _length = length;
            _delayPerChunk = delayPerChunk;
            _stallAfter = stallAfter;
        }

        public int Reads { get; private set; }
        public int LargestRead { get; private set; }

        public static byte ByteAt(long i) => (byte)(i * 31 + (i >> 11));

        public static byte[] Expected(long length)
        {
            var bytes = new byte[length];
            for (long i = 0; i < length; i++) bytes[i] = ByteAt(i);
            return bytes;
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            if (_stallAfter.HasValue && _position >= _stallAfter.Value)
                await Task.Delay(Timeout.Infinite, cancellationToken);
            if (_delayPerChunk > TimeSpan.Zero)
                await Task.Delay(_delayPerChunk, cancellationToken);
            return Read(buffer, offset, count);
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(Math.Min(count, ChunkSize), _length - _position);
            for (var i = 0; i < n; i++) buffer[offset + i] = ByteAt(_position + i);
            _position += n;
            Reads++;
            LargestRead = Math.Max(LargestRead, n);
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A destination that keeps nothing: it counts the bytes, the writes and the largest write.</summary>
    internal sealed class CountingSink : Stream
    {
        public long Bytes { get; private set; }
        public int Writes { get; private set; }
        public int LargestWrite { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Bytes += count;
            Writes++;
            LargestWrite = Math.Max(LargestWrite, count);
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Bytes;
        public override long Position { get => Bytes; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
