using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace OpenStackOrchestrator.Client.ObjectStorage
{
    /// <summary>A read-only window [offset, offset + length) of a seekable stream, seen as a stream of its own that
    /// starts at 0, so that a segment upload can be retried from its start.</summary>
    internal sealed class FileSegmentStream : Stream
    {
        private readonly Stream _inner;
        private readonly long _offset;
        private long _position;

        public FileSegmentStream(Stream inner, long offset, long length)
        {
            _inner = inner;
            _offset = offset;
            Length = length;
            _inner.Seek(offset, SeekOrigin.Begin);
        }

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length { get; }

        public override long Position
        {
            get => _position;
            set => Seek(value, SeekOrigin.Begin);
        }

        public override int Read(byte[] buffer, int offset, int count) => Advance(_inner.Read(buffer, offset, Allowed(count)));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Advance(await _inner.ReadAsync(buffer, offset, Allowed(count), cancellationToken).ConfigureAwait(false));

        private int Allowed(int count) => (int)Math.Min(count, Length - _position);

        private int Advance(int read)
        {
            _position += read;
            return read;
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            var target = origin == SeekOrigin.Begin ? offset : origin == SeekOrigin.Current ? _position + offset : Length + offset;
            if (target < 0 || target > Length)
                throw new ArgumentOutOfRangeException(nameof(offset));
            _inner.Seek(_offset + target, SeekOrigin.Begin);
            _position = target;
            return target;
        }

        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
