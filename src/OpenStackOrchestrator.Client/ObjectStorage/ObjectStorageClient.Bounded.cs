using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace OpenStackOrchestrator.Client.ObjectStorage
{
    public sealed partial class ObjectStorageClient
    {
        /// <summary>Runs <paramref name="action"/> on the items, <see cref="Concurrency"/> at a time. The first failure
        /// cancels the rest; once everything has stopped, that failure is thrown (not the cancellations it caused).</summary>
        private async Task RunBoundedAsync<T>(IEnumerable<T> items, Func<T, CancellationToken, Task> action, CancellationToken cancellationToken)
        {
            using (var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                // Not disposed: an action still running after a cancellation releases it later.
                var throttle = new SemaphoreSlim(Math.Max(1, Concurrency));
                var running = new List<Task>();
                try
                {
                    foreach (var item in items)
                    {
                        await throttle.WaitAsync(failFast.Token).ConfigureAwait(false);
                        running.Add(RunOneAsync(item));
                    }
                }
                catch (OperationCanceledException) when (failFast.IsCancellationRequested)
                {
                    // a failure (or the caller) stopped the loop: the outcome is decided below
                }
                try
                {
                    await Task.WhenAll(running).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // examined below
                }
                cancellationToken.ThrowIfCancellationRequested();
                var failure = running.Where(t => t.IsFaulted).Select(t => t.Exception!.GetBaseException())
                    .FirstOrDefault(e => !(e is OperationCanceledException)) ?? running.FirstOrDefault(t => t.IsFaulted)?.Exception!.GetBaseException();
                if (failure != null)
                    ExceptionDispatchInfo.Capture(failure).Throw();

                async Task RunOneAsync(T item)
                {
                    try
                    {
                        await action(item, failFast.Token).ConfigureAwait(false);
                    }
                    catch (Exception)
                    {
                        failFast.Cancel();
                        throw;
                    }
                    finally
                    {
                        throttle.Release();
                    }
                }
            }
        }
    }
}
