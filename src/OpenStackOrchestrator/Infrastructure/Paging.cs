using System.Management.Automation;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>-First/-Skip (SupportsPaging): -First is pushed down to the API as limit= when nothing is filtered
    /// client-side; -Skip is applied here.</summary>
    internal static class Paging
    {
        public static int? Limit(PagingParameters paging)
        {
            if (paging.First == ulong.MaxValue || paging.First > int.MaxValue - paging.Skip)
                return null;
            return (int)(paging.First + paging.Skip);
        }

        /// <summary>Counts one matching item and says whether it is within -Skip/-First.</summary>
        public static bool Take(PagingParameters paging, ref ulong position)
        {
            var index = position++;
            return index >= paging.Skip && index - paging.Skip < paging.First;
        }
    }
}
