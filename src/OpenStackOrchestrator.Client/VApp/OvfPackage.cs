using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.VApp
{
    /// <summary>An OVF package on disk: a folder with the .ovf, its .mf and disks, or an .ova holding them. The data
    /// is read in place (an .ova is scanned entry by entry, never extracted).</summary>
    public sealed class OvfPackage
    {
        private OvfPackage(string path, bool isOva, string descriptorName, OvfDescriptor descriptor, OvfManifest? manifest, string? manifestName,
            IReadOnlyDictionary<string, long> ovaEntries)
        {
            Path = path;
            IsOva = isOva;
            DescriptorName = descriptorName;
            Descriptor = descriptor;
            Manifest = manifest;
            ManifestName = manifestName;
            _ovaEntries = ovaEntries;
        }

        private readonly IReadOnlyDictionary<string, long> _ovaEntries;

        /// <summary>The .ovf or .ova given.</summary>
        public string Path { get; }
        public bool IsOva { get; }
        public string DescriptorName { get; }
        public OvfDescriptor Descriptor { get; }
        /// <summary>The .mf, when the package has one.</summary>
        public OvfManifest? Manifest { get; }
        public string? ManifestName { get; }

        /// <summary>Reads the descriptor and manifest of an .ovf (and the folder it is in) or an .ova.</summary>
        public static OvfPackage Open(string path)
        {
            if (!File.Exists(path))
                throw new InvalidOvfException(OvfProblem.FileMissing, $"'{path}' does not exist.", path);
            using (var probe = File.OpenRead(path))
            {
                var head = new byte[512];
                var n = probe.Read(head, 0, head.Length);
                // An .ova is a tar: "ustar" at offset 257. Anything else is taken for a descriptor.
                if (n == 512 && System.Text.Encoding.ASCII.GetString(head, 257, 5) == "ustar")
                    return OpenOva(path);
            }
            return OpenOvf(path);
        }

        private static OvfPackage OpenOvf(string path)
        {
            var name = System.IO.Path.GetFileName(path);
            var descriptor = OvfReader.ReadFile(path);
            var mfPath = System.IO.Path.ChangeExtension(path, ".mf");
            OvfManifest? manifest = null;
            string? mfName = null;
            if (File.Exists(mfPath))
            {
                mfName = System.IO.Path.GetFileName(mfPath);
                using var mf = File.OpenRead(mfPath);
                manifest = OvfManifest.Read(mf, mfName);
            }
            return new OvfPackage(path, false, name, descriptor, manifest, mfName, new Dictionary<string, long>());
        }

        private static OvfPackage OpenOva(string path)
        {
            var ovaName = System.IO.Path.GetFileName(path);
            OvfDescriptor? descriptor = null;
            string? descriptorName = null;
            OvfManifest? manifest = null;
            string? mfName = null;
            var entries = new Dictionary<string, long>(StringComparer.Ordinal);
            using (var reader = OvaReader.Open(path))
            {
                for (var entry = reader.NextEntry(); entry != null; entry = reader.NextEntry())
                {
                    entries[entry.Name] = entry.Size;
                    if (descriptor == null && entry.Name.EndsWith(".ovf", StringComparison.OrdinalIgnoreCase))
                    {
                        descriptorName = entry.Name;
                        descriptor = OvfReader.Read(entry.Content, $"{entry.Name} in {ovaName}");
                    }
                    else if (manifest == null && entry.Name.EndsWith(".mf", StringComparison.OrdinalIgnoreCase))
                    {
                        mfName = entry.Name;
                        manifest = OvfManifest.Read(entry.Content, $"{entry.Name} in {ovaName}");
                    }
                }
            }
            if (descriptor == null)
                throw new InvalidOvfException(OvfProblem.Malformed, $"'{ovaName}' holds no .ovf descriptor.", path);
            return new OvfPackage(path, true, descriptorName!, descriptor, manifest, mfName, entries);
        }

        /// <summary>The size of a file of the package, or null when it is not there.</summary>
        public long? SizeOf(string href)
        {
            if (IsOva)
                return _ovaEntries.TryGetValue(href, out var size) ? size : (long?)null;
            var file = new FileInfo(FolderPath(href));
            return file.Exists ? file.Length : (long?)null;
        }

        /// <summary>FileMissing for a disk file not in the folder/archive; DigestMismatch for a size other than the
        /// descriptor's. Cheap: reads no data.</summary>
        public void CheckFilesPresent()
        {
            foreach (var disk in Descriptor.Disks.Where(d => d.FileHref != null))
            {
                var file = Descriptor.Files.FirstOrDefault(f => f.Id == disk.FileId);
                if (file?.ChunkSize != null || (file?.Compression != null && !string.Equals(file.Compression, "identity", StringComparison.OrdinalIgnoreCase)))
                    throw new InvalidOvfException(OvfProblem.Unsupported,
                        $"'{disk.FileHref}' is stored {(file!.ChunkSize != null ? "in chunks" : file.Compression + "-compressed")}; export again without ovftool's --chunkSize/--compress (Export-VApp does not use them).",
                        disk.FileHref);
                var size = SizeOf(disk.FileHref!);
                if (size == null)
                    throw new InvalidOvfException(OvfProblem.FileMissing,
                        $"Disk '{disk.DiskId}' of '{Descriptor.Name}' is the file '{disk.FileHref}', which is not {(IsOva ? "in '" + System.IO.Path.GetFileName(Path) + "'" : "beside '" + DescriptorName + "'")}.",
                        disk.FileHref);
                if (disk.FileSize.HasValue && disk.FileSize.Value != size.Value)
                    throw new InvalidOvfException(OvfProblem.DigestMismatch,
                        $"'{disk.FileHref}' has {size} bytes; the descriptor says {disk.FileSize}. The file was changed or cut short after the export.", disk.FileHref);
            }
        }

        /// <summary>Checks the files present, then hashes the descriptor and every disk against the manifest (when there
        /// is one), reading each once. <paramref name="progress"/> gets the bytes read so far of the total.</summary>
        public void Verify(Action<long, long>? progress, CancellationToken cancellationToken)
        {
            CheckFilesPresent();
            if (Manifest == null)
                return;
            var names = new List<string> { DescriptorName };
            names.AddRange(Descriptor.Disks.Where(d => d.FileHref != null).Select(d => d.FileHref!));
            var total = names.Sum(n => SizeOf(n) ?? 0);
            long done = 0;
            var buffer = new byte[1 << 20];
            foreach (var name in names)
            {
                using var content = OpenFile(name);
                using var verifying = Manifest.OpenVerifying(name, content);
                int n;
                while ((n = verifying.Read(buffer, 0, buffer.Length)) > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    done += n;
                    progress?.Invoke(done, total);
                }
            }
        }

        /// <summary>A file's bytes, checked against the manifest as they are read (a change after <see cref="Verify"/>
        /// fails at its end too).</summary>
        public Stream OpenVerified(string href)
        {
            var content = OpenFile(href);
            return Manifest == null ? content : Manifest.OpenVerifying(href, content);
        }

        private Stream OpenFile(string href)
        {
            if (!IsOva)
            {
                var full = FolderPath(href);
                if (!File.Exists(full))
                    throw new InvalidOvfException(OvfProblem.FileMissing, $"'{href}' is not beside '{DescriptorName}'.", href);
                return File.OpenRead(full);
            }
            var reader = OvaReader.Open(Path);
            for (var entry = reader.NextEntry(); entry != null; entry = reader.NextEntry())
            {
                if (entry.Name == href)
                    return new OwningStream(entry.Content, reader);
            }
            reader.Dispose();
            throw new InvalidOvfException(OvfProblem.FileMissing, $"'{href}' is not in '{System.IO.Path.GetFileName(Path)}'.", href);
        }

        private string FolderPath(string href)
        {
            // An href is relative to the descriptor; one that climbs out of its folder is not read.
            if (href.Contains("..") || System.IO.Path.IsPathRooted(href) || href.Contains("://"))
                throw new InvalidOvfException(OvfProblem.Unsupported, $"The file reference '{href}' is not a file beside the descriptor.", href);
            return System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) ?? ".", href);
        }

        /// <summary>An entry's stream that disposes the archive reader with it.</summary>
        private sealed class OwningStream : ReadOnlyForwardStream
        {
            private readonly Stream _inner;
            private readonly IDisposable _owner;

            public OwningStream(Stream inner, IDisposable owner)
            {
                _inner = inner;
                _owner = owner;
            }

            public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
            public override System.Threading.Tasks.Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                _inner.ReadAsync(buffer, offset, count, cancellationToken);
            public override long Length => _inner.Length;
            protected override long ReadPosition => _inner.Position;

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    _inner.Dispose();
                    _owner.Dispose();
                }
                base.Dispose(disposing);
            }
        }
    }
}
