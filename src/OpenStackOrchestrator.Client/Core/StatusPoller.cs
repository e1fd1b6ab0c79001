using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>Watches resources (servers, volumes, snapshots) until a condition holds, for every waiter of a
    /// connection at once: one loop, one list request per round when more than a few are watched (one GET each
    /// otherwise), backing off between rounds. Fifty servers created with -RunAsync cost one request per round.</summary>
    internal sealed class StatusPoller<T> where T : class
    {
        private const int ListThreshold = 3;
        private readonly Func<CancellationToken, IAsyncEnumerable<T>> _listAll;
        private readonly Func<string, CancellationToken, Task<T>> _get;
        private readonly Func<T, string> _idOf;
        private readonly Func<(TimeSpan First, TimeSpan Max)> _intervals;
        private readonly List<Waiter> _waiters = new List<Waiter>();
        private TimeSpan _interval;
        private bool _running;

        public StatusPoller(Func<CancellationToken, IAsyncEnumerable<T>> listAll, Func<string, CancellationToken, Task<T>> get, Func<T, string> idOf,
            Func<(TimeSpan First, TimeSpan Max)> intervals)
        {
            _listAll = listAll;
            _get = get;
            _idOf = idOf;
            _intervals = intervals;
        }

        public int Rounds { get; private set; }
        public int Requests { get; private set; }

        /// <summary>Waits until <paramref name="isDone"/> holds; null means the resource is gone.</summary>
        public Task<T?> WaitAsync(string id, Func<T?, bool> isDone, Action<T?>? progress, CancellationToken cancellationToken)
        {
            var waiter = new Waiter(id, isDone, progress);
            lock (_waiters)
            {
                _waiters.Add(waiter);
                _interval = _intervals().First;
                if (!_running)
                {
                    _running = true;
                    Task.Run(LoopAsync);
                }
            }
            cancellationToken.Register(() =>
            {
                lock (_waiters) _waiters.Remove(waiter);
                waiter.Completion.TrySetCanceled();
            });
            return waiter.Completion.Task;
        }

        private async Task LoopAsync()
        {
            var failures = 0;
            while (true)
            {
                List<Waiter> round;
                TimeSpan delay;
                lock (_waiters)
                {
                    if (_waiters.Count == 0)
                    {
                        _running = false;
                        return;
                    }
                    round = _waiters.ToList();
                    delay = _interval;
                    _interval = TimeSpan.FromMilliseconds(Math.Min(_intervals().Max.TotalMilliseconds, _interval.TotalMilliseconds * 1.5));
                }
                try
                {
                    var found = await PollAsync(round.Select(w => w.Id).Distinct(StringComparer.OrdinalIgnoreCase).ToList()).ConfigureAwait(false);
                    failures = 0;
                    foreach (var waiter in round)
                    {
                        found.TryGetValue(waiter.Id, out var item);
                        waiter.Progress?.Invoke(item);
                        if (waiter.IsDone(item))
                        {
                            lock (_waiters) _waiters.Remove(waiter);
                            waiter.Completion.TrySetResult(item);
                        }
                    }
                }
                catch (Exception ex) when (++failures >= 3 || ex is AuthenticationFailedException || ex is NotConnectedException)
                {
                    lock (_waiters) foreach (var waiter in round) _waiters.Remove(waiter);
                    foreach (var waiter in round)
                        waiter.Completion.TrySetException(ex);
                }
                catch (Exception)
                {
                    // transient: the transport already retried; try again next round
                }
                await Task.Delay(delay).ConfigureAwait(false);
            }
        }

        private async Task<Dictionary<string, T?>> PollAsync(List<string> ids)
        {
            Rounds++;
            var found = new Dictionary<string, T?>(StringComparer.OrdinalIgnoreCase);
            if (ids.Count > ListThreshold)
            {
                Requests++;
                var wanted = new HashSet<string>(ids, StringComparer.OrdinalIgnoreCase);
                await foreach (var item in _listAll(CancellationToken.None).ConfigureAwait(false))
                    if (wanted.Contains(_idOf(item)))
                        found[_idOf(item)] = item;
            }
            // A few, or those the list did not show (gone, or on a later page than it read): one GET each.
            foreach (var id in ids.Where(i => !found.ContainsKey(i)))
            {
                try
                {
                    Requests++;
                    found[id] = await _get(id, CancellationToken.None).ConfigureAwait(false);
                }
                catch (ResourceNotFoundException)
                {
                    found[id] = null;
                }
            }
            return found;
        }

        private sealed class Waiter
        {
            public Waiter(string id, Func<T?, bool> isDone, Action<T?>? progress)
            {
                Id = id;
                IsDone = isDone;
                Progress = progress;
            }

            public string Id { get; }
            public Func<T?, bool> IsDone { get; }
            public Action<T?>? Progress { get; }
            public TaskCompletionSource<T?> Completion { get; } = new TaskCompletionSource<T?>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
