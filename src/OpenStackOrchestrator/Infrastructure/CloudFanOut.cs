using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>What an ordered fan-out yields: an item of source <see cref="Source"/>, or that source's end
    /// (<see cref="IsEnd"/>), with the exception it failed with, if any.</summary>
    internal readonly struct FanOutEvent<T>
    {
        private FanOutEvent(int source, T item, bool isEnd, Exception? error)
        {
            Source = source;
            Item = item;
            IsEnd = isEnd;
            Error = error;
        }

        public int Source { get; }
        public T Item { get; }
        public bool IsEnd { get; }
        public Exception? Error { get; }

        public static FanOutEvent<T> ItemOf(int source, T item) => new FanOutEvent<T>(source, item, false, null);
        public static FanOutEvent<T> EndOf(int source, Exception? error) => new FanOutEvent<T>(source, default!, true, error);
    }

    /// <summary>Runs several async sequences at once and yields their items in source order, as running them one
    /// after another would: the items of the first unfinished source as they arrive, those of later sources held
    /// until every source before them has ended. A source's failure ends only that source.</summary>
    internal static class CloudFanOut
    {
        /// <summary>Sources <c>0..count-1</c>, at most <paramref name="maxRunning"/> of them ahead of the one being
        /// yielded. <paramref name="enough"/> ends the fan-out quietly (the caller has what it wants);
        /// <paramref name="stop"/> ends it with an <see cref="OperationCanceledException"/>. Either way every
        /// source is cancelled and awaited before this returns.</summary>
        public static async IAsyncEnumerable<FanOutEvent<T>> InOrder<T>(int count, int maxRunning,
            Func<int, CancellationToken, IAsyncEnumerable<T>> source, [EnumeratorCancellation] CancellationToken stop, CancellationToken enough)
        {
            using (var cancel = CancellationTokenSource.CreateLinkedTokenSource(stop, enough))
            {
                var state = new FanOutState<T>(count);
                var running = new List<Task>();
                var started = 0;
                try
                {
                    for (var current = 0; current < count && !cancel.IsCancellationRequested; current++)
                    {
                        for (; started < count && started < current + Math.Max(1, maxRunning); started++)
                            running.Add(ProduceAsync(state, started, source, cancel.Token));
                        while (true)
                        {
                            var batch = await state.NextAsync(current, cancel.Token).ConfigureAwait(false);
                            if (cancel.IsCancellationRequested)
                                break;
                            foreach (var item in batch.Items)
                                yield return FanOutEvent<T>.ItemOf(current, item);
                            if (batch.Ended)
                            {
                                yield return FanOutEvent<T>.EndOf(current, batch.Error);
                                break;
                            }
                        }
                    }
                }
                finally
                {
                    // Also when the consumer stops early: nothing keeps running after the cmdlet returns.
                    cancel.Cancel();
                    await Task.WhenAll(running).ConfigureAwait(false);
                }
                stop.ThrowIfCancellationRequested();
            }
        }

        private static async Task ProduceAsync<T>(FanOutState<T> state, int index,
            Func<int, CancellationToken, IAsyncEnumerable<T>> source, CancellationToken ct)
        {
            // Off the caller's thread at once, so that a source that does work before its first await delays no other.
            await Task.Yield();
            try
            {
                await foreach (var item in source(index, ct).WithCancellation(ct).ConfigureAwait(false))
                    state.Add(index, item);
                state.End(index, null);
            }
            catch (Exception ex)
            {
                state.End(index, ex);
            }
        }
    }

    /// <summary>The sources' buffered items and ends, and the one waiter (the source being yielded).</summary>
    internal sealed class FanOutState<T>
    {
        internal struct Batch
        {
            public List<T> Items;
            public bool Ended;
            public Exception? Error;
        }

        private readonly object _gate = new object();
        private readonly List<T>?[] _items;
        private readonly bool[] _ended;
        private readonly Exception?[] _errors;
        private int _waitingFor = -1;
        private TaskCompletionSource<bool>? _wake;

        public FanOutState(int count)
        {
            _items = new List<T>?[count];
            _ended = new bool[count];
            _errors = new Exception?[count];
        }

        public void Add(int index, T item)
        {
            lock (_gate)
            {
                (_items[index] ??= new List<T>()).Add(item);
                WakeIfWaitingFor(index);
            }
        }

        public void End(int index, Exception? error)
        {
            lock (_gate)
            {
                _ended[index] = true;
                _errors[index] = error;
                WakeIfWaitingFor(index);
            }
        }

        /// <summary>What source <paramref name="index"/> has produced since the last call, waiting until it has
        /// something (or <paramref name="ct"/> is cancelled: then the batch may be empty).</summary>
        public async Task<Batch> NextAsync(int index, CancellationToken ct)
        {
            while (true)
            {
                Task wake;
                lock (_gate)
                {
                    var items = _items[index];
                    if (items != null || _ended[index] || ct.IsCancellationRequested)
                    {
                        _items[index] = null;
                        return new Batch { Items = items ?? new List<T>(), Ended = _ended[index], Error = _errors[index] };
                    }
                    _waitingFor = index;
                    _wake = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                    wake = _wake.Task;
                }
                using (ct.Register(() => WakeIfWaitingFor(index)))
                    await wake.ConfigureAwait(false);
            }
        }

        private void WakeIfWaitingFor(int index)
        {
            TaskCompletionSource<bool>? wake;
            lock (_gate)
            {
                if (_waitingFor != index)
                    return;
                wake = _wake;
                _wake = null;
                _waitingFor = -1;
            }
            wake?.TrySetResult(true);
        }
    }
}
