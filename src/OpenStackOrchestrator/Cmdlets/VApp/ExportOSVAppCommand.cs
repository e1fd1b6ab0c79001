using System.Collections.Concurrent;
using System.IO;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Client.VApp;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.VApp
{
    /// <summary>Export-OSVApp: writes a server as an OVF package (or one .ova) that VMware PowerCLI's Import-VApp takes:
    /// its disks (snapshot and volumes, as VMDK where the cloud converts them), a vSphere-shaped .ovf (CPU, memory,
    /// controller, disks, NICs with their networks and MACs, firmware, guest OS) and a SHA-256 .mf. The temporary images
    /// it makes are deleted afterwards, also when it fails or is stopped.</summary>
    [Cmdlet(VerbsData.Export, "OSVApp", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(FileInfo), typeof(OSTask))]
    public sealed class ExportOSVAppCommand : OSTaskCmdlet
    {
        private readonly ConcurrentQueue<string> _warnings = new ConcurrentQueue<string>();

        /// <summary>The server to export: a name, an id or a server object (-VM as PowerCLI's Export-VApp names it;
        /// -Server is the module's alias of -Cloud).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ServerNameCompleter))]
        public ResourceReference? VM { get; set; }

        /// <summary>The folder the package goes into (created when missing): a folder named after the server holding
        /// the .ovf, .mf and disks, or with -Format Ova the file &lt;server&gt;.ova.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Destination { get; set; }

        /// <summary>Ovf (a folder of loose files, the default) or Ova (one tar file).</summary>
        [Parameter]
        public VAppPackageFormat Format { get; set; } = VAppPackageFormat.Ovf;

        /// <summary>Overwrite a package of the same name in the destination.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override string Activity => "Exporting servers";

        protected override void ProcessRecord()
        {
            var reference = VM!;
            var cloud = reference.Cloud ?? TargetCloud();
            if (cloud == null)
                return;
            var destination = GetUnresolvedProviderPathFromPSPath(Destination);
            var exporter = new VAppExporter(cloud);
            VAppExportPlan plan;
            // resolved first (read-only), so that -WhatIf reports what the real run would: a missing server, an unwritable folder
            try
            {
                plan = Run(async ct =>
                {
                    var id = await reference.IdOnAsync(cloud, Client.Compute.Server.Definition, ct).ConfigureAwait(false);
                    return await exporter.PlanAsync(id, destination, Format, Force, ct).ConfigureAwait(false);
                });
            }
            catch (OpenStackException ex)
            {
                WriteFailure(ex, reference.ToString());
                return;
            }
            catch (System.AggregateException ex) when (ex.GetBaseException() is OpenStackException inner)
            {
                WriteFailure(inner, reference.ToString());
                return;
            }
            if (!ShouldProcess($"{plan.ServerName} ({plan.ServerId}) on {cloud.Name}: {plan.Describe()}", "Export server"))
                return;
            Launch("Export-OSVApp", plan.ServerName, cloud, async (task, ct) =>
            {
                // the export removes its temporary images itself on the way out (cancellation included)
                task.OnStop("deleted the temporary images it had made", _ => System.Threading.Tasks.Task.CompletedTask);
                var result = await exporter.ExportAsync(plan, task.Report, _warnings.Enqueue, ct).ConfigureAwait(false);
                var file = PSObject.AsPSObject(new FileInfo(result.Path));
                file.Properties.Add(new PSNoteProperty("ExportFormat", result.Format.ToString()));
                file.Properties.Add(new PSNoteProperty("Manifest", result.Files));
                file.Properties.Add(new PSNoteProperty("ExportWarnings", result.Warnings));
                return file;
            });
        }

        protected override void EndProcessing()
        {
            try
            {
                base.EndProcessing();
            }
            finally
            {
                while (_warnings.TryDequeue(out var warning))
                    WriteWarning(warning);
            }
        }
    }
}
