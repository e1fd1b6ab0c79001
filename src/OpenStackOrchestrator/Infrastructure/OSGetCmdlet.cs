using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>Shared shape of Get- cmdlets: every default cloud, items streamed as they arrive, wildcard names
    /// filtered here, -First/-Skip, and an ObjectNotFound error for an exact name no cloud has.</summary>
    public abstract class OSGetCmdlet : OSCloudCmdlet
    {
        protected override bool UsesAllDefaultClouds => true;

        /// <summary>Writes each item whose name matches; <paramref name="list"/> gets the limit to push down
        /// (null when a client-side filter makes it unsafe).</summary>
        protected void WriteMatches<T>(string kind, string typeName, NameFilter filter, bool filteredClientSide,
            Func<CloudConnection, int?, CancellationToken, IAsyncEnumerable<T>> list, Func<T, string> nameOf, Func<T, bool>? accept = null)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var written = 0UL;
            // -IncludeTotalCount needs every match counted, so nothing is cut short server-side then.
            var limit = filteredClientSide || PagingParameters.IncludeTotalCount ? null : Paging.Limit(PagingParameters);
            foreach (var cloud in TargetClouds())
            {
                Try(cloud.Name, () => RunEach(ct => list(cloud, limit, ct), item =>
                {
                    var name = nameOf(item);
                    if (!filter.IsMatch(name) || (accept != null && !accept(item)) || !Paging.Take(PagingParameters, ref written))
                        return;
                    seen.Add(name);
                    WriteTyped(item!, typeName);
                }));
            }
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
            foreach (var id in ids)
            {
                for (var i = 0; i < clouds.Count; i++)
                {
                    var cloud = clouds[i];
                    var last = i == clouds.Count - 1;
                    try
                    {
                        WriteTyped(Run(ct => get(cloud, id, ct))!, typeName);
                        break;
                    }
                    catch (Client.Errors.ResourceNotFoundException) when (!last)
                    {
                        // try the next cloud
                    }
                    catch (Client.Errors.OpenStackException ex)
                    {
                        WriteFailure(ex, id);
                        break;
                    }
                }
            }
        }
    }
}
