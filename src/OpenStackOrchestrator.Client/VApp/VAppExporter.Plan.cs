using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Networking;

namespace OpenStackOrchestrator.Client.VApp
{
    /// <summary>Export-OSVApp's planning half: reads the server, its flavor, volumes, ports and image, and checks the
    /// destination; changes nothing (so -WhatIf can show it and report the errors the real run would).</summary>
    public sealed partial class VAppExporter
    {
        private readonly CloudConnection _cloud;

        public VAppExporter(CloudConnection cloud) => _cloud = cloud;

        public async Task<VAppExportPlan> PlanAsync(string serverNameOrId, string destination, VAppPackageFormat format, bool overwrite, CancellationToken cancellationToken)
        {
            var server = await _cloud.Compute.ResolveServerAsync(serverNameOrId, cancellationToken).ConfigureAwait(false);
            var numCpu = server.NumCpu;
            var memoryMB = server.FlavorDetails?.MemoryMB ?? 0;   // MemoryGB is rounded to 2 decimals
            var rootDiskGB = server.DiskGB;
            if (numCpu == 0 && server.Flavor != null)
            {
                // below microversion 2.47 the server names only its flavor's id
                var flavor = await _cloud.Compute.GetFlavorAsync(server.Flavor, cancellationToken).ConfigureAwait(false);
                numCpu = flavor.VCpus;
                memoryMB = flavor.MemoryMB;
                rootDiskGB = flavor.DiskGB;
            }

            var volumes = new List<Volume>();
            await foreach (var volume in _cloud.BlockStorage.ListVolumesAsync(new VolumeListOptions { ServerId = server.Id }, cancellationToken).ConfigureAwait(false))
                volumes.Add(volume);
            string DeviceOf(Volume v) => v.Attachments.FirstOrDefault(a => string.Equals(a.ServerId, server.Id, StringComparison.OrdinalIgnoreCase))?.Device ?? "";
            volumes = volumes.OrderBy(v => DeviceOf(v), StringComparer.Ordinal).ToList();

            var imageBacked = !string.IsNullOrEmpty(server.ImageId);
            Volume? bootVolume = null;
            if (!imageBacked)
                bootVolume = volumes.FirstOrDefault(v => IsRootDevice(DeviceOf(v))) ?? volumes.FirstOrDefault(v => v.Bootable) ?? volumes.FirstOrDefault();

            var disks = new List<VAppExportDisk>();
            if (imageBacked)
                disks.Add(new VAppExportDisk
                {
                    Index = 1, Source = VAppDiskSource.ServerSnapshot, IsBoot = true,
                    PlannedCapacityBytes = rootDiskGB > 0 ? rootDiskGB << 30 : (long?)null,
                });
            foreach (var volume in bootVolume == null ? volumes : new[] { bootVolume }.Concat(volumes.Where(v => v.Id != bootVolume.Id)))
                disks.Add(new VAppExportDisk
                {
                    Index = disks.Count + 1, Source = VAppDiskSource.Volume, VolumeId = volume.Id, VolumeName = volume.Name,
                    InUse = true, Device = DeviceOf(volume).Length > 0 ? DeviceOf(volume) : null, IsBoot = volume == bootVolume,
                    PlannedCapacityBytes = (long)volume.SizeGB << 30,
                });
            if (disks.Count == 0)
                throw new BadRequestException($"Server '{server.Name}' ({server.Id}) has neither an image nor a volume: there is no disk to export.");

            IReadOnlyDictionary<string, string> properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (imageBacked)
            {
                try
                {
                    properties = (await _cloud.Image.GetAsync(server.ImageId!, cancellationToken).ConfigureAwait(false)).Properties;
                }
                catch (ResourceNotFoundException)
                {
                    // the image the server was booted from is gone: no hints on firmware, controller or guest OS
                }
            }
            else if (bootVolume != null)
                properties = bootVolume.ImageMetadata;

            var ports = new List<Port>();
            await foreach (var port in _cloud.Network.ListPortsAsync(new PortListOptions { DeviceId = server.Id }, cancellationToken).ConfigureAwait(false))
                ports.Add(port);
            // Neutron keeps no interface order; Nova's addresses follow the server's interface order (its network info
            // cache), so a port's first address there gives its place; creation time for ports without one
            var addressOrder = server.IPAddress.Select((address, i) => (address, i)).GroupBy(a => a.address).ToDictionary(g => g.Key, g => g.First().i);
            int Rank(Port port) => port.IPAddress.Select(a => addressOrder.TryGetValue(a, out var i) ? i : int.MaxValue).DefaultIfEmpty(int.MaxValue).Min();
            ports = ports.OrderBy(Rank).ThenBy(p => p.Created ?? DateTime.MaxValue).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
            var nics = new List<VAppExportNic>();
            var networkNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var port in ports)
            {
                if (!networkNames.TryGetValue(port.NetworkId, out var networkName))
                {
                    try
                    {
                        networkName = (await _cloud.Network.GetNetworkAsync(port.NetworkId, cancellationToken).ConfigureAwait(false)).Name;
                    }
                    catch (ResourceNotFoundException)
                    {
                        networkName = null;   // a shared network the project cannot read: its id stands in for the name
                    }
                    networkName = string.IsNullOrEmpty(networkName) ? port.NetworkId : networkName!;
                    networkNames[port.NetworkId] = networkName;
                }
                nics.Add(new VAppExportNic { PortId = port.Id, NetworkId = port.NetworkId, NetworkName = networkName, MacAddress = port.MacAddress.ToLowerInvariant() });
            }

