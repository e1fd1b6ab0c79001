using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Images;
using OpenStackOrchestrator.Client.Networking;

namespace OpenStackOrchestrator.Client.VApp
{
    /// <summary>What Import-OSVApp was asked.</summary>
    public sealed class VAppImportOptions
    {
        public string Path { get; init; } = "";
        /// <summary>The server's name; the descriptor's VirtualSystem name when null.</summary>
        public string? Name { get; init; }
        /// <summary>OVF network name to OpenStack network name or id. An OVF network not in it goes to the OpenStack
        /// network of the same name, if there is one.</summary>
        public IReadOnlyDictionary<string, string> NetworkMapping { get; init; } = new Dictionary<string, string>();
        public string? VolumeType { get; init; }
        /// <summary>Give each port the MAC address the OVF recorded for its NIC.</summary>
        public bool KeepMacAddress { get; init; }
        /// <summary>Hash every file against the manifest while planning (-WhatIf: the real run does it first thing).</summary>
        public bool VerifyWhilePlanning { get; init; }
    }

    /// <summary>Plans and runs an OVF/OVA import: images (one per disk), volumes from them, ports, then a server
    /// booting from the first volume. A failure part way removes what was created, newest first.</summary>
    public static class VAppImporter
    {
        public static async Task<VAppImportPlan> PlanAsync(CloudConnection cloud, VAppImportOptions options,
            Func<OvfDescriptor, CancellationToken, Task<Flavor>> pickFlavor, CancellationToken cancellationToken)
        {
            var package = OvfPackage.Open(options.Path);
            var ovf = package.Descriptor;
            package.CheckFilesPresent();
            if (options.VerifyWhilePlanning)
                package.Verify(null, cancellationToken);
            if (ovf.Disks.Count == 0)
                throw new InvalidOvfException(OvfProblem.Unsupported, $"'{ovf.Name}' in '{package.DescriptorName}' has no disk: there is nothing to boot.", package.DescriptorName);
            if (ovf.Disks[0].FileHref == null)
                throw new InvalidOvfException(OvfProblem.Unsupported, $"The first disk of '{ovf.Name}' ('{ovf.Disks[0].DiskId}') is blank: there is nothing to boot.", package.DescriptorName);

            var name = string.IsNullOrEmpty(options.Name) ? ovf.Name : options.Name!;
            var networks = await ResolveNetworksAsync(cloud, ovf, options.NetworkMapping, cancellationToken).ConfigureAwait(false);
            if (options.VolumeType != null)
                await cloud.BlockStorage.ResolveVolumeTypeAsync(options.VolumeType, cancellationToken).ConfigureAwait(false);
            var flavor = await pickFlavor(ovf, cancellationToken).ConfigureAwait(false);
            var methods = await cloud.Image.GetImportMethodsAsync(cancellationToken).ConfigureAwait(false);
            var method = methods.Contains(ImageClient.GlanceDirect, StringComparer.OrdinalIgnoreCase) ? ImageClient.GlanceDirect : "upload";

            var disks = ovf.Disks.Select((disk, i) => new PlannedDisk
            {
                Disk = disk,
                ImageName = disk.FileHref == null ? "" : $"{name}-disk{i + 1}",
                VolumeName = $"{name}-disk{i + 1}",
                SizeGB = disk.CapacityGB,
                Boot = i == 0,
                DiskFormat = OvfImageProperties.DiskFormat(disk),
                Properties = OvfImageProperties.For(ovf, disk, OvfImageProperties.DiskFormat(disk)),
            }).ToList();
            var ports = ovf.Nics.Select((nic, i) => new PlannedPort
            {
                Nic = nic,
                Name = $"{name}-nic{i + 1}",
                NetworkId = networks[nic.NetworkName].Id,
                NetworkName = networks[nic.NetworkName].Name,
                MacAddress = options.KeepMacAddress ? nic.MacAddress : null,
            }).ToList();
            return new VAppImportPlan
            {
                Package = package, ServerName = name, Flavor = flavor, Disks = disks, Ports = ports, ImportMethod = method, VolumeType = options.VolumeType,
            };
        }

