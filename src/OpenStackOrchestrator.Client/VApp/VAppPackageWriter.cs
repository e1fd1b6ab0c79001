using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace OpenStackOrchestrator.Client.VApp
{
    /// <summary>Where an export's files go: an OVF folder (.ovf, .mf, disks) or one .ova. Disks are written as
    /// they download; the descriptor and manifest at the end. Everything is written under a temporary name that
    /// replaces the target only once complete, so a failed or cancelled export leaves nothing half-written.</summary>
    internal abstract class VAppPackageWriter : IDisposable
    {
        protected VAppPackageWriter(string target, bool overwrite)
        {
            Target = target;
            Overwrite = overwrite;
        }

        public string Target { get; }
        protected bool Overwrite { get; }

        /// <summary>Called once before the disks, with the descriptor as far as it is known and the manifest's exact length.</summary>
        public abstract Task BeginAsync(string ovfName, byte[] provisionalOvf, string manifestName, int manifestLength, CancellationToken cancellationToken);

        /// <summary>Writes one disk of <paramref name="size"/> bytes: <paramref name="produce"/> writes them into the stream it is given.</summary>
        public abstract Task WriteDiskAsync(string name, long size, Func<Stream, Task> produce, CancellationToken cancellationToken);

        public abstract Task FinishAsync(byte[] ovf, byte[] manifest, CancellationToken cancellationToken);

        /// <summary>The descriptor's bytes as the package stores them: what the manifest's digest covers.</summary>
        public virtual byte[] Stored(byte[] ovf) => ovf;

        public abstract void Dispose();

        public static VAppPackageWriter For(VAppPackageFormat format, string target, bool overwrite) =>
            format == VAppPackageFormat.Ova ? new OvaPackageWriter(target, overwrite) : (VAppPackageWriter)new OvfFolderWriter(target, overwrite);
    }

    internal sealed class OvfFolderWriter : VAppPackageWriter
    {
        private readonly string _partial;
        private string _ovfName = "";
        private string _manifestName = "";
        private bool _done;

        public OvfFolderWriter(string target, bool overwrite) : base(target, overwrite) =>
            _partial = target.TrimEnd(Path.DirectorySeparatorChar) + $".{Guid.NewGuid():N}.partial";

        public override Task BeginAsync(string ovfName, byte[] provisionalOvf, string manifestName, int manifestLength, CancellationToken cancellationToken)
        {
            _ovfName = ovfName;
            _manifestName = manifestName;
            Directory.CreateDirectory(_partial);
            return Task.CompletedTask;
        }

        public override async Task WriteDiskAsync(string name, long size, Func<Stream, Task> produce, CancellationToken cancellationToken)
        {
            using (var file = new FileStream(Path.Combine(_partial, name), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
                await produce(file).ConfigureAwait(false);
        }

        public override Task FinishAsync(byte[] ovf, byte[] manifest, CancellationToken cancellationToken)
        {
            File.WriteAllBytes(Path.Combine(_partial, _ovfName), ovf);
            File.WriteAllBytes(Path.Combine(_partial, _manifestName), manifest);
            if (Directory.Exists(Target))
            {
                if (!Overwrite && Directory.EnumerateFileSystemEntries(Target).Any())
                    throw new IOException($"'{Target}' appeared during the export; it was left as it is. Use -Force to overwrite it.");
                Directory.Delete(Target, true);
            }
            Directory.Move(_partial, Target);
            _done = true;
            return Task.CompletedTask;
        }

        public override void Dispose()
        {
            if (!_done && Directory.Exists(_partial))
                Directory.Delete(_partial, true);
        }
    }

    /// <summary>One .ova, streamed: the .ovf entry first, the .mf second, then each disk as it downloads (through a
    /// <see cref="PipeStream"/>, never a loose file). The .ovf and .mf entries are written first with their final
    /// length (the manifest's is fixed by its file names; the descriptor's is reserved with room to spare) and their
    /// text is filled in once the disks' digests and formats are known.</summary>
    internal sealed class OvaPackageWriter : VAppPackageWriter
    {
        internal const int DescriptorSlack = 1024;
        private readonly string _partial;
        private FileStream? _file;
        private OvaWriter? _tar;
        private long _ovfOffset;
        private int _ovfLength;
        private long _manifestOffset;
        private int _manifestLength;
        private bool _done;

        public OvaPackageWriter(string target, bool overwrite) : base(target, overwrite) => _partial = $"{target}.{Guid.NewGuid():N}.partial";

        public override async Task BeginAsync(string ovfName, byte[] provisionalOvf, string manifestName, int manifestLength, CancellationToken cancellationToken)
        {
            _file = new FileStream(_partial, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous);
            _tar = new OvaWriter(_file, leaveOpen: true);
            _ovfLength = provisionalOvf.Length + DescriptorSlack;
            _ovfOffset = await AddPlaceholderAsync(ovfName, _ovfLength, cancellationToken).ConfigureAwait(false);
            _manifestLength = manifestLength;
            _manifestOffset = await AddPlaceholderAsync(manifestName, manifestLength, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Adds an entry of spaces; returns where its data starts (the end of the entry minus its data and padding,
        /// which holds whatever headers the writer put before it).</summary>
        private async Task<long> AddPlaceholderAsync(string name, int length, CancellationToken cancellationToken)
        {
            var spaces = Enumerable.Repeat((byte)' ', length).ToArray();
            await _tar!.AddEntryAsync(name, length, new MemoryStream(spaces), cancellationToken).ConfigureAwait(false);
            await _file!.FlushAsync(cancellationToken).ConfigureAwait(false);
            return _file.Position - length - OvaReader.Padding(length);
        }

        public override async Task WriteDiskAsync(string name, long size, Func<Stream, Task> produce, CancellationToken cancellationToken)
        {
            using (var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            using (var pipe = new PipeStream())
            {
                var archiving = _tar!.AddEntryAsync(name, size, pipe, failed.Token);
                var downloading = Task.Run(async () =>
                {
                    try
                    {
                        await produce(pipe).ConfigureAwait(false);
                        pipe.CompleteWriting();
                    }
                    catch (Exception ex)
                    {
                        pipe.CompleteWriting(ex);
                        throw;
                    }
                });
                var first = await Task.WhenAny(archiving, downloading).ConfigureAwait(false);
                // the other side must not wait for bytes or room that will never come
                if (first.IsFaulted || first.IsCanceled)
                    failed.Cancel();
                if (first == archiving && !downloading.IsCompleted)
                    pipe.AbortReading(archiving.Exception?.GetBaseException()
                        ?? (archiving.IsCanceled ? new OperationCanceledException() : (Exception)new IOException($"'{name}' has more data than the {size} bytes announced.")));
                try
                {
                    await Task.WhenAll(archiving, downloading).ConfigureAwait(false);
                }
                catch (Exception) when (downloading.IsFaulted || downloading.IsCanceled)
                {
                    // the download's failure says the most: its own (checksum, network, cancellation), or the archive's
                    // ("the archive stopped taking data: disk full") that made it stop
                    await downloading.ConfigureAwait(false);
                    throw;
                }
            }
        }

        public override async Task FinishAsync(byte[] ovf, byte[] manifest, CancellationToken cancellationToken)
        {
            if (ovf.Length > _ovfLength)
                throw new InvalidOperationException($"The descriptor grew past the {_ovfLength} bytes reserved for it in the archive.");
            if (manifest.Length != _manifestLength)
                throw new InvalidOperationException($"The manifest is {manifest.Length} bytes, not the {_manifestLength} its entry holds.");
            _tar!.Finish();
            var padded = Stored(ovf);
            _file!.Seek(_ovfOffset, SeekOrigin.Begin);
            await _file.WriteAsync(padded, 0, padded.Length, cancellationToken).ConfigureAwait(false);
            _file.Seek(_manifestOffset, SeekOrigin.Begin);
            await _file.WriteAsync(manifest, 0, manifest.Length, cancellationToken).ConfigureAwait(false);
            await _file.FlushAsync(cancellationToken).ConfigureAwait(false);
            _file.Dispose();
            _file = null;
            if (File.Exists(Target))
            {
                if (!Overwrite)
                    throw new IOException($"'{Target}' appeared during the export; it was left as it is. Use -Force to overwrite it.");
                File.Delete(Target);
            }
            File.Move(_partial, Target);
            _done = true;
        }

        /// <summary>XML allows white space after the root element: the room reserved in the archive is filled with it.</summary>
        public override byte[] Stored(byte[] ovf)
        {
            if (ovf.Length > _ovfLength)
                throw new InvalidOperationException($"The descriptor grew past the {_ovfLength} bytes reserved for it in the archive.");
            var padded = new byte[_ovfLength];
            Array.Copy(ovf, padded, ovf.Length);
            for (var i = ovf.Length; i < padded.Length; i++)
                padded[i] = (byte)(i == padded.Length - 1 ? '\n' : ' ');
            return padded;
        }

        public override void Dispose()
        {
            _file?.Dispose();
            if (!_done && File.Exists(_partial))
                File.Delete(_partial);
        }
    }
}
