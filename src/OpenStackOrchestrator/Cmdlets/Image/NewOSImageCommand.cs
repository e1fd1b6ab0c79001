using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Images;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Images
{
    /// <summary>New-OSImage: uploads a disk file into a new Glance image (streamed, verified by checksum), or snapshots
    /// a server into one (PowerCLI's New-Template from a VM); waits until the image is active, or -RunAsync.</summary>
    [Cmdlet(VerbsCommon.New, "OSImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = FileSet)]
    [OutputType(typeof(Client.Images.Image), typeof(OSTask))]
    public sealed class NewOSImageCommand : OSTaskCmdlet
    {
        private const string FileSet = "File";
        private const string ServerSet = "Server";
        private const string UriSet = "Uri";

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The disk file to upload.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = FileSet)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>How the file reaches Glance: Upload (PUT of the data, the default) or GlanceDirect (interoperable
        /// import: the data is staged, then imported by Glance's import task).</summary>
        [Parameter(ParameterSetName = FileSet)]
        [ValidateSet("Upload", "GlanceDirect", IgnoreCase = true)]
        public string Method { get; set; } = "Upload";

        /// <summary>A URL Glance downloads the image from itself (interoperable import, web-download).</summary>
        [Parameter(Mandatory = true, ParameterSetName = UriSet)]
        [ValidateNotNull]
        public System.Uri? Uri { get; set; }

        /// <summary>The server to snapshot: a name, an id or a server object.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ServerSet, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ServerNameCompleter))]
        public ResourceReference? VM { get; set; }

        /// <summary>Without it, from the file's extension (and, for .img, its header).</summary>
        [Parameter(ParameterSetName = FileSet)]
        [Parameter(ParameterSetName = UriSet)]
        [ValidateSet("qcow2", "raw", "vmdk", "vhd", "vhdx", "vdi", "iso", "ploop", "ami", "ari", "aki")]
        public string? DiskFormat { get; set; }

        [Parameter(ParameterSetName = FileSet)]
        [Parameter(ParameterSetName = UriSet)]
        [ValidateSet("bare", "ovf", "ova", "ami", "ari", "aki", "docker", "compressed")]
        public string ContainerFormat { get; set; } = "bare";

        [Parameter(ParameterSetName = FileSet)]
        [Parameter(ParameterSetName = UriSet)]
        [ValidateSet("public", "private", "shared", "community")]
        public string? Visibility { get; set; }

        [Parameter(ParameterSetName = FileSet)]
        [Parameter(ParameterSetName = UriSet)]
        [ValidateNotNull]
        public string[]? Tag { get; set; }

        /// <summary>Custom properties (for a snapshot: the metadata Nova sets on the image).</summary>
        [Parameter]
        [ValidateNotNull]
        [ScalarValues]
        public Hashtable? Property { get; set; }

        [Parameter(ParameterSetName = FileSet)]
        [Parameter(ParameterSetName = UriSet)]
        [ValidateRange(0, 65536)]
        [WholeNumber]
        public int MinDiskGB { get; set; }

        [Parameter(ParameterSetName = FileSet)]
        [Parameter(ParameterSetName = UriSet)]
        [ValidateRange(0, 16777216)]
        [WholeNumber]
        public int MinMemoryMB { get; set; }

        protected override string Activity => ParameterSetName == ServerSet ? "Creating images from servers" : ParameterSetName == UriSet ? "Importing images" : "Uploading images";

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ServerSet)
                SnapshotServer();
            else if (ParameterSetName == UriSet)
                ImportFromUri();
            else
                UploadFile();
        }

        private void UploadFile()
        {
            var file = GetUnresolvedProviderPathFromPSPath(Path);
            if (!File.Exists(file))
            {
                WriteError(new ErrorRecord(new FileNotFoundException($"Cannot find the file '{file}'.", file), "PathNotFound", ErrorCategory.ObjectNotFound, Path));
                return;
            }
            if (LocalFiles.RefuseSpecial(this, file, nameof(Path)) is ErrorRecord special)
            {
                WriteError(special);
                return;
            }
            var cloud = TargetCloud();
            var direct = string.Equals(Method, "GlanceDirect", System.StringComparison.OrdinalIgnoreCase);
            if (cloud == null)
                return;
            if (direct ? !ShouldProcessResolved(Name, ct => cloud.Image.EnsureImportMethodAsync(ImageClient.GlanceDirect, ct), $"{Name} on {cloud.Name} from {file}", "Import image (glance-direct)")
                    : !ShouldProcess($"{Name} on {cloud.Name} from {file}", "Create image"))
                return;
            var request = BuildRequest(DiskFormat ?? DiskFormats.ForFile(file));
            var length = new FileInfo(file).Length;
            if (direct)
            {
                Launch("New-OSImage", Name!, cloud, async (task, ct) =>
                {
                    task.Report(0, "creating the image");
                    var progress = new TransferProgress(task, "staging", length);
                    using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan))
                        return await cloud.Image.CreateByGlanceDirectAsync(request, stream, length, progress.Report, image => ReportImport(task, image), ct).ConfigureAwait(false);
                });
                return;
            }
            Launch("New-OSImage", Name!, cloud, async (task, ct) =>
            {
                task.Report(0, "creating the image");
                var progress = new TransferProgress(task, "uploading", length);
                // Unbuffered: the upload reads it in large chunks already.
                using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan))
                    return await cloud.Image.CreateWithDataAsync(request, stream, length, progress.Report, ct).ConfigureAwait(false);
            });
        }

        private void ImportFromUri()
        {
            var cloud = TargetCloud();
            var uri = Uri!;
            if (!uri.IsAbsoluteUri || (uri.Scheme != "http" && uri.Scheme != "https"))
            {
                WriteError(new ErrorRecord(new System.ArgumentException($"-Uri takes an http or https URL, not '{uri.OriginalString}'."), "InvalidImageUri", ErrorCategory.InvalidArgument, uri));
                return;
            }
            if (cloud == null || !ShouldProcessResolved(Name, ct => cloud.Image.EnsureImportMethodAsync(ImageClient.WebDownload, ct),
                    $"{Name} on {cloud.Name} from {uri}", "Import image (web-download)"))
                return;
            var request = BuildRequest(DiskFormat ?? DiskFormats.ForName(uri.AbsolutePath));
            Launch("New-OSImage", Name!, cloud, async (task, ct) =>
            {
                task.Report(0, "creating the image");
                return await cloud.Image.CreateByWebDownloadAsync(request, uri, image => ReportImport(task, image), ct).ConfigureAwait(false);
            });
        }

        private static void ReportImport(OSTask task, Client.Images.Image image)
        {
            var percent = image.Status == "queued" ? 10 : image.Status == "uploading" ? 30 : image.Status == "importing" ? 60 : 90;
            task.Report(percent, "import: " + image.Status);
        }

        private ImageCreateRequest BuildRequest(string diskFormat)
        {
            var request = new ImageCreateRequest
            {
                Name = Name!,
                DiskFormat = diskFormat,
                ContainerFormat = ContainerFormat,
                Visibility = Visibility,
                MinDiskGB = MyInvocation.BoundParameters.ContainsKey(nameof(MinDiskGB)) ? MinDiskGB : (int?)null,
                MinMemoryMB = MyInvocation.BoundParameters.ContainsKey(nameof(MinMemoryMB)) ? MinMemoryMB : (int?)null,
            };
            foreach (var tag in Tag ?? new string[0])
                request.Tags.Add(tag);
            if (Property != null)
                foreach (DictionaryEntry entry in Property)
                    request.Properties[entry.Key.ToString()!] = InputChecks.ScalarText(nameof(Property), entry.Key.ToString()!, entry.Value) ?? "";
            return request;
        }

        private void SnapshotServer()
        {
            var reference = VM!;
            var cloud = reference.Cloud ?? TargetCloud();
            if (cloud == null || !ShouldProcessResolved(reference.ToString(),
                    ct => reference.IdOnAsync(cloud, Client.Compute.Server.Definition, ct),
                    $"{reference} on {cloud.Name}", $"Create image '{Name}' from server"))
                return;
            var metadata = new Dictionary<string, string>();
            if (Property != null)
                foreach (DictionaryEntry entry in Property)
                    metadata[entry.Key.ToString()!] = InputChecks.ScalarText(nameof(Property), entry.Key.ToString()!, entry.Value) ?? "";
            var name = Name!;
            Launch("New-OSImage", name, cloud, async (task, ct) =>
            {
                task.Report(2, "finding the server");
                var serverId = await reference.IdOnAsync(cloud, Client.Compute.Server.Definition, ct).ConfigureAwait(false);
                task.Report(5, "snapshot requested");
                return await cloud.Image.CreateFromServerAsync(serverId, name, metadata, image => ReportSnapshot(task, image), ct).ConfigureAwait(false);
            });
        }

        private static void ReportSnapshot(OSTask task, Client.Images.Image image)
        {
            var percent = image.Status == "queued" ? 20 : image.Status == "saving" ? 60 : 90;
            task.Report(percent, "snapshot " + image.Status);
        }
    }
}