            var packageName = SafeFileName(server.Name.Length > 0 ? server.Name : server.Id);
            var target = format == VAppPackageFormat.Ova ? Path.Combine(destination, packageName + ".ova") : Path.Combine(destination, packageName);
            CheckDestination(destination, target, format, overwrite);

            return new VAppExportPlan
            {
                ServerId = server.Id, ServerName = server.Name, NumCpu = numCpu, MemoryMB = memoryMB,
                Disks = disks, Nics = nics, ImageProperties = properties, Format = format,
                PackageName = packageName, TargetPath = target, Overwrite = overwrite,
            };
        }

        private static bool IsRootDevice(string device) =>
            device == "/dev/vda" || device == "/dev/sda" || device == "/dev/xvda" || device == "/dev/hda";

        /// <summary>The destination must be a folder we can write, or one we can create (it is created only when the
        /// export runs, so -WhatIf makes nothing); the package must not exist unless it may be overwritten. Checked
        /// before any snapshot is made.</summary>
        private static void CheckDestination(string destination, string target, VAppPackageFormat format, bool overwrite)
        {
            try
            {
                var folder = Path.GetFullPath(destination);
                while (!Directory.Exists(folder))
                {
                    if (File.Exists(folder))
                        throw new IOException($"'{folder}' is a file, not a folder.");
                    folder = Path.GetDirectoryName(folder) ?? throw new IOException($"No part of '{destination}' exists.");
                }
                var probe = Path.Combine(folder, $".oso-write-test-{Guid.NewGuid():N}");
                using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
                {
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException)
            {
                throw new DestinationNotWritableException(destination, $"Cannot write the export to '{destination}': {ex.Message}", ex);
            }
            var exists = format == VAppPackageFormat.Ova ? File.Exists(target) : Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any();
            if (exists && !overwrite)
                throw new DestinationNotWritableException(target, $"'{target}' already exists. Use -Force to overwrite it.", null, exists: true);
        }

        internal static string SafeFileName(string name)
        {
            var invalid = Path.GetInvalidFileNameChars();
            // no white space either: the names become href URIs in the descriptor
            var safe = new string(name.Trim().Select(c => invalid.Contains(c) || c == '/' || c == '\\' || c == ':' || char.IsControl(c) || char.IsWhiteSpace(c) || c == '#' || c == '%' || c == '?' ? '_' : c).ToArray());
            return safe.Length == 0 || safe == "." || safe == ".." ? "vm" : safe;
        }
    }
}
