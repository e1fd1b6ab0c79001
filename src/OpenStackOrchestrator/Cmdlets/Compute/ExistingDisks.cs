using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>The volumes and ports a new server takes over, checked before anything is sent: Nova's own refusal of
    /// an in-use volume or port comes only once the server is in ERROR, and does not say which one.</summary>
    internal static class ExistingDisks
    {
        public static async Task<string> BootVolumeIdAsync(CloudConnection cloud, ResourceReference reference, CancellationToken ct)
        {
            var volume = await VolumeAsync(cloud, reference, ct).ConfigureAwait(false);
            if (!volume.Bootable)
                throw new BadRequestException($"The volume {Label(volume.Name, volume.Id)} is not bootable: make it so with Set-OSVolume -Bootable, or give it with -DataVolume.");
            RefuseUnavailable(volume);
            return volume.Id;
        }

        public static async Task<string> DataVolumeIdAsync(CloudConnection cloud, ResourceReference reference, CancellationToken ct)
        {
            var volume = await VolumeAsync(cloud, reference, ct).ConfigureAwait(false);
            RefuseUnavailable(volume);
            return volume.Id;
        }

        public static async Task<string> FreePortIdAsync(CloudConnection cloud, ResourceReference reference, CancellationToken ct)
        {
            var id = await reference.IdOnAsync(cloud, Port.Definition, ct).ConfigureAwait(false);
            var port = await cloud.GetResourceAsync(Port.Definition, id, ct).ConfigureAwait(false);
            if (port.DeviceId.Length > 0)
                throw new ConflictException($"The port {Label(port.Name, port.Id)} is in use by {(port.DeviceOwner.Length > 0 ? port.DeviceOwner + " " : "")}{port.DeviceId}: a new server can take only a free port.");
            return port.Id;
        }

        /// <summary>A volume or port given twice would be attached twice: Nova refuses it only after the server is made.</summary>
        public static void RefuseRepeats(ServerCreateRequest request)
        {
            var volumes = new[] { request.BootVolumeId }.Concat(request.DataVolumeIds).Where(v => v != null).ToList();
            var repeated = volumes.GroupBy(v => v).FirstOrDefault(g => g.Count() > 1)?.Key
                ?? request.PortIds.GroupBy(p => p).FirstOrDefault(g => g.Count() > 1)?.Key;
            if (repeated != null)
                throw new BadRequestException($"'{repeated}' is given twice: a server can attach each volume and port once.");
        }

        private static async Task<Volume> VolumeAsync(CloudConnection cloud, ResourceReference reference, CancellationToken ct)
        {
            var id = await reference.IdOnAsync(cloud, Volume.Definition, ct).ConfigureAwait(false);
            return await cloud.GetResourceAsync(Volume.Definition, id, ct).ConfigureAwait(false);
        }

        private static void RefuseUnavailable(Volume volume)
        {
            if (string.Equals(volume.Status, "available", StringComparison.OrdinalIgnoreCase))
                return;
            if (string.Equals(volume.Status, "in-use", StringComparison.OrdinalIgnoreCase) && volume.Multiattach)
                return;
            throw new ConflictException($"The volume {Label(volume.Name, volume.Id)} is {volume.Status}: a new server can take only an available volume"
                + (string.Equals(volume.Status, "in-use", StringComparison.OrdinalIgnoreCase) ? " (detach it with Remove-OSVolumeAttachment, or use a multiattach volume type)." : "."));
        }

        private static string Label(string name, string id) => name.Length > 0 ? $"'{name}' ({id})" : $"'{id}'";
    }
}
