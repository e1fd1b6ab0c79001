using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.ObjectStorage;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Cmdlets.Images;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.ObjectStorage
{
    /// <summary>Receive-OSObject: downloads objects to files, streamed and verified (MD5 against the ETag, a large
    /// object segment by segment). Into a folder, an object's name is its relative path ("a/b.txt" → a/b.txt). Each
    /// file is written beside the target and moved there once verified; existing files are kept without -Force.</summary>
    [Cmdlet(VerbsCommunications.Receive, "OSObject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = NameSet)]
    [OutputType(typeof(FileInfo), typeof(OSTask))]
    public sealed class ReceiveOSObjectCommand : OSTaskCmdlet
    {
        private const string ObjectSet = "Object";
        private const string NameSet = "Name";
        private const string PrefixSet = "Prefix";
        private readonly SemaphoreSlim _slots = new SemaphoreSlim(SendOSObjectCommand.FilesAtOnce);
        private readonly HashSet<string> _claimed = new HashSet<string>(StringComparer.Ordinal);

        [Parameter(Mandatory = true, ParameterSetName = ObjectSet, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public StorageObject[]? InputObject { get; set; }

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PrefixSet)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ContainerNameCompleter))]
        [ValidateNotNull]
        public ResourceReference? Container { get; set; }

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = NameSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>Every object whose name starts with this (case-sensitive), into the -Destination folder.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PrefixSet)]
        [ValidateNotNullOrEmpty]
        public string? Prefix { get; set; }

        /// <summary>A folder (existing, or ending with a separator, or for several objects), or the file for one object.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? Destination { get; set; }

        /// <summary>Overwrites existing files.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override string Activity => "Downloading objects";

        protected override void ProcessRecord()
        {
            var destination = GetUnresolvedProviderPathFromPSPath(Destination);
            var intoFolder = ParameterSetName == PrefixSet || Directory.Exists(destination) || EndsWithSeparator(Destination!) || Name?.Length > 1;
            foreach (var item in Items())
            {
                if (item.IsFolder && item.Hash == null)
                    ReceivePrefix(item.Cloud, item.Container, item.Name, destination);
                else
                    Receive(item, intoFolder ? FileFor(destination, item) : destination);
            }
        }

        private IEnumerable<StorageObject> Items()
        {
            if (InputObject != null)
                return InputObject;
            var cloud = Container!.Cloud ?? TargetCloud();
            if (cloud == null)
                return new StorageObject[0];
            var container = Container.Name ?? Container.Text;
            if (ParameterSetName == PrefixSet)
            {
                ReceivePrefix(cloud, container, Prefix!, GetUnresolvedProviderPathFromPSPath(Destination));
                return new StorageObject[0];
            }
            var named = new List<StorageObject>();
            foreach (var name in Name!)
                Try($"{container}/{name}", () => named.Add(Run(ct => cloud.ObjectStorage.GetObjectAsync(container, name, ct))));
            return named;
        }

        /// <summary>Every object under a prefix (or a pseudo-folder piped in) into the folder.</summary>
        private void ReceivePrefix(CloudConnection cloud, string container, string prefix, string folder)
        {
            var items = new List<StorageObject>();
            Try(container, () => RunEach(ct => cloud.ObjectStorage.ListObjectsAsync(container, new ObjectListOptions { Prefix = prefix }, ct), items.Add));
            foreach (var item in items)
                Receive(item, FileFor(folder, item));
        }

        private string? FileFor(string folder, StorageObject item)
        {
            var root = System.IO.Path.GetFullPath(folder).TrimEnd(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar);
            var relative = item.Name.TrimStart('/').Replace('/', System.IO.Path.DirectorySeparatorChar);
            var file = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, relative));
            if (file.StartsWith(root + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
                return file;
            WriteError(new ErrorRecord(new IOException($"The name of object '{item.Name}' leads outside '{root}'; it was not downloaded."),
                "UnsafeObjectName", ErrorCategory.SecurityError, item));
            return null;
        }

        private void Receive(StorageObject item, string? file)
        {
            if (file == null)
                return;
            if (item.IsFolder)
            {
                // A folder marker ("a/", zero bytes): the folder is made, there is nothing to download.
                if (ShouldProcess(file, "Create folder"))
                    Directory.CreateDirectory(file);
                return;
            }
            if (!_claimed.Add(file) || (File.Exists(file) && !Force))
            {
                WriteError(new ErrorRecord(new IOException($"The file '{file}' already exists. Use -Force to overwrite it."), "FileExists", ErrorCategory.ResourceExists, file)
                { ErrorDetails = new ErrorDetails($"The file '{file}' already exists; object '{item.Name}' was not downloaded. Use -Force to overwrite it.") });
                return;
            }
            if (!ShouldProcess($"{item.Container}/{item.Name} to {file}", "Download object"))
                return;
            var folder = System.IO.Path.GetDirectoryName(file);
            try
            {
                if (!string.IsNullOrEmpty(folder))
                    Directory.CreateDirectory(folder);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // A path under a file (a.txt/x), or a folder that may not be made: nothing was downloaded.
                WriteError(ErrorRecords.From(new DestinationNotWritableException(file, $"Cannot write '{file}': the folder '{folder}' cannot be created ({ex.Message}); object '{item.Name}' was not downloaded.", ex), file));
                return;
            }
            var force = Force.IsPresent;
            var slots = _slots;
            Launch("Receive-OSObject", item.Name, item.Cloud, async (task, ct) =>
            {
                task.Report(0, "waiting");
                await slots.WaitAsync(ct).ConfigureAwait(false);
                try
                {
                    return await DownloadAsync(item, file, force, task, ct).ConfigureAwait(false);
                }
                finally
                {
                    slots.Release();
                }
            });
        }

        private static async Task<object?> DownloadAsync(StorageObject item, string file, bool force, OSTask task, CancellationToken ct)
        {
            var partial = $"{file}.{Guid.NewGuid():N}.partial";
            try
            {
                var progress = new TransferProgress(task, "downloading", item.SizeBytes);
                using (var stream = OpenPartial(partial, file))
                    await item.Cloud.ObjectStorage.DownloadAsync(item.Container, item.Name, stream, progress.Report, ct).ConfigureAwait(false);
                if (File.Exists(file))
                {
                    if (!force)
                        throw new IOException($"The file '{file}' appeared during the download; it was left as it is. Use -Force to overwrite it.");
                    File.Delete(file);
                }
                File.Move(partial, file);
                return new FileInfo(file);
            }
            finally
            {
                if (File.Exists(partial))
                    File.Delete(partial);
            }
        }

        /// <summary>The partial file beside the destination; a folder that cannot hold files (/proc, a read-only mount)
        /// is a DestinationNotWritable error, not an unexpected one.</summary>
        internal static FileStream OpenPartial(string partial, string file)
        {
            try
            {
                return new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new DestinationNotWritableException(file, $"Cannot write '{file}': {ex.Message}", ex);
            }
        }

        private static bool EndsWithSeparator(string path) => path.EndsWith("/", StringComparison.Ordinal) || path.EndsWith("\\", StringComparison.Ordinal);
    }
}
