using System;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>Reads a resource again and again (0.5 s apart, backing off to 2 s) until a condition holds, for at
    /// most a given time: for states that settle in seconds, such as a port becoming ACTIVE.</summary>
    internal static class BoundedPoll
    {
        private static readonly TimeSpan FirstInterval = TimeSpan.FromMilliseconds(500);
        private static readonly TimeSpan MaxInterval = TimeSpan.FromSeconds(2);

        /// <summary>Returns the first value that satisfies <paramref name="isDone"/>; after <paramref name="timeout"/>,
        /// throws a RequestTimeoutException whose message is <paramref name="describeTimeout"/> of the last value.</summary>
        public static async Task<T> UntilAsync<T>(Func<CancellationToken, Task<T>> read, Func<T, bool> isDone, Action<T>? progress,
            TimeSpan timeout, Func<T, string> describeTimeout, CancellationToken cancellationToken)
        {
            var deadline = DateTime.UtcNow + timeout;
            var interval = FirstInterval;
            while (true)
            {
                var value = await read(cancellationToken).ConfigureAwait(false);
                progress?.Invoke(value);
                if (isDone(value))
                    return value;
                if (DateTime.UtcNow + interval > deadline)
                    throw new RequestTimeoutException(describeTimeout(value), null);
                await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
                interval = TimeSpan.FromMilliseconds(Math.Min(MaxInterval.TotalMilliseconds, interval.TotalMilliseconds * 1.5));
            }
        }
    }
}
