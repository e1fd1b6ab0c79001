using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>A forward-only, read-only view of a stream that reports each chunk read. It does not own the inner
    /// stream (disposing it leaves the inner stream open) and does not seek: rewinding is the caller's decision.</summary>
    internal sealed class CountingReadStream : ReadOnlyForwardStream
    {
        private readonly Stream _inner;
        private readonly Action<int> _onRead;

        public CountingReadStream(Stream inner, Action<int> onRead)
        {
            _inner = inner;
            _onRead = onRead;
        }

        public override long Length => throw new NotSupportedException();
        protected override long ReadPosition => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => Counted(_inner.Read(buffer, offset, count));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Counted(await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));

        private int Counted(int read)
        {
            if (read > 0)
                _onRead(read);
            return read;
        }

    }
}
