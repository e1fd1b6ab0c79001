using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Images;

namespace OpenStackOrchestrator.Client.VApp
{
    /// <summary>What an export wrote.</summary>
    public sealed class VAppExportResult
    {
        /// <summary>The .ova, or the .ovf inside the package folder (what Import-VApp -Source takes).</summary>
        public string Path { get; init; } = "";
        public VAppPackageFormat Format { get; init; }
        /// <summary>The files of the package with their SHA-256 digests, as the manifest lists them.</summary>
        public IReadOnlyList<OvfManifestEntry> Files { get; init; } = Array.Empty<OvfManifestEntry>();
        public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();
    }

    /// <summary>Export-OSVApp: a server as an OVF package (or .ova) that vSphere's Import-VApp takes. Each disk becomes
    /// a temporary image (Nova snapshot or Cinder upload, VMDK where Cinder converts), is downloaded (verified against
    /// Glance's checksums, hashed with SHA-256 for the manifest in the same pass), and the temporary images are deleted
    /// however the export ends.</summary>
    public sealed partial class VAppExporter
    {
        private const int ImagesDone = 30;
        private const int DownloadsDone = 95;

        public async Task<VAppExportResult> ExportAsync(VAppExportPlan plan, Action<int, string>? progress, Action<string>? warning, CancellationToken cancellationToken)
        {
            var report = progress ?? ((_, __) => { });
            var warnings = new List<string>();
            void Warn(string text)
            {
                warnings.Add(text);
                warning?.Invoke(text);
            }
            var temporaries = new Temporaries();
            try
            {
                var images = await MakeImagesAsync(plan, temporaries, report, cancellationToken).ConfigureAwait(false);
                var result = await WritePackageAsync(plan, images, report, Warn, cancellationToken).ConfigureAwait(false);
                return new VAppExportResult { Path = result.Path, Format = plan.Format, Files = result.Files, Warnings = warnings };
            }
            finally
            {
                report(99, "removing the temporary images");
                var left = await RemoveTemporariesAsync(temporaries, s => report(99, s)).ConfigureAwait(false);
                if (left.Count > 0)
                    Warn($"Could not delete the temporary {string.Join(", ", left)}: remove it with Remove-OSImage / Remove-OSVolume.");
            }
        }

        /// <summary>All disks' images at once (Nova and Cinder work in parallel); the first failure stops the others.</summary>
        private async Task<Image[]> MakeImagesAsync(VAppExportPlan plan, Temporaries temporaries, Action<int, string> report, CancellationToken cancellationToken)
        {
            // unique per export: the cleanup also deletes by these names
            var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N").Substring(0, 4);
            var statuses = new string[plan.Disks.Count];
            using (var firstFailure = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var work = plan.Disks.Select(async (disk, i) =>
                {
                    try
                    {
                        return await MakeImageAsync(plan, disk, TemporaryImageName(plan, stamp, disk), temporaries, status =>
                        {
                            lock (statuses)
                            {
                                statuses[i] = status;
                                report(2 + (ImagesDone - 2) * statuses.Count(s => s != null && s.EndsWith("active", StringComparison.Ordinal)) / statuses.Length,
                                    string.Join("; ", statuses.Select((s, j) => $"disk {j + 1}: {s ?? "waiting"}")));
                            }
                        }, firstFailure.Token).ConfigureAwait(false);
                    }
                    catch
                    {
                        firstFailure.Cancel();
                        throw;
                    }
                }).ToList();
                try
                {
                    return await Task.WhenAll(work).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // a sibling's cancellation is not the news: the disk that failed first is
                    var failed = work.FirstOrDefault(t => t.IsFaulted && !(t.Exception!.InnerException is OperationCanceledException));
                    if (failed != null)
                        await failed.ConfigureAwait(false);
                    throw;
                }
            }
        }

        /// <summary>The temporary images are named after the server, so that whoever sees one knows where it came from.</summary>
        public static string TemporaryImageName(VAppExportPlan plan, string stamp, VAppExportDisk disk) => $"{plan.PackageName}-export-{stamp}-disk{disk.Index}";

