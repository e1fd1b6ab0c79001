using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Resolution;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>PowerCLI sizing to flavors: the smallest public flavor with at least the CPUs and memory asked.</summary>
    public static class FlavorSizing
    {
        public static IEnumerable<Flavor> Fitting(IEnumerable<Flavor> flavors, int minCpu, double minMemoryGB) =>
            flavors.Where(f => !f.IsDisabled && f.VCpus >= minCpu && f.MemoryMB >= (long)Math.Ceiling(minMemoryGB * 1024))
                   .OrderBy(f => f.VCpus).ThenBy(f => f.MemoryMB).ThenBy(f => f.DiskGB).ThenBy(f => f.Name, StringComparer.Ordinal);

        public static async Task<Flavor> SmallestFittingAsync(CloudConnection cloud, int minCpu, double minMemoryGB, CancellationToken ct)
        {
            if (minCpu <= 0 && minMemoryGB <= 0)
                throw new BadRequestException("Give -Flavor, or -NumCpu and/or -MemoryGB to pick the smallest flavor that fits.");
            var flavors = await NameResolver.ToListAsync(cloud.Compute.ListFlavorsAsync(new FlavorListOptions(), ct)).ConfigureAwait(false);
            var fit = Fitting(flavors.Where(f => f.IsPublic), minCpu, minMemoryGB).FirstOrDefault();
            if (fit != null)
                return fit;
            throw new NameNotFoundException("flavor", $"with at least {minCpu} vCPU and {minMemoryGB} GB");
        }
    }
}
