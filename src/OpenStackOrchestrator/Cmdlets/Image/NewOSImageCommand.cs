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

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The disk file to upload.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = FileSet)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>The server to snapshot: a name, an id or a server object.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ServerSet, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ServerNameCompleter))]
        public ResourceReference? VM { get; set; }

        /// <summary>Without it, from the file's extension (and, for .img, its header).</summary>
        [Parameter(ParameterSetName = FileSet)]
        [ValidateSet("qcow2", "raw", "vmdk", "vhd", "vhdx", "vdi", "iso", "ploop", "ami", "ari", "aki")]
        public string? DiskFormat { get; set; }

        [Parameter(ParameterSetName = FileSet)]
        [ValidateSet("bare", "ovf", "ova", "ami", "ari", "aki", "docker", "compressed")]
        public string ContainerFormat { get; set; } = "bare";

        [Parameter(ParameterSetName = FileSet)]
        [ValidateSet("public", "private", "shared", "community")]
        public string? Visibility { get; set; }

        [Parameter(ParameterSetName = FileSet)]
        [ValidateNotNull]
        public string[]? Tag { get; set; }

        /// <summary>Custom properties (for a snapshot: the metadata Nova sets on the image).</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Property { get; set; }

        [Parameter(ParameterSetName = FileSet)]
        [ValidateRange(0, 65536)]
        public int MinDiskGB { get; set; }

        [Parameter(ParameterSetName = FileSet)]
        [ValidateRange(0, 16777216)]
        public int MinMemoryMB { get; set; }

        protected override string Activity => ParameterSetName == ServerSet ? "Creating images from servers" : "Uploading images";

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ServerSet)
                SnapshotServer();
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
            var cloud = TargetCloud();
            if (cloud == null || !ShouldProcess($"{Name} on {cloud.Name} from {file}", "Create image"))
                return;
            var request = BuildRequest(file);
            var length = new FileInfo(file).Length;
            Launch("New-OSImage", Name!, cloud, async (task, ct) =>
            {
                task.Report(0, "creating the image");
                var progress = new TransferProgress(task, "uploading", length);
                // Unbuffered: the upload reads it in large chunks already.
                using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan))
                    return await cloud.Image.CreateWithDataAsync(request, stream, length, progress.Report, ct).ConfigureAwait(false);
            });
        }

        private ImageCreateRequest BuildRequest(string file)
        {
            var request = new ImageCreateRequest
            {
                Name = Name!,
                DiskFormat = DiskFormat ?? DiskFormats.ForFile(file),
                ContainerFormat = ContainerFormat,
                Visibility = Visibility,
                MinDiskGB = MyInvocation.BoundParameters.ContainsKey(nameof(MinDiskGB)) ? MinDiskGB : (int?)null,
                MinMemoryMB = MyInvocation.BoundParameters.ContainsKey(nameof(MinMemoryMB)) ? MinMemoryMB : (int?)null,
            };
            foreach (var tag in Tag ?? new string[0])
                request.Tags.Add(tag);
            if (Property != null)
                foreach (DictionaryEntry entry in Property)
                    request.Properties[entry.Key.ToString()!] = entry.Value?.ToString() ?? "";
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
                    metadata[entry.Key.ToString()!] = entry.Value?.ToString() ?? "";
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