        private async Task<(string Path, IReadOnlyList<OvfManifestEntry> Files)> WritePackageAsync(VAppExportPlan plan, Image[] images, Action<int, string> report,
            Action<string> warn, CancellationToken cancellationToken)
        {
            var disks = plan.Disks.Select((disk, i) => new ExportedDisk
            {
                Disk = disk,
                FileName = $"{plan.PackageName}-disk{disk.Index}{Extension(images[i].DiskFormat)}",
                FileSize = images[i].SizeBytes ?? 0,
                CapacityBytes = VirtualSize(images[i]) ?? disk.PlannedCapacityBytes ?? images[i].SizeBytes ?? 0,
                DiskFormat = images[i].DiskFormat ?? "raw",
            }).ToList();
            var ovfName = plan.PackageName + ".ovf";
            var manifestName = plan.PackageName + ".mf";
            var zero = new string('0', 64);
            var manifestLength = Encoding.UTF8.GetByteCount(new OvfManifest(new[] { ovfName }.Concat(disks.Select(d => d.FileName))
                .Select(f => new OvfManifestEntry("SHA256", f, zero))).ToText());

            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(plan.TargetPath)!);
            using (var package = VAppPackageWriter.For(plan.Format, plan.TargetPath, plan.Overwrite))
            {
                await package.BeginAsync(ovfName, OvfWriter.ToBytes(VAppExportDescriptor.Build(plan, disks)), manifestName, manifestLength, cancellationToken).ConfigureAwait(false);
                var digests = new List<OvfManifestEntry>();
                var total = Math.Max(1, disks.Sum(d => d.FileSize));
                long before = 0;
                for (var i = 0; i < disks.Count; i++)
                {
                    var disk = disks[i];
                    var done = before;
                    string? sha256 = null;
                    string? subFormat = null;
                    await package.WriteDiskAsync(disk.FileName, disk.FileSize, async destination =>
                    {
                        var sniffer = new VmdkSniffer(destination);
                        using (var hashing = new HashingStream(sniffer, "sha256"))
                        {
                            await _cloud.Image.DownloadAsync(images[i].Id, hashing, bytes =>
                                    report(ImagesDone + (int)((DownloadsDone - ImagesDone) * (done + bytes) / total),
                                        $"downloading disk {disk.Disk.Index} of {disks.Count}: {bytes / 1048576.0:0.0} of {disk.FileSize / 1048576.0:0.0} MB"),
                                cancellationToken).ConfigureAwait(false);
                            sha256 = hashing.Complete().HashValue;
                        }
                        subFormat = sniffer.SubFormat;
                    }, cancellationToken).ConfigureAwait(false);
                    disk.VmdkSubFormat = subFormat;
                    digests.Add(new OvfManifestEntry("SHA256", disk.FileName, sha256!));
                    before += disk.FileSize;
                }
                report(DownloadsDone, "writing the descriptor and manifest");
                WarnAboutFormats(disks, warn);
                var ovf = package.Stored(OvfWriter.ToBytes(VAppExportDescriptor.Build(plan, disks)));
                var entries = new[] { Digest(ovfName, ovf) }.Concat(digests).ToList();
                var manifest = new UTF8Encoding(false).GetBytes(new OvfManifest(entries).ToText());
                await package.FinishAsync(ovf, manifest, cancellationToken).ConfigureAwait(false);
                var path = plan.Format == VAppPackageFormat.Ova ? plan.TargetPath : System.IO.Path.Combine(plan.TargetPath, ovfName);
                return (path, entries);
            }
        }

        private static void WarnAboutFormats(IReadOnlyList<ExportedDisk> disks, Action<string> warn)
        {
            var notVmdk = disks.Where(d => !string.Equals(d.DiskFormat, "vmdk", StringComparison.OrdinalIgnoreCase)).ToList();
            if (notVmdk.Count > 0)
                warn($"Not VMDK: {Describe(notVmdk, d => d.DiskFormat)}. The cloud did not convert {(notVmdk.Count == 1 ? "it" : "them")}, and vSphere's " +
                     "Import-VApp takes only VMDK disks: convert with 'qemu-img convert -O vmdk -o subformat=streamOptimized', then update the " +
                     "file names, sizes and digests in the .ovf and .mf.");
            var notStreamable = disks.Where(d => string.Equals(d.DiskFormat, "vmdk", StringComparison.OrdinalIgnoreCase) && d.VmdkSubFormat != null &&
                                                 !string.Equals(d.VmdkSubFormat, "streamOptimized", StringComparison.OrdinalIgnoreCase)).ToList();
            if (notStreamable.Count > 0)
                warn($"Not streamOptimized: {Describe(notStreamable, d => "a " + d.VmdkSubFormat + " VMDK")}. vSphere deploys only streamOptimized VMDKs " +
                     "from an OVF: convert with 'qemu-img convert -O vmdk -o subformat=streamOptimized' before Import-VApp.");
        }

        private static string Describe(IReadOnlyList<ExportedDisk> disks, Func<ExportedDisk, string> format) =>
            string.Join("; ", disks.Select(d => $"disk {d.Disk.Index} ({d.Disk.Describe()}, {d.FileName}) is {format(d)}"));

        private static OvfManifestEntry Digest(string name, byte[] content)
        {
            using (var sha = System.Security.Cryptography.SHA256.Create())
                return new OvfManifestEntry("SHA256", name, string.Concat(sha.ComputeHash(content).Select(b => b.ToString("x2", CultureInfo.InvariantCulture))));
        }

        internal static string Extension(string? diskFormat)
        {
            switch (diskFormat?.ToLowerInvariant())
            {
                case "vmdk": return ".vmdk";
                case "qcow2": return ".qcow2";
                case "vhd": return ".vhd";
                case "vhdx": return ".vhdx";
                case "vdi": return ".vdi";
                case "iso": return ".iso";
                default: return ".img";
            }
        }
    }
}
