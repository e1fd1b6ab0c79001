using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>Compute availability zones.</summary>
    public sealed partial class ComputeClient
    {
        /// <summary>The compute zones, with their hosts when the caller may see them (tried for admins only, so that
        /// members do not pay for a refused request).</summary>
        public async IAsyncEnumerable<AvailabilityZone> ListAvailabilityZonesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            JsonElement root = default;
            var detailed = false;
            if (_cloud.Roles.Contains("admin", StringComparer.OrdinalIgnoreCase))
            {
                try
                {
                    root = await _cloud.GetJsonAsync(ServiceTypes.Compute, "/os-availability-zone/detail", cancellationToken).ConfigureAwait(false);
                    detailed = true;
                }
                catch (PermissionDeniedException)
                {
                    // a policy that keeps the details from this admin role: the plain list still answers
                }
            }
            if (!detailed)
                root = await _cloud.GetJsonAsync(ServiceTypes.Compute, "/os-availability-zone", cancellationToken).ConfigureAwait(false);
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("availabilityZoneInfo", out var zones) || zones.ValueKind != JsonValueKind.Array)
                throw new InvalidResponseException("Nova's availability zone answer has no 'availabilityZoneInfo' list.") { Service = ServiceTypes.Compute };
            foreach (var zone in zones.EnumerateArray())
                yield return new AvailabilityZone(zone, _cloud);
        }
    }
}
