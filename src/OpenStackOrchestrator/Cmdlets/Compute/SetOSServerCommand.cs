using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Set-OSServer: renames, sets metadata, or resizes servers (PowerCLI's Set-VM). A resize waits for
    /// VERIFY_RESIZE and confirms it; -RevertResize undoes one that is waiting for confirmation. -NumCpu/-MemoryGB
    /// resize to the smallest public flavor that fits, as Set-VM -NumCpu -MemoryGB.</summary>
    [Cmdlet(VerbsCommon.Set, "OSServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "Set")]
    [OutputType(typeof(Server), typeof(OSTask))]
    public sealed class SetOSServerCommand : ServerActionCmdlet
    {
        [Parameter(ParameterSetName = "Set")]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Keys to set (merged with the existing metadata; a $null value removes the key).</summary>
        [Parameter(ParameterSetName = "Set")]
        [ScalarValues]
        public Hashtable? Metadata { get; set; }

        /// <summary>Resize to this flavor: waits for VERIFY_RESIZE, then confirms (unless -NoConfirmResize).</summary>
        [Parameter(ParameterSetName = "Set")]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(FlavorNameCompleter))]
        public ResourceReference? Flavor { get; set; }

        /// <summary>Resize to the smallest public flavor with at least this many vCPUs (and, without -MemoryGB, at least
        /// the current flavor's memory).</summary>
        [Parameter(ParameterSetName = "Set")]
        [ValidateRange(1, 4096)]
        public int NumCpu { get; set; }

        /// <summary>Resize to the smallest public flavor with at least this much memory (and, without -NumCpu, at least
        /// the current flavor's vCPUs).</summary>
        [Parameter(ParameterSetName = "Set")]
        [ValidateRange(0.001, 65536)]
        public double MemoryGB { get; set; }

        /// <summary>Leave a resize in VERIFY_RESIZE for a later confirm (-ConfirmResize) or revert (-RevertResize).</summary>
        [Parameter(ParameterSetName = "Set")]
        public SwitchParameter NoConfirmResize { get; set; }

        [Parameter(ParameterSetName = "ConfirmResize", Mandatory = true)]
        public SwitchParameter ConfirmResize { get; set; }

        [Parameter(ParameterSetName = "RevertResize", Mandatory = true)]
        public SwitchParameter RevertResize { get; set; }

        protected override string Operation =>
            RevertResize ? "Revert resize" : ConfirmResize ? "Confirm resize" : Flavor != null ? $"Resize server to {Flavor}" : "Set server properties";


        protected override string Activity => "Changing servers";

        // The flavor -NumCpu/-MemoryGB picked for each server (it depends on the server's flavor), and the servers
        // whose flavor already is the pick.
        private readonly Dictionary<(CloudConnection, string), Flavor> _picked = new Dictionary<(CloudConnection, string), Flavor>();
        private readonly Dictionary<(CloudConnection, string), Server> _alreadySized = new Dictionary<(CloudConnection, string), Server>();

        private bool Sizing => NumCpu > 0 || MemoryGB > 0;

        protected override void BeginProcessing()
        {
            if (Flavor != null && Sizing)
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException("Give -Flavor, or -NumCpu and/or -MemoryGB, not both."),
                    "FlavorAndSizeGiven", ErrorCategory.InvalidArgument, null));
            base.BeginProcessing();
        }

        protected override async Task ResolveArgumentsAsync(CloudConnection cloud, string serverId, CancellationToken ct)
        {
            if (Flavor != null)
                await FlavorIdAsync(cloud, ct).ConfigureAwait(false);
            if (!Sizing)
                return;
            var server = await cloud.Compute.GetServerAsync(serverId, ct).ConfigureAwait(false);
            var flavor = await FlavorSizing.SmallestFittingAsync(cloud, NumCpu > 0 ? NumCpu : server.NumCpu,
                MemoryGB > 0 ? MemoryGB : CurrentMemoryGB(server), ct).ConfigureAwait(false);
            lock (_picked)
            {
                _picked[(cloud, serverId)] = flavor;
                if (IsCurrent(server, flavor))
                    _alreadySized[(cloud, serverId)] = server;
                else
                    _alreadySized.Remove((cloud, serverId));
            }
        }

        // The exact memory, not MemoryGB's two decimals: the current flavor must fit what it has.
        private static double CurrentMemoryGB(Server server) => (server.FlavorDetails?.MemoryMB ?? 0) / 1024.0;

        private static bool IsCurrent(Server server, Flavor flavor) =>
            server.Flavor == flavor.Name || server.Flavor == flavor.Id;

        protected override string OperationOn(CloudConnection cloud, string serverId)
        {
            var flavor = ResizeTo(cloud, serverId);
            if (flavor == null)
                return Operation;
            return $"Resize server to {flavor.Name} ({flavor.VCpus} vCPU, {(flavor.MemoryMB / 1024.0).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} GB)";
        }

        protected override object? NothingToDo(CloudConnection cloud, string serverId)
        {
            if (!_alreadySized.TryGetValue((cloud, serverId), out var server))
                return null;
            WriteVerbose($"Server '{server.Name}' already has flavor {server.Flavor}, the smallest public flavor that fits: nothing to resize.");
            return Name == null && Metadata == null ? server : null;
        }

        private Flavor? Picked(CloudConnection cloud, string serverId)
        {
            lock (_picked)
                return _picked.TryGetValue((cloud, serverId), out var flavor) ? flavor : null;
        }

        /// <summary>The picked flavor when it is not the server's already.</summary>
        private Flavor? ResizeTo(CloudConnection cloud, string serverId)
        {
            lock (_picked)
                return _alreadySized.ContainsKey((cloud, serverId)) ? null : Picked(cloud, serverId);
        }

        private Task<string> FlavorIdAsync(CloudConnection cloud, CancellationToken ct) =>
            Flavor!.IdOnAsync(cloud, Client.Compute.Flavor.Definition, ct);

        protected override async Task<object?> PerformAsync(CloudConnection cloud, string serverId, OSTask task, CancellationToken ct)
        {
            if (RevertResize || ConfirmResize)
            {
                await cloud.Compute.ServerActionAsync(serverId, RevertResize ? "revertResize" : "confirmResize", null, ct).ConfigureAwait(false);
                return await WaitForAsync(cloud, serverId, task, ct, "ACTIVE", "SHUTOFF").ConfigureAwait(false);
            }
            if (Name != null)
                await cloud.Compute.RenameServerAsync(serverId, Name, ct).ConfigureAwait(false);
            if (Metadata != null)
                await SetMetadataAsync(cloud, serverId, ct).ConfigureAwait(false);
            if (Flavor != null)
                return await ResizeAsync(cloud, serverId, await FlavorIdAsync(cloud, ct).ConfigureAwait(false), task, ct).ConfigureAwait(false);
            if (Sizing && ResizeTo(cloud, serverId) is { } picked)
                return await ResizeAsync(cloud, serverId, picked.Id, task, ct).ConfigureAwait(false);
            return await cloud.Compute.GetServerAsync(serverId, ct).ConfigureAwait(false);
        }

        private async Task<Server> ResizeAsync(CloudConnection cloud, string serverId, string flavorId, OSTask task, CancellationToken ct)
        {
            await cloud.Compute.ServerActionAsync(serverId, "resize", new Dictionary<string, string> { ["flavorRef"] = flavorId }, ct).ConfigureAwait(false);
            var resized = await WaitForAsync(cloud, serverId, task, ct, "VERIFY_RESIZE").ConfigureAwait(false);
            if (NoConfirmResize)
                return resized;
            task.Report(80, "confirming resize");
            await cloud.Compute.ServerActionAsync(serverId, "confirmResize", null, ct).ConfigureAwait(false);
            return await WaitForAsync(cloud, serverId, task, ct, "ACTIVE", "SHUTOFF").ConfigureAwait(false);
        }

        private async Task SetMetadataAsync(CloudConnection cloud, string serverId, CancellationToken ct)
        {
            var set = new Dictionary<string, string>();
            foreach (DictionaryEntry entry in Metadata!)
            {
                var key = entry.Key.ToString()!;
                if (entry.Value == null)
                    await cloud.Compute.DeleteServerMetadataKeyAsync(serverId, key, ct).ConfigureAwait(false);
                else
                    set[key] = InputChecks.ScalarText(nameof(Metadata), entry.Key.ToString()!, entry.Value) ?? "";
            }
            if (set.Count > 0)
                await cloud.Compute.SetServerMetadataAsync(serverId, set, replace: false, ct).ConfigureAwait(false);
        }
    }
}
