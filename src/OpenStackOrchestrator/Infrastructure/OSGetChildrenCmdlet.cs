using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>Base of Get- cmdlets that also list what belongs to parent objects given by reference or piped in
    /// (a server's volumes, a volume's snapshots), with -First/-Skip counted across all the parents.</summary>
    public abstract class OSGetChildrenCmdlet : OSGetCmdlet
    {
        private ulong _written;

        /// <summary>Finds the parent: in the cloud a parent object came from, else in the first target cloud that has
        /// one of that name or id. Writes an error and returns false when none has it.</summary>
        protected bool TryFindParent<T>(ResourceReference reference, Func<CloudConnection, string, CancellationToken, Task<T>> getById,
            Func<CloudConnection, string, CancellationToken, Task<T>> resolve, out CloudConnection? cloud, out T? parent) where T : class
        {
            var clouds = reference.Cloud != null ? new[] { reference.Cloud } : (IReadOnlyList<CloudConnection>)TargetClouds();
            for (var i = 0; i < clouds.Count; i++)
            {
                var candidate = clouds[i];
                try
                {
                    parent = Run(ct => reference.Id != null && (reference.Cloud == null || ReferenceEquals(reference.Cloud, candidate))
                        ? getById(candidate, reference.Id, ct)
                        : resolve(candidate, reference.Name ?? reference.Text, ct));
                    cloud = candidate;
                    return true;
                }
                catch (OpenStackException ex) when ((ex is NameNotFoundException || ex is ResourceNotFoundException) && i < clouds.Count - 1)
                {
                    // try the next cloud
                }
                catch (OpenStackException ex)
                {
                    WriteFailure(ex, reference);
                    break;
                }
            }
            cloud = null;
            parent = null;
            return false;
        }

        /// <summary>Streams the children, writing those that <paramref name="accept"/> and -Skip/-First let through.</summary>
        protected void WriteChildren<T>(CloudConnection cloud, string typeName, Func<CancellationToken, IAsyncEnumerable<T>> list, Func<T, bool> accept) =>
            Try(cloud.Name, () => RunEach(list, item =>
            {
                if (accept(item) && Paging.Take(PagingParameters, ref _written))
                    WriteTyped(item!, typeName);
            }));

        /// <summary>Writes the total count for -IncludeTotalCount when children were listed.</summary>
        protected void WriteChildrenTotal()
        {
            if (PagingParameters.IncludeTotalCount)
                WriteObject(PagingParameters.NewTotalCount(_written, 1.0));
        }
    }
}
