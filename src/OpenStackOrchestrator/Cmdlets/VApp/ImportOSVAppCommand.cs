using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Client.VApp;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.VApp
{
    /// <summary>Import-OSVApp: an OVF or OVA exported from vSphere (Export-VApp, ovftool) becomes a server booting
    /// from volumes made of its disks, with a port per NIC, on the smallest flavor that fits its CPUs and memory.</summary>
    [Cmdlet(VerbsData.Import, "OSVApp", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Server), typeof(Client.Tasks.OSTask))]
    public sealed class ImportOSVAppCommand : OSTaskCmdlet
    {
        /// <summary>The .ova, or the .ovf with its .mf and disks beside it.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "Source")]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>The server's name (also the prefix of its images, volumes and ports); the OVF's VM name by default.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>OVF network name to OpenStack network (name, id or object): @{ 'VM Network' = 'private' }.
        /// An OVF network not listed goes to the OpenStack network of the same name.</summary>
        [Parameter]
        public Hashtable? NetworkMapping { get; set; }

        /// <summary>The flavor; without it, the smallest public flavor with at least the OVF's CPUs and memory.</summary>
        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(FlavorNameCompleter))]
        public ResourceReference? Flavor { get; set; }

        /// <summary>The Cinder volume type of the volumes.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? VolumeType { get; set; }

        /// <summary>Give each port the MAC address the OVF recorded (licences and DHCP reservations tied to it keep working).</summary>
        [Parameter]
        public SwitchParameter KeepMacAddress { get; set; }

        /// <summary>On a failure part way, keep what was created (to look into it) instead of removing it.</summary>
        [Parameter]
        public SwitchParameter KeepOnFailure { get; set; }

        protected override string Activity => "Importing vApps";

        protected override void ProcessRecord()
        {
            var cloud = TargetCloud();
            if (cloud == null)
                return;
            string fullPath;
            try
            {
                fullPath = GetUnresolvedProviderPathFromPSPath(Path);
            }
            catch (Exception ex) when (ex is ItemNotFoundException || ex is DriveNotFoundException || ex is ProviderNotFoundException)
            {
                WriteError(new ErrorRecord(ex, "PathNotFound", ErrorCategory.ObjectNotFound, Path));
                return;
            }
            VAppImportPlan? plan = null;
            var options = new VAppImportOptions
            {
                Path = fullPath,
                Name = Name,
                NetworkMapping = Mapping(),
                VolumeType = VolumeType,
                KeepMacAddress = KeepMacAddress,
                VerifyWhilePlanning = WhatIfRequested(),
            };
            try
            {
                Run(async ct => plan = await VAppImporter.PlanAsync(cloud, options, (ovf, c) => PickFlavorAsync(cloud, ovf, c), ct).ConfigureAwait(false));
            }
            catch (OpenStackException ex)
            {
                WriteFailure(ex, Path);
                return;
            }
            catch (AggregateException ex) when (ex.GetBaseException() is OpenStackException inner)
            {
                WriteFailure(inner, Path);
                return;
            }
            var description = plan!.Describe();
            if (!ShouldProcess(description, $"Import '{plan.Package.Path}' as server '{plan.ServerName}' on {cloud.Name}?", "Import vApp"))
                return;
            var keep = KeepOnFailure.IsPresent;
            Launch("Import-OSVApp", plan.ServerName, cloud, async (task, ct) =>
            {
                // A stopped import removes what it made on its way out (before the task ends), so there is nothing left to undo here.
                if (!keep)
                    task.OnStop("removed what the import had created", _ => Task.CompletedTask);
                return await VAppImporter.ExecuteAsync(cloud, plan, keep, (percent, status) => task.Report(percent, status), ct).ConfigureAwait(false);
            });
        }

        private async Task<Flavor> PickFlavorAsync(CloudConnection cloud, OvfDescriptor ovf, CancellationToken ct) =>
            Flavor != null
                ? await cloud.Compute.ResolveFlavorAsync(Flavor.Id ?? Flavor.Text, ct).ConfigureAwait(false)
                : await FlavorSizing.SmallestFittingAsync(cloud, ovf.NumCpu, ovf.MemoryMB / 1024.0, ct).ConfigureAwait(false);

        private Dictionary<string, string> Mapping()
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            if (NetworkMapping == null)
                return map;
            foreach (DictionaryEntry entry in NetworkMapping)
            {
                var value = entry.Value is PSObject ps ? ps.BaseObject : entry.Value;
                map[entry.Key?.ToString() ?? ""] = value is OSResource resource ? resource.Id : value?.ToString() ?? "";
            }
            return map;
        }

        /// <summary>-WhatIf given or $WhatIfPreference set: the plan then hashes the files too, to report a bad digest.</summary>
        private bool WhatIfRequested()
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var given) && given is SwitchParameter s)
                return s.IsPresent;
            return LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));
        }
    }
}