        private static async Task<Dictionary<string, Network>> ResolveNetworksAsync(CloudConnection cloud, OvfDescriptor ovf,
            IReadOnlyDictionary<string, string> mapping, CancellationToken ct)
        {
            var result = new Dictionary<string, Network>(StringComparer.Ordinal);
            var unconnected = ovf.Nics.FirstOrDefault(n => string.IsNullOrWhiteSpace(n.NetworkName));
            if (unconnected != null)
                throw new UnmappedNetworkException("",
                    $"'{unconnected.Label ?? "A network adapter"}' of '{ovf.Name}' is connected to no network in the descriptor: there is nothing to map it to.");
            foreach (var ovfNetwork in ovf.Nics.Select(n => n.NetworkName).Distinct(StringComparer.Ordinal))
            {
                if (mapping.TryGetValue(ovfNetwork, out var target))
                {
                    result[ovfNetwork] = await cloud.Network.ResolveNetworkAsync(target, ct).ConfigureAwait(false);
                    continue;
                }
                try
                {
                    result[ovfNetwork] = await cloud.Network.ResolveNetworkAsync(ovfNetwork, ct).ConfigureAwait(false);
                }
                catch (NameNotFoundException)
                {
                    var nic = ovf.Nics.First(n => n.NetworkName == ovfNetwork);
                    throw new UnmappedNetworkException(ovfNetwork,
                        $"'{nic.Label ?? "A network adapter"}' of '{ovf.Name}' is on the OVF network '{ovfNetwork}', which -NetworkMapping does not map and no OpenStack network is named. " +
                        $"Map it: -NetworkMapping @{{ '{ovfNetwork}' = '<network>' }}.");
                }
            }
            return result;
        }

