using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Images
{
    /// <summary>Save-OSImage: downloads images to files, streamed and verified against Glance's checksums. The data
    /// goes to a temporary file beside the target, which replaces the target only once verified.</summary>
    [Cmdlet(VerbsData.Save, "OSImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FileInfo), typeof(OSTask))]
    public sealed class SaveOSImageCommand : OSTaskCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Image { get; set; }

        /// <summary>A file, or an existing folder (the file is then named after the image and its disk format).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>Overwrite an existing file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override string Activity => "Downloading images";

        protected override void ProcessRecord()
        {
            var target = GetUnresolvedProviderPathFromPSPath(Path);
            foreach (var reference in Image!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null)
                    continue;
                Try(reference, () =>
                {
                    var image = Run(ct => ImageLookup.ResolveAsync(reference, cloud, ct));
                    var file = Directory.Exists(target) ? System.IO.Path.Combine(target, FileNameFor(image)) : target;
                    if (CheckTarget(file, reference) && ShouldProcess($"{image.Name} ({image.Id}) to {file}", "Save image"))
                        Launch("Save-OSImage", image.Name, cloud, (task, ct) => DownloadAsync(cloud, image, file, Force, task, ct));
                });
            }
        }

        private bool CheckTarget(string file, ResourceReference reference)
        {
            var folder = System.IO.Path.GetDirectoryName(file);
            if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
            {
                WriteError(new ErrorRecord(new DirectoryNotFoundException($"The folder '{folder}' does not exist."), "DirectoryNotFound", ErrorCategory.ObjectNotFound, Path));
                return false;
            }
            if (File.Exists(file) && !Force)
            {
                WriteError(new ErrorRecord(new IOException($"The file '{file}' already exists. Use -Force to overwrite it."), "FileExists", ErrorCategory.ResourceExists, file)
                { ErrorDetails = new ErrorDetails($"The file '{file}' already exists; image '{reference}' was not saved. Use -Force to overwrite it.") });
                return false;
            }
            return true;
        }

        private static async Task<object?> DownloadAsync(CloudConnection cloud, Client.Images.Image image, string file, bool force, OSTask task, CancellationToken ct)
        {
            var partial = $"{file}.{Guid.NewGuid():N}.partial";
            try
            {
                var progress = new TransferProgress(task, "downloading", image.SizeBytes);
                using (var stream = ObjectStorage.ReceiveOSObjectCommand.OpenPartial(partial, file))
                    await cloud.Image.DownloadAsync(image.Id, stream, progress.Report, ct).ConfigureAwait(false);
                task.Report(99, "verified");
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

        private static string FileNameFor(Client.Images.Image image)
        {
            var invalid = System.IO.Path.GetInvalidFileNameChars();
            var name = new string((image.Name.Length > 0 ? image.Name : image.Id).Select(c => invalid.Contains(c) ? '_' : c).ToArray());
            var extension = DiskFormats.ExtensionFor(image.DiskFormat);
            return name.EndsWith(extension, StringComparison.OrdinalIgnoreCase) ? name : name + extension;
        }
    }
}
