using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>Shared shape of Get- cmdlets: every default cloud, items streamed as they arrive, wildcard names
    /// filtered here, -First/-Skip, and an ObjectNotFound error for an exact name no cloud has.
    /// All target clouds are asked at once; the output is in cloud order all the same (see <see cref="CloudFanOut"/>).</summary>
    public abstract class OSGetCmdlet : OSCloudCmdlet
    {
        /// <summary>Runs <paramref name="action"/> against <paramref name="cloud"/> only (the cloud a piped or given object
        /// came from, even one outside $DefaultOSClouds); null leaves the target clouds as they are.</summary>
        protected void InCloud(CloudConnection? cloud, Action action)
        {
            var given = Cloud;
            if (cloud != null)
                Cloud = new[] { cloud };
            try
            {
                action();
            }
            finally
            {
                Cloud = given;
            }
        }

        /// <summary>How many ids or names are looked up at the same time (each in every cloud at once).</summary>
        private const int LookupsAhead = 4;

        protected override bool UsesAllDefaultClouds => true;

        /// <summary>Writes each item whose name matches; <paramref name="list"/> gets the limit to push down
        /// (null when a client-side filter makes it unsafe).</summary>
        protected void WriteMatches<T>(string kind, string typeName, NameFilter filter, bool filteredClientSide,
            Func<CloudConnection, int?, CancellationToken, IAsyncEnumerable<T>> list, Func<T, string> nameOf, Func<T, bool>? accept = null)
        {
            var clouds = TargetClouds();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var written = 0UL;
            // -IncludeTotalCount needs every match counted, so nothing is cut short server-side then.
            var limit = filteredClientSide || PagingParameters.IncludeTotalCount ? null : Paging.Limit(PagingParameters);
            FanOut(clouds.Count, clouds.Count, (i, ct) => list(clouds[i], limit, ct), e =>
            {
                if (e.IsEnd)
                {
                    WriteSourceFailure(e.Error, clouds[e.Source].Name);
                    return true;
                }
                var name = nameOf(e.Item);
                if (filter.IsMatch(name) && (accept == null || accept(e.Item)) && Paging.Take(PagingParameters, ref written))
                {
                    seen.Add(name);
                    WriteTyped(e.Item!, typeName);
                }
                return !FirstSatisfied(written);
            });
            if (PagingParameters.IncludeTotalCount)
                WriteObject(PagingParameters.NewTotalCount(written, 1.0));
            foreach (var exact in filter.ExactNames)
                if (!seen.Contains(exact))
                    WriteError(ErrorRecords.NotFound(kind, exact));
        }

        /// <summary>Writes the item of each id, from the first cloud that has it; a missing id is an error.</summary>
        protected void WriteByIds<T>(IEnumerable<string> ids, string typeName, Func<CloudConnection, string, CancellationToken, Task<T>> get)
        {
            var clouds = TargetClouds();
            var idList = ids.ToList();
            if (clouds.Count == 0)
                return;
            FanOut(idList.Count, LookupsAhead, (i, ct) => Single(ct2 => FirstCloudWithAsync(clouds, idList[i], get, ct2), ct), e =>
            {
                if (e.IsEnd)
                    WriteSourceFailure(e.Error, idList[e.Source]);
                else
                    WriteTyped(e.Item!, typeName);
                return true;
            });
        }

        /// <summary>Writes, for each name, the item of that name from every cloud that has one (in cloud order), within
        /// -Skip/-First; a name no cloud has is an ObjectNotFound error about <paramref name="kind"/>, and a cloud's
        /// failure is written for the name without stopping the other clouds.</summary>
        protected void WriteExactNames<T>(IEnumerable<string> names, string kind, string typeName,
            Func<CloudConnection, string, CancellationToken, Task<T>> get)
        {
            var clouds = TargetClouds();
            var nameList = names.ToList();
            var written = 0UL;
            var found = false;
            if (clouds.Count > 0)
            {
                // One source per name and cloud: name 0 in every cloud, then name 1 in every cloud...
                FanOut(nameList.Count * clouds.Count, LookupsAhead * clouds.Count,
                    (i, ct) => FoundAsync(get, clouds[i % clouds.Count], nameList[i / clouds.Count], ct), e =>
                    {
                        var name = nameList[e.Source / clouds.Count];
                        if (!e.IsEnd)
                        {
                            found = true;
                            if (Paging.Take(PagingParameters, ref written))
                                WriteTyped(e.Item!, typeName);
                            return true;
                        }
                        if (e.Error != null)
                        {
                            found = true;
                            WriteSourceFailure(e.Error, name);
                        }
                        if (e.Source % clouds.Count == clouds.Count - 1)
                        {
                            if (!found)
                                WriteError(ErrorRecords.NotFound(kind, name));
                            found = false;
                        }
                        // All names are looked up even past -First, so that a missing one is still reported.
                        return true;
                    });
            }
            if (PagingParameters.IncludeTotalCount)
                WriteObject(PagingParameters.NewTotalCount(written, 1.0));
        }

        /// <summary>True once -First items have been written (and no total count is wanted): the rest can be cancelled.</summary>
        private bool FirstSatisfied(ulong written) =>
            !PagingParameters.IncludeTotalCount && PagingParameters.First != ulong.MaxValue &&
            written >= PagingParameters.Skip && written - PagingParameters.Skip >= PagingParameters.First;

        /// <summary>Runs <paramref name="count"/> sources at once and hands their items and ends to
        /// <paramref name="onEvent"/> on the pipeline thread, in source order; when it returns false, or throws (the
        /// pipeline is stopped downstream), every source still running is cancelled. Ctrl+C cancels them all.</summary>
        private void FanOut<T>(int count, int maxRunning, Func<int, CancellationToken, IAsyncEnumerable<T>> source,
            Func<FanOutEvent<T>, bool> onEvent)
        {
            if (count == 0)
                return;
            var enough = new CancellationTokenSource();
            RunEach(ct => CloudFanOut.InOrder(count, maxRunning, source, ct, enough.Token), e =>
            {
                if (enough.IsCancellationRequested)
                    return;
                try
                {
                    if (!onEvent(e))
                        enough.Cancel();
                }
                catch
                {
                    enough.Cancel();
                    throw;
                }
            });
        }

        /// <summary>Writes a source's failure (a client error) for <paramref name="target"/>; anything else is rethrown
        /// as if the work had run here.</summary>
        private void WriteSourceFailure(Exception? error, object target)
        {
            if (error == null)
                return;
            var inner = error is AggregateException aggregate ? aggregate.GetBaseException() : error;
            if (inner is OpenStackException failure)
                WriteFailure(failure, target);
            else
                ExceptionDispatchInfo.Capture(error).Throw();
        }

        /// <summary>The item of <paramref name="id"/> from the first cloud that has it: every cloud is asked at once, the
        /// answers are taken in cloud order, and those not needed are cancelled. Not found in any cloud: the last
        /// cloud's not-found error; another error of a cloud before the first that has it: that error.</summary>
        private static async Task<T> FirstCloudWithAsync<T>(IReadOnlyList<CloudConnection> clouds, string id,
            Func<CloudConnection, string, CancellationToken, Task<T>> get, CancellationToken ct)
        {
            using (var rest = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                var lookups = clouds.Select(cloud => Task.Run(() => get(cloud, id, rest.Token))).ToList();
                try
                {
                    for (var i = 0; ; i++)
                    {
                        try
                        {
                            return await lookups[i].ConfigureAwait(false);
                        }
                        catch (ResourceNotFoundException) when (i < lookups.Count - 1)
                        {
                            // try the next cloud
                        }
                    }
                }
                finally
                {
                    rest.Cancel();
                    await Task.WhenAll(lookups.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
                }
            }
        }

        /// <summary>The item of that name in this cloud: one item, or none when the cloud has no such item.</summary>
        private static async IAsyncEnumerable<T> FoundAsync<T>(Func<CloudConnection, string, CancellationToken, Task<T>> get,
            CloudConnection cloud, string name, [EnumeratorCancellation] CancellationToken ct)
        {
            var (found, item) = await FoundOrNotAsync(get, cloud, name, ct).ConfigureAwait(false);
            if (found)
                yield return item;
        }

        private static async Task<(bool Found, T Item)> FoundOrNotAsync<T>(Func<CloudConnection, string, CancellationToken, Task<T>> get,
            CloudConnection cloud, string name, CancellationToken ct)
        {
            try
            {
                return (true, await get(cloud, name, ct).ConfigureAwait(false));
            }
            catch (ResourceNotFoundException)
            {
                return (false, default!);
            }
        }

        private static async IAsyncEnumerable<T> Single<T>(Func<CancellationToken, Task<T>> get, [EnumeratorCancellation] CancellationToken ct)
        {
            yield return await get(ct).ConfigureAwait(false);
        }
    }
}
