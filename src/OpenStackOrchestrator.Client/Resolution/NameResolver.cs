using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.Resolution
{
    /// <summary>Turns "a name or an id" into exactly one resource: the id is tried first, then the name is
    /// looked up server-side where the API can filter; no match and several matches are errors that say so.</summary>
    public static class NameResolver
    {
        public static async Task<T> ResolveOneAsync<T>(string kind, string nameOrId,
            Func<string, CancellationToken, Task<T>> getById,
            Func<string, CancellationToken, Task<List<T>>> findByName,
            Func<T, string> idOf, Func<T, string> nameOf,
            CancellationToken cancellationToken) where T : class
        {
            if (string.IsNullOrWhiteSpace(nameOrId))
                throw new BadRequestException($"An empty {kind} name or id was given.");
            try
            {
                return await getById(nameOrId, cancellationToken).ConfigureAwait(false);
            }
            catch (ResourceNotFoundException)
            {
                // not an id: look it up by name
            }
            catch (BadRequestException)
            {
                // some services answer 400 to an id of the wrong form
            }
            var matches = (await findByName(nameOrId, cancellationToken).ConfigureAwait(false))
                .Where(m => string.Equals(nameOf(m), nameOrId, StringComparison.Ordinal)).ToList();
            if (matches.Count == 0)
                throw new NameNotFoundException(kind, nameOrId);
            if (matches.Count > 1)
                throw new AmbiguousNameException(kind, nameOrId, matches.Select(m => $"{nameOf(m)} ({idOf(m)})").ToList());
            return matches[0];
        }

        public static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
        {
            var list = new List<T>();
            await foreach (var item in items.ConfigureAwait(false))
                list.Add(item);
            return list;
        }
    }
}
