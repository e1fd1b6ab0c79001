using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.ObjectStorage
{
    /// <summary>A write-through stream that checks a static large object as it is downloaded: the bytes of each
    /// segment must hash to the MD5 its manifest lists, so corruption stops the download at the segment where it is.</summary>
    internal sealed class SegmentVerifyingStream : Stream
    {
        private readonly Stream _inner;
        private readonly IReadOnlyList<SloSegment> _segments;
        private readonly string _container;
        private readonly string _name;
        private IncrementalHash _md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        private int _index;
        private long _remaining;

        public SegmentVerifyingStream(Stream inner, IReadOnlyList<SloSegment> segments, string container, string name)
        {
            _inner = inner;
            _segments = segments;
            _container = container;
            _name = name;
            _remaining = segments.Count > 0 ? segments[0].SizeBytes : 0;
            SkipEmptySegments();
        }

        /// <summary>Only whole segments can be checked by their MD5.</summary>
        public static bool CanVerify(IReadOnlyList<SloSegment> segments) => segments.All(s => !s.IsPartial);

        public long BytesWritten { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Check(buffer, offset, count);
            _inner.Write(buffer, offset, count);
        }

        public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Check(buffer, offset, count);
            await _inner.WriteAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Call after the last byte: a download that ended early is a size mismatch.</summary>
        public void Complete()
        {
            var expected = _segments.Sum(s => s.SizeBytes);
            if (BytesWritten != expected)
                throw ObjectChecksums.Mismatch(_container, _name, "download", "size", expected.ToString(), BytesWritten.ToString());
        }

        private void Check(byte[] buffer, int offset, int count)
        {
            while (count > 0)
            {
                if (_index >= _segments.Count)
                    throw ObjectChecksums.Mismatch(_container, _name, "download", "size", _segments.Sum(s => s.SizeBytes).ToString(), (BytesWritten + count) + " or more");
                var take = (int)Math.Min(count, _remaining);
                _md5.AppendData(buffer, offset, take);
                offset += take;
                count -= take;
                _remaining -= take;
                BytesWritten += take;
                if (_remaining == 0)
                    FinishSegment();
            }
        }

        private void FinishSegment()
        {
            var segment = _segments[_index];
            var actual = string.Concat(_md5.GetHashAndReset().Select(b => b.ToString("x2")));
            if (!string.Equals(actual, segment.Etag, StringComparison.OrdinalIgnoreCase))
                throw ObjectChecksums.Mismatch(_container, _name, "download", "md5", segment.Etag, actual, $"(segment {_index + 1} of {_segments.Count}, {segment.Path})");
            _index++;
            _remaining = _index < _segments.Count ? _segments[_index].SizeBytes : 0;
            SkipEmptySegments();
        }

        private void SkipEmptySegments()
        {
            while (_index < _segments.Count && _remaining == 0)
            {
                _index++;
                _remaining = _index < _segments.Count ? _segments[_index].SizeBytes : 0;
            }
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => _inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _md5.Dispose();
            base.Dispose(disposing);
        }
    }
}
