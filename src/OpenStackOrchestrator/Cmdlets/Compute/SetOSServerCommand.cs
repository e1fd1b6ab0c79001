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
    /// VERIFY_RESIZE and confirms it; -RevertResize undoes one that is waiting for confirmation.</summary>
    [Cmdlet(VerbsCommon.Set, "OSServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "Set")]
    [OutputType(typeof(Server), typeof(OSTask))]
    public sealed class SetOSServerCommand : ServerActionCmdlet
    {
        [Parameter(ParameterSetName = "Set")]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Keys to set (merged with the existing metadata; a $null value removes the key).</summary>
        [Parameter(ParameterSetName = "Set")]
        public Hashtable? Metadata { get; set; }

        /// <summary>Resize to this flavor: waits for VERIFY_RESIZE, then confirms (unless -NoConfirmResize).</summary>
        [Parameter(ParameterSetName = "Set")]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(FlavorNameCompleter))]
        public ResourceReference? Flavor { get; set; }

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

        protected override async Task ResolveArgumentsAsync(CloudConnection cloud, CancellationToken ct)
        {
            if (Flavor != null)
                await FlavorIdAsync(cloud, ct).ConfigureAwait(false);
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
                return await ResizeAsync(cloud, serverId, task, ct).ConfigureAwait(false);
            return await cloud.Compute.GetServerAsync(serverId, ct).ConfigureAwait(false);
        }

        private async Task<Server> ResizeAsync(CloudConnection cloud, string serverId, OSTask task, CancellationToken ct)
        {
            var flavorId = await FlavorIdAsync(cloud, ct).ConfigureAwait(false);
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
                    set[key] = entry.Value.ToString() ?? "";
            }
            if (set.Count > 0)
                await cloud.Compute.SetServerMetadataAsync(serverId, set, replace: false, ct).ConfigureAwait(false);
        }
    }
}
