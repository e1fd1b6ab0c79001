using System;
using System.Collections.Generic;
using System.Globalization;
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
            var usable = flavors.Where(f => f.IsPublic && !f.IsDisabled).ToList();
            var fit = Fitting(usable, minCpu, minMemoryGB).FirstOrDefault();
            if (fit != null)
                return fit;
            throw new NoFittingFlavorException(NoFitMessage(usable, minCpu, minMemoryGB));
        }

        /// <summary>"No public flavor has at least 2 vCPU and 4 GB of memory; the largest are: m1.small (1 vCPU, 2 GB), ..."</summary>
        internal static string NoFitMessage(IReadOnlyCollection<Flavor> usable, int minCpu, double minMemoryGB)
        {
            var asked = new List<string>();
            if (minCpu > 0)
                asked.Add($"{minCpu} vCPU");
            if (minMemoryGB > 0)
                asked.Add($"{minMemoryGB.ToString(CultureInfo.InvariantCulture)} GB of memory");
            var message = $"No public flavor has at least {string.Join(" and ", asked)}";
            if (usable.Count == 0)
                return message + "; the cloud has no public flavor.";
            var largest = usable.OrderByDescending(f => f.VCpus).ThenByDescending(f => f.MemoryMB).ThenBy(f => f.Name, StringComparer.Ordinal).Take(3)
                .Select(f => $"{f.Name} ({f.VCpus} vCPU, {(f.MemoryMB / 1024.0).ToString("0.##", CultureInfo.InvariantCulture)} GB)");
            return message + "; the largest " + (usable.Count == 1 ? "is: " : "are: ") + string.Join(", ", largest) + ".";
        }
    }
}
