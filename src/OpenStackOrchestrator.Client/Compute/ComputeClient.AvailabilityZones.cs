using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>Compute availability zones.</summary>
    public sealed partial class ComputeClient
    {
        /// <summary>The compute zones, with their hosts when the caller may see them (tried for admins only, so that
        /// members do not pay for a refused request).</summary>
        public async IAsyncEnumerable<AvailabilityZone> ListAvailabilityZonesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            List<AvailabilityZone>? zones = null;
            if (_cloud.Roles.Contains("admin", StringComparer.OrdinalIgnoreCase))
            {
                try
                {
                    zones = await Resolution.NameResolver.ToListAsync(_cloud.ListResourcesAsync(AvailabilityZone.Detailed, null, cancellationToken)).ConfigureAwait(false);
                }
                catch (PermissionDeniedException)
                {
                    // a policy that keeps the details from this admin role: the plain list still answers
                }
            }
            zones ??= await Resolution.NameResolver.ToListAsync(_cloud.ListResourcesAsync(AvailabilityZone.Definition, null, cancellationToken)).ConfigureAwait(false);
            foreach (var zone in zones)
                yield return zone;
        }
    }
}
