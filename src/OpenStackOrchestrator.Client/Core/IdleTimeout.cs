using System;
using System.Threading;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>A timeout that measures inactivity, not total time: it fires when <see cref="Touch"/> has not been
    /// called for <see cref="Limit"/>. Transfers touch it on every chunk, so a healthy multi-gigabyte transfer never
    /// hits it while a stalled one fails after <see cref="Limit"/> without progress.</summary>
    internal sealed class IdleTimeout : IDisposable
    {
        private readonly CancellationTokenSource _source;
        private readonly CancellationToken _caller;
        private int _disposed;

        public IdleTimeout(TimeSpan limit, CancellationToken caller)
        {
            Limit = limit;
            _caller = caller;
            _source = CancellationTokenSource.CreateLinkedTokenSource(caller);
            _source.CancelAfter(limit);
        }

        public TimeSpan Limit { get; }

        /// <summary>Cancelled by the caller or by inactivity.</summary>
        public CancellationToken Token => _source.Token;

        /// <summary>True when the inactivity limit (not the caller) cancelled the token.</summary>
        public bool Expired => _source.IsCancellationRequested && !_caller.IsCancellationRequested;

        /// <summary>Progress was made: the inactivity clock starts again.</summary>
        public void Touch()
        {
            // The handler may still pull a chunk of a request body after the response arrived and this was disposed.
            if (Volatile.Read(ref _disposed) != 0 || _source.IsCancellationRequested)
                return;
            try
            {
                _source.CancelAfter(Limit);
            }
            catch (ObjectDisposedException)
            {
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                _source.Dispose();
        }
    }
}
