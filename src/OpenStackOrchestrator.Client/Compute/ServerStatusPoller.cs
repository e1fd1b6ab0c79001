using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>Watches servers until a condition holds, for every waiter of a connection at once: one poll loop,
    /// one list request per round when many servers are watched (a few get one GET each), backing off from
    /// 0.5 s to 3 s. Fifty servers created with -RunAsync cost one request per round, not fifty.</summary>
    internal sealed class ServerStatusPoller
    {
        private const int ListThreshold = 3;
        private static readonly TimeSpan FirstInterval = TimeSpan.FromMilliseconds(500);
        private static readonly TimeSpan MaxInterval = TimeSpan.FromSeconds(3);
        private readonly ComputeClient _compute;
        private readonly List<Waiter> _waiters = new List<Waiter>();
        private TimeSpan _interval = FirstInterval;
        private bool _running;

        public ServerStatusPoller(ComputeClient compute) => _compute = compute;

        /// <summary>How many rounds of requests the loop has made (exposed for tests and diagnostics).</summary>
        public int Rounds { get; private set; }

        /// <summary>How many requests those rounds took.</summary>
        public int Requests { get; private set; }

        /// <summary>Waits until <paramref name="isDone"/> holds for the server; null means the server is gone.</summary>
        public Task<Server?> WaitAsync(string id, Func<Server?, bool> isDone, Action<Server?>? progress, CancellationToken cancellationToken)
        {
            var waiter = new Waiter(id, isDone, progress);
            lock (_waiters)
            {
                _waiters.Add(waiter);
                _interval = FirstInterval;
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
                    _interval = TimeSpan.FromMilliseconds(Math.Min(MaxInterval.TotalMilliseconds, _interval.TotalMilliseconds * 1.5));
                }
                try
                {
                    var servers = await PollAsync(round.Select(w => w.Id).Distinct().ToList()).ConfigureAwait(false);
                    failures = 0;
                    foreach (var waiter in round)
                    {
                        servers.TryGetValue(waiter.Id, out var server);
                        waiter.Progress?.Invoke(server);
                        if (waiter.IsDone(server))
                        {
                            lock (_waiters) _waiters.Remove(waiter);
                            waiter.Completion.TrySetResult(server);
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

        private async Task<Dictionary<string, Server?>> PollAsync(List<string> ids)
        {
            Rounds++;
            var found = new Dictionary<string, Server?>(StringComparer.OrdinalIgnoreCase);
            if (ids.Count > ListThreshold)
            {
                Requests++;
                var wanted = new HashSet<string>(ids, StringComparer.OrdinalIgnoreCase);
                await foreach (var server in _compute.ListServersAsync(new ServerListOptions()).ConfigureAwait(false))
                    if (wanted.Contains(server.Id))
                        found[server.Id] = server;
            }
            // A few servers, or those a list did not show (another project's, or gone): one GET each.
            foreach (var id in ids.Where(i => !found.ContainsKey(i)))
            {
                try
                {
                    Requests++;
                    found[id] = await _compute.GetServerAsync(id, CancellationToken.None).ConfigureAwait(false);
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
            public Waiter(string id, Func<Server?, bool> isDone, Action<Server?>? progress)
            {
                Id = id;
                IsDone = isDone;
                Progress = progress;
            }

            public string Id { get; }
            public Func<Server?, bool> IsDone { get; }
            public Action<Server?>? Progress { get; }
            public TaskCompletionSource<Server?> Completion { get; } = new TaskCompletionSource<Server?>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
