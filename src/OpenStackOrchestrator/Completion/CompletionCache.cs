using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;

namespace OpenStackOrchestrator.Completion
{
    /// <summary>Names for tab completion, cached per connection and kind for a minute. A lookup is time-boxed
    /// and reads the first page only; a failure yields no names (completion must never throw or hang).</summary>
    public static class CompletionCache
    {
        public static TimeSpan TimeBox { get; set; } = TimeSpan.FromSeconds(3);
        public static TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(1);
        public const int FirstPage = 200;

        /// <summary>How many lookups went to a cloud (the rest were answered from the cache).</summary>
        public static int FetchCount => _fetchCount;
        private static int _fetchCount;

        private static readonly ConditionalWeakTable<CloudConnection, Dictionary<string, Entry>> Caches =
            new ConditionalWeakTable<CloudConnection, Dictionary<string, Entry>>();

        public static IReadOnlyList<string> Names(CloudConnection cloud, string kind, Func<CloudConnection, CancellationToken, Task<List<string>>> fetch)
        {
            var cache = Caches.GetValue(cloud, _ => new Dictionary<string, Entry>());
            lock (cache)
            {
                if (cache.TryGetValue(kind, out var entry) && DateTime.UtcNow - entry.FetchedAt < Lifetime)
                    return entry.Names;
            }
            List<string> names;
            Interlocked.Increment(ref _fetchCount);
            try
            {
                using (var timeBox = new CancellationTokenSource(TimeBox))
                {
                    var task = Task.Run(() => fetch(cloud, timeBox.Token));
                    names = task.Wait(TimeBox) ? task.Result : new List<string>();
                }
            }
            catch (Exception)
            {
                return new string[0];
            }
            var sorted = names.Where(n => !string.IsNullOrEmpty(n)).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();
            lock (cache)
                cache[kind] = new Entry(sorted, DateTime.UtcNow);
            return sorted;
        }

        public static async Task<List<string>> Collect<T>(IAsyncEnumerable<T> items, Func<T, string> nameOf)
        {
            var names = new List<string>();
            await foreach (var item in items.ConfigureAwait(false))
                names.Add(nameOf(item));
            return names;
        }

        private sealed class Entry
        {
            public Entry(IReadOnlyList<string> names, DateTime fetchedAt)
            {
                Names = names;
                FetchedAt = fetchedAt;
            }

            public IReadOnlyList<string> Names { get; }
            public DateTime FetchedAt { get; }
        }
    }
}
