using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace OpenStackOrchestrator.Client.VApp
{
    /// <summary>A one-way in-memory pipe: a download writes into it while an archive writer reads from it, so the
    /// bytes go from the network into the .ova without a temporary file. Holds at most a few chunks.</summary>
    internal sealed class PipeStream : Stream
    {
        private const int Slots = 8;
        private readonly ConcurrentQueue<byte[]?> _chunks = new ConcurrentQueue<byte[]?>();
        private readonly SemaphoreSlim _filled = new SemaphoreSlim(0);
        private readonly SemaphoreSlim _free = new SemaphoreSlim(Slots);
        private byte[]? _current;
        private int _offset;
        private bool _ended;
        private Exception? _failure;
        private volatile Exception? _readerFailure;

        /// <summary>No more data: the reader sees the end once it has read what is queued.</summary>
        public void CompleteWriting(Exception? failure = null)
        {
            _failure = failure;
            _chunks.Enqueue(null);
            _filled.Release();
        }

        /// <summary>The reader gave up (the archive could not be written): writers fail instead of waiting for room.</summary>
        public void AbortReading(Exception failure)
        {
            _readerFailure = failure;
            _free.Release(Slots);
        }

        public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            if (count == 0)
                return;
            var copy = new byte[count];
            Buffer.BlockCopy(buffer, offset, copy, 0, count);
            await _free.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (_readerFailure != null)
                throw new IOException("The archive stopped taking data: " + _readerFailure.Message, _readerFailure);
            _chunks.Enqueue(copy);
            _filled.Release();
        }

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            while (_current == null || _offset == _current.Length)
            {
                if (_ended)
                    return 0;
                await _filled.WaitAsync(cancellationToken).ConfigureAwait(false);
                _chunks.TryDequeue(out var next);
                if (next == null)
                {
                    _ended = true;
                    if (_failure != null)
                        throw new IOException("The download feeding the archive failed.", _failure);
                    return 0;
                }
                _free.Release();
                _current = next;
                _offset = 0;
            }
            var n = Math.Min(count, _current.Length - _offset);
            Buffer.BlockCopy(_current, _offset, buffer, offset, n);
            _offset += n;
            return n;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
