using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.ObjectStorage;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Cmdlets.Images;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.ObjectStorage
{
    /// <summary>Send-OSObject: uploads files, or folders with -Recurse (relative paths become object names with "/"),
    /// streamed and verified against Swift's ETag. Files above -SegmentSizeMB become static large objects whose
    /// segments go up in parallel. A few files are uploaded at once; -RunAsync returns the tasks.</summary>
    [Cmdlet(VerbsCommunications.Send, "OSObject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(StorageObject), typeof(OSTask))]
    public sealed class SendOSObjectCommand : OSTaskCmdlet
    {
        internal const int FilesAtOnce = 4;
        private readonly SemaphoreSlim _slots = new SemaphoreSlim(FilesAtOnce);
        private readonly ObjectUploadOptions _options = new ObjectUploadOptions();
        private CloudConnection? _cloud;
        private string? _container;
        private bool _containerChecked;
        private int _namedFiles;

        /// <summary>Files or folders; wildcards allowed. Files from Get-ChildItem bind by their FullName.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Path { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ContainerNameCompleter))]
        [ValidateNotNull]
        public ResourceReference? Container { get; set; }

        /// <summary>The object name of a file (default: the file name); for a folder, the prefix of its objects' names.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Uploads folders with everything in them.</summary>
        [Parameter]
        public SwitchParameter Recurse { get; set; }

        /// <summary>Files larger than this are uploaded as static large objects in segments of this size.</summary>
        [Parameter]
        [ValidateRange(1, 5120)]
        [WholeNumber]
        public int SegmentSizeMB { get; set; } = 1024;

        [Parameter]
        [ValidateNotNull]
        [ScalarValues]
        [HeaderValue]
        public Hashtable? Metadata { get; set; }

        /// <summary>Without it, from each file's extension (application/octet-stream when unknown).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [HeaderValue]
        public string? ContentType { get; set; }

        protected override string Activity => "Uploading objects";

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            MetadataArguments.Split(Metadata, null, _options.Metadata, new List<string>());
            MetadataArguments.Check(this, _options.Metadata, new List<string>());
            _options.ContentType = ContentType;
            _options.SegmentSize = SegmentSizeMB * 1024L * 1024;
        }

        protected override void ProcessRecord()
        {
            if (!ContainerExists())
                return;
            foreach (var given in Path!)
                foreach (var path in Resolve(given))
                {
                    if (Directory.Exists(path))
                        SendFolder(path);
                    else
                        SendFile(path, Name ?? System.IO.Path.GetFileName(path));
                }
        }

        /// <summary>Checked once: a missing container is one clear error rather than a 404 per file.</summary>
        private bool ContainerExists()
        {
            if (_containerChecked)
                return _cloud != null;
            _containerChecked = true;
            var cloud = Container!.Cloud ?? TargetCloud();
            if (cloud == null)
                return false;
            var name = Container.Name ?? Container.Text;
            try
            {
                Run(ct => cloud.ObjectStorage.GetContainerAsync(name, ct));
            }
            catch (OpenStackException ex)
            {
                WriteFailure(ex, Container);
                return false;
            }
            _cloud = cloud;
            _container = name;
            return true;
        }

        private IEnumerable<string> Resolve(string given)
        {
            try
            {
                return GetResolvedProviderPathFromPSPath(given, out _);
            }
            catch (ItemNotFoundException ex)
            {
                WriteError(new ErrorRecord(ex, "PathNotFound", ErrorCategory.ObjectNotFound, given));
                return Enumerable.Empty<string>();
            }
        }

        private void SendFolder(string folder)
        {
            if (!Recurse)
            {
                WriteError(new ErrorRecord(new PSArgumentException($"'{folder}' is a folder: add -Recurse to upload it with everything in it."),
                    "FolderWithoutRecurse", ErrorCategory.InvalidArgument, folder));
                return;
            }
            var root = System.IO.Path.GetFullPath(folder).TrimEnd(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar);
            var prefix = Name == null ? "" : Name.TrimEnd('/') + "/";
            var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToList();
            if (!ShouldProcess($"{files.Count} files of {root} into container {_container} on {_cloud!.Name}", "Upload folder"))
                return;
            foreach (var file in files)
                Launch(file, prefix + file.Substring(root.Length + 1).Replace(System.IO.Path.DirectorySeparatorChar, '/'));
        }

        private void SendFile(string file, string objectName)
        {
            if (LocalFiles.RefuseSpecial(this, file, nameof(Path)) is ErrorRecord special)
            {
                WriteError(special);
                return;
            }
            if (Name != null && ++_namedFiles > 1)
            {
                WriteError(new ErrorRecord(new PSArgumentException("-Name names one object: give one file with it, or a folder with -Recurse (then -Name is the prefix)."),
                    "SeveralFilesOneName", ErrorCategory.InvalidArgument, file));
                return;
            }
            if (ShouldProcess($"{file} as {objectName} in container {_container} on {_cloud!.Name}", "Upload file"))
                Launch(file, objectName);
        }

        private void Launch(string file, string objectName)
        {
            var cloud = _cloud!;
            var container = _container!;
            var options = _options;
            var slots = _slots;
            Launch("Send-OSObject", objectName, cloud, async (task, ct) =>
            {
                task.Report(0, "waiting");
                await slots.WaitAsync(ct).ConfigureAwait(false);
                try
                {
                    var progress = new TransferProgress(task, "uploading", new FileInfo(file).Length);
                    return await cloud.ObjectStorage.UploadFileAsync(container, objectName, file, options, progress.Report, ct).ConfigureAwait(false);
                }
                finally
                {
                    slots.Release();
                }
            });
        }
    }
}