        /// <summary>Checks the digests, then creates images, volumes, ports and the server, and waits until it is ACTIVE.
        /// <paramref name="progress"/> gets a percentage and what is happening.</summary>
        public static async Task<Server> ExecuteAsync(CloudConnection cloud, VAppImportPlan plan, bool keepOnFailure, Action<int, string>? progress,
            CancellationToken cancellationToken)
        {
            var package = plan.Package;
            progress?.Invoke(1, $"checking the digests of {package.ManifestName ?? "the files"}");
            package.Verify((done, total) => progress?.Invoke(1 + (int)(19 * done / Math.Max(1, total)), $"checking digests ({done >> 20} of {total >> 20} MiB)"), cancellationToken);

            var created = new CreatedResources();
            try
            {
                var imageIds = await UploadImagesAsync(cloud, plan, created, progress, cancellationToken).ConfigureAwait(false);
                var volumeIds = new List<string>();
                for (var i = 0; i < plan.Disks.Count; i++)
                {
                    var disk = plan.Disks[i];
                    progress?.Invoke(60 + 15 * i / plan.Disks.Count, $"creating volume {disk.VolumeName} ({disk.SizeGB} GB)");
                    var request = new VolumeCreateRequest
                    {
                        Name = disk.VolumeName, SizeGB = disk.SizeGB, ImageId = imageIds[i], VolumeType = plan.VolumeType,
                        Description = $"Disk '{disk.Disk.DiskId}' of '{plan.Descriptor.Name}', imported from {System.IO.Path.GetFileName(package.Path)}",
                    };
                    var volume = await cloud.BlockStorage.CreateVolumeAsync(request, cancellationToken).ConfigureAwait(false);
                    created.Volumes.Add((volume.Id, disk.VolumeName));
                    await cloud.BlockStorage.WaitForVolumeStatusAsync(volume.Id, new[] { "available" }, null, null, cancellationToken).ConfigureAwait(false);
                    volumeIds.Add(volume.Id);
                }
                var portIds = new List<string>();
                foreach (var port in plan.Ports)
                {
                    progress?.Invoke(76, $"creating port {port.Name} on {port.NetworkName}");
                    var made = await cloud.Network.CreatePortAsync(new PortCreateRequest
                    {
                        Name = port.Name, NetworkId = port.NetworkId, MacAddress = port.MacAddress,
                        Description = $"{port.Nic.Label ?? "NIC"} ({port.Nic.AdapterType}) of '{plan.Descriptor.Name}' on OVF network '{port.Nic.NetworkName}'",
                    }, cancellationToken).ConfigureAwait(false);
                    created.Ports.Add((made.Id, port.Name));
                    portIds.Add(made.Id);
                }

                progress?.Invoke(80, $"creating server {plan.ServerName} ({plan.Flavor.Name})");
                var server = new ServerCreateRequest { Name = plan.ServerName, FlavorId = plan.Flavor.Id, BootVolumeId = volumeIds[0], NoNetwork = portIds.Count == 0 };
                foreach (var id in volumeIds.Skip(1))
                    server.DataVolumeIds.Add(id);
                foreach (var id in portIds)
                    server.PortIds.Add(id);
                // Not cancelled half-way: a cancelled POST may still have made the server, and its id is needed to remove it.
                var serverId = await cloud.Compute.CreateServerAsync(server, CancellationToken.None).ConfigureAwait(false);
                created.ServerId = serverId;
                created.ServerName = plan.ServerName;
                return await cloud.Compute.WaitForServerStatusAsync(serverId, new[] { "ACTIVE" },
                    s => progress?.Invoke(90, $"server {plan.ServerName}: {s?.Status ?? "?"}{(s?.TaskState != null ? " (" + s.TaskState + ")" : "")}"), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception failure) when (created.Any)
            {
                if (keepOnFailure)
                    throw new VAppImportFailedException(failure, $"Import of '{plan.ServerName}' failed: {failure.Message} Kept (-KeepOnFailure): {created.Describe()}.");
                var (removed, left) = await created.RemoveAsync(cloud).ConfigureAwait(false);
                throw new VAppImportFailedException(failure, $"Import of '{plan.ServerName}' failed: {failure.Message} Removed: {removed}." +
                    (left.Length > 0 ? $" Could not remove: {left}; remove them by hand." : ""));
            }
        }

        private static async Task<List<string>> UploadImagesAsync(CloudConnection cloud, VAppImportPlan plan, CreatedResources created, Action<int, string>? progress,
            CancellationToken ct)
        {
            var ids = new List<string>();
            var total = Math.Max(1, plan.Disks.Sum(d => d.Disk.FileSize ?? plan.Package.SizeOf(d.Disk.FileHref ?? "") ?? 0));
            long before = 0;
            foreach (var disk in plan.Disks)
            {
                if (disk.Disk.FileHref == null)
                {
                    ids.Add(null!);
                    continue;
                }
                var size = plan.Package.SizeOf(disk.Disk.FileHref) ?? 0;
                var request = new ImageCreateRequest { Name = disk.ImageName, DiskFormat = disk.DiskFormat, ContainerFormat = "bare", MinDiskGB = disk.SizeGB };
                foreach (var p in disk.Properties)
                    request.Properties[p.Key] = p.Value;
                var offset = before;
                void Sent(long bytes) => progress?.Invoke(20 + (int)(40 * (offset + bytes) / total),
                    $"uploading {disk.Disk.FileHref} as image {disk.ImageName} ({(bytes >> 10):N0} of {(size >> 10):N0} KiB)");
                progress?.Invoke(20 + (int)(40 * offset / total), $"uploading {disk.Disk.FileHref} as image {disk.ImageName}");
                Image image;
                using (var data = plan.Package.OpenVerified(disk.Disk.FileHref))
                {
                    // Each Create* deletes its own image when it fails; once it returns, the image is ours to remove.
                    image = plan.ImportMethod == ImageClient.GlanceDirect
                        ? await cloud.Image.CreateByGlanceDirectAsync(request, data, size, Sent,
                            i => progress?.Invoke(20 + (int)(40 * (offset + size) / total), $"image {disk.ImageName}: {i.Status} (Glance imports{(i.Status == "importing" ? ", converting" : "")})"), ct).ConfigureAwait(false)
                        : await cloud.Image.CreateWithDataAsync(request, data, size, Sent, ct).ConfigureAwait(false);
                }
                created.Images.Add((image.Id, disk.ImageName));
                ids.Add(image.Id);
                before += size;
            }
            return ids;
        }

        /// <summary>What an import made so far, to remove newest first when it fails.</summary>
        private sealed class CreatedResources
        {
            public List<(string Id, string Name)> Images { get; } = new List<(string, string)>();
            public List<(string Id, string Name)> Volumes { get; } = new List<(string, string)>();
            public List<(string Id, string Name)> Ports { get; } = new List<(string, string)>();
            public string? ServerId { get; set; }
            public string? ServerName { get; set; }

            public bool Any => Images.Count + Volumes.Count + Ports.Count > 0 || ServerId != null;

            public string Describe()
            {
                var parts = new List<string>();
                if (ServerId != null) parts.Add($"server {ServerName} ({ServerId})");
                if (Ports.Count > 0) parts.Add("ports " + string.Join(", ", Ports.Select(p => p.Name)));
                if (Volumes.Count > 0) parts.Add("volumes " + string.Join(", ", Volumes.Select(p => p.Name)));
                if (Images.Count > 0) parts.Add("images " + string.Join(", ", Images.Select(p => p.Name)));
                return string.Join("; ", parts);
            }

            /// <summary>Removes everything (not cancellable: half a cleanup is worse), and says what went and what stayed.</summary>
            public async Task<(string Removed, string Left)> RemoveAsync(CloudConnection cloud)
            {
                var removed = new List<string>();
                var left = new List<string>();
                var ct = CancellationToken.None;
                async Task Try(string what, Func<Task> remove)
                {
                    try
                    {
                        await remove().ConfigureAwait(false);
                        removed.Add(what);
                    }
                    catch (OpenStackException ex)
                    {
                        left.Add($"{what} ({ex.Message})");
                    }
                }
                if (ServerId != null)
                    await Try($"server {ServerName}", async () =>
                    {
                        await cloud.Compute.DeleteServerAsync(ServerId, ct).ConfigureAwait(false);
                        await cloud.Compute.WaitForServerDeletedAsync(ServerId, null, ct).ConfigureAwait(false);
                    }).ConfigureAwait(false);
                foreach (var port in Enumerable.Reverse(Ports))
                    await Try($"port {port.Name}", () => IgnoreGone(cloud.Network.DeletePortAsync(port.Id, ct))).ConfigureAwait(false);
                foreach (var volume in Enumerable.Reverse(Volumes))
                    await Try($"volume {volume.Name}", async () =>
                    {
                        // A volume still "creating" cannot be deleted: wait for it to settle first.
                        await cloud.BlockStorage.WaitForVolumeAsync(volume.Id, v => v == null || v.Status != "creating" && v.Status != "downloading" && v.Status != "detaching" && v.Status != "in-use",
                            null, ct).ConfigureAwait(false);
                        await IgnoreGone(cloud.BlockStorage.DeleteVolumeAsync(volume.Id, ct)).ConfigureAwait(false);
                        await cloud.BlockStorage.WaitForVolumeDeletedAsync(volume.Id, null, ct).ConfigureAwait(false);
                    }).ConfigureAwait(false);
                foreach (var image in Enumerable.Reverse(Images))
                    await Try($"image {image.Name}", () => IgnoreGone(cloud.Image.DeleteAsync(image.Id, ct))).ConfigureAwait(false);
                return (string.Join(", ", removed), string.Join(", ", left));
            }

            private static async Task IgnoreGone(Task delete)
            {
                try
                {
                    await delete.ConfigureAwait(false);
                }
                catch (ResourceNotFoundException)
                {
                }
            }
        }
    }
}
