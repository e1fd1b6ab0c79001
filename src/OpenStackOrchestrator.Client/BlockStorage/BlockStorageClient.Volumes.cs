using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.BlockStorage
{
    /// <summary>Volumes: list, get, create, update, metadata, extend, delete.</summary>
    public sealed partial class BlockStorageClient
    {
        public async IAsyncEnumerable<Volume> ListVolumesAsync(VolumeListOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            // The server filter is applied here, so a limit sent to Cinder could cut matches short.
            var query = new ListQuery { Name = NullIfEmpty(options.Name), Limit = options.ServerId == null ? options.Limit : null }
                .Filter("Status", NullIfEmpty(options.Status)?.ToLowerInvariant());
            var names = options.NameServers ? new AttachedServerNames(_cloud, options.ServerId, options.ServerName) : null;
            await foreach (var volume in _cloud.ListResourcesAsync(Volume.Definition, query, cancellationToken).ConfigureAwait(false))
            {
                if (options.ServerId != null && !volume.IsAttachedTo(options.ServerId))
                    continue;
                if (names != null)
                    await names.FillAsync(volume, cancellationToken).ConfigureAwait(false);
                yield return volume;
            }
        }

        public Task<Volume> GetVolumeAsync(string id, CancellationToken cancellationToken) => _cloud.GetResourceAsync(Volume.Definition, id, cancellationToken);

        /// <summary>A volume by id, else by exact name (several with the name is an <see cref="AmbiguousNameException"/>).</summary>
        public Task<Volume> ResolveVolumeAsync(string nameOrId, CancellationToken cancellationToken) =>
            _cloud.ResolveResourceAsync(Volume.Definition, nameOrId, cancellationToken);

        /// <summary>Fills in the names of the servers the volume is attached to (one Nova request).</summary>
        public async Task<Volume> NameServersAsync(Volume volume, CancellationToken cancellationToken)
        {
            await new AttachedServerNames(_cloud).FillAsync(volume, cancellationToken).ConfigureAwait(false);
            return volume;
        }

        /// <summary>Sends POST /volumes and returns the new volume (it is then creating).</summary>
        public async Task<Volume> CreateVolumeAsync(VolumeCreateRequest request, CancellationToken cancellationToken)
        {
            var volume = await _cloud.CreateResourceAsync(Volume.Definition, request, BlockStorageJson.Default.VolumeCreateRequest, cancellationToken).ConfigureAwait(false);
            if (volume.Id.Length == 0)
                throw new InvalidResponseException($"Cinder accepted the volume '{request.Name}' but returned no id.") { Service = ServiceTypes.BlockStorage };
            return volume;
        }

        /// <summary>Creates a volume and waits until it is available. A volume that fails is deleted, and the error
        /// gives Cinder's reason.</summary>
        public async Task<Volume> CreateVolumeAndWaitAsync(VolumeCreateRequest request, Action<Volume?>? progress, CancellationToken cancellationToken)
        {
            var created = await CreateVolumeAsync(request, cancellationToken).ConfigureAwait(false);
            progress?.Invoke(created);
            try
            {
                return await WaitForVolumeStatusAsync(created.Id, new[] { "available" }, null, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (VolumeFailedException failed) when (failed.Status != null)
            {
                var deleted = await TryDeleteVolumeAsync(created.Id, cancellationToken).ConfigureAwait(false);
                throw new VolumeFailedException("volume", created.Id, failed.Status, failed.ServiceMessage,
                    failed.Message + (deleted ? " The failed volume was deleted." : " Deleting the failed volume failed too: remove it with Remove-OSVolume."));
            }
        }

        /// <summary>Deletes a volume and waits until it is gone; false when that failed (the failure being reported matters more).</summary>
        private async Task<bool> TryDeleteVolumeAsync(string id, CancellationToken cancellationToken)
        {
            try
            {
                await DeleteVolumeAsync(id, cancellationToken).ConfigureAwait(false);
                return await WaitForVolumeAsync(id, v => v == null || v.Status == "error_deleting", null, cancellationToken).ConfigureAwait(false) == null;
            }
            catch (OpenStackException)
            {
                return false;
            }
        }

        /// <summary>Renames the volume and/or changes its description (PUT /volumes/{id}).</summary>
        public async Task UpdateVolumeAsync(string id, string? name, string? description, CancellationToken cancellationToken)
        {
            if (name == null && description == null)
                return;
            await _cloud.UpdateResourceAsync(Volume.Definition, id, new VolumeUpdate { Name = name, Description = description }, BlockStorageJson.Default.VolumeUpdate,
                cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Merges keys into the volume's metadata (POST); with <paramref name="replace"/>, replaces it all (PUT).</summary>
        public async Task SetVolumeMetadataAsync(string id, IDictionary<string, string> metadata, bool replace, CancellationToken cancellationToken)
        {
            var version = await VersionAsync("Setting volume metadata", cancellationToken).ConfigureAwait(false);
            var body = JsonSerializer.Serialize(new { metadata });
            await _cloud.SendAsync(new ServiceRequest(replace ? HttpMethod.Put : HttpMethod.Post, ServiceTypes.BlockStorage, $"/volumes/{Uri.EscapeDataString(id)}/metadata")
            { JsonBody = body, Microversion = version }, cancellationToken).ConfigureAwait(false);
        }

        public async Task DeleteVolumeMetadataKeyAsync(string id, string key, CancellationToken cancellationToken)
        {
            try
            {
                await _cloud.SendAsync(new ServiceRequest(HttpMethod.Delete, ServiceTypes.BlockStorage, $"/volumes/{Uri.EscapeDataString(id)}/metadata/{Uri.EscapeDataString(key)}"),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (ResourceNotFoundException)
            {
                // already absent: the wanted end state
            }
        }

        /// <summary>Grows the volume to <paramref name="newSizeGB"/> (os-extend) and waits until Cinder reports the new
        /// size. Volumes only grow: a smaller size is a <see cref="BadRequestException"/>, the same size does nothing.
        /// An attached volume needs microversion 3.42.</summary>
        public async Task<Volume> ExtendVolumeAsync(Volume volume, int newSizeGB, Action<Volume?>? progress, CancellationToken cancellationToken)
        {
            if (newSizeGB < volume.SizeGB)
                throw new BadRequestException($"Volume '{volume}' ({volume.Id}) is {volume.SizeGB} GB and cannot shrink to {newSizeGB} GB: Cinder volumes can only grow.")
                { Service = ServiceTypes.BlockStorage };
            if (newSizeGB == volume.SizeGB)
                return volume;
            var version = volume.IsAttached
                ? await VersionAsync("Extending an attached volume", cancellationToken, ExtendAttachedMicroversion).ConfigureAwait(false)
                : await VersionAsync("Extending a volume", cancellationToken).ConfigureAwait(false);
            var body = JsonSerializer.Serialize(new Dictionary<string, object> { ["os-extend"] = new Dictionary<string, int> { ["new_size"] = newSizeGB } });
            await VolumeActionAsync(volume.Id, body, version, cancellationToken).ConfigureAwait(false);
            var steadyStatus = volume.IsAttached ? "in-use" : "available";
            return await WaitForVolumeStatusAsync(volume.Id, new[] { steadyStatus }, v => v.SizeGB >= newSizeGB, progress, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>os-set_bootable: marks the volume bootable (a server can boot from it) or not.</summary>
        public async Task SetBootableAsync(string id, bool bootable, CancellationToken cancellationToken)
        {
            var version = await VersionAsync("Setting a volume's bootable flag", cancellationToken).ConfigureAwait(false);
            await VolumeActionAsync(id, "{\"os-set_bootable\":{\"bootable\":" + (bootable ? "true" : "false") + "}}", version, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>os-update_readonly_flag: servers attach the volume read-only (or read-write again).</summary>
        public async Task SetReadOnlyAsync(string id, bool readOnly, CancellationToken cancellationToken)
        {
            var version = await VersionAsync("Setting a volume's read-only flag", cancellationToken).ConfigureAwait(false);
            await VolumeActionAsync(id, "{\"os-update_readonly_flag\":{\"readonly\":" + (readOnly ? "true" : "false") + "}}", version, cancellationToken).ConfigureAwait(false);
        }

        private Task<ServiceResponse> VolumeActionAsync(string id, string body, string version, CancellationToken cancellationToken) =>
            _cloud.SendAsync(new ServiceRequest(HttpMethod.Post, ServiceTypes.BlockStorage, $"/volumes/{Uri.EscapeDataString(id)}/action")
            { JsonBody = body, Microversion = version }, cancellationToken);

        /// <summary>Sends DELETE /volumes/{id} (the volume is then deleting).</summary>
        public Task DeleteVolumeAsync(string id, CancellationToken cancellationToken) => _cloud.DeleteResourceAsync(Volume.Definition, id, cancellationToken);

        /// <summary>Deletes a volume and waits until it is gone. An attached volume is a <see cref="VolumeInUseException"/>
        /// naming its servers, unless <paramref name="detachFirst"/>: then it is detached from each of them first.</summary>
        public async Task RemoveVolumeAsync(Volume volume, bool detachFirst, Action<Volume?>? progress, CancellationToken cancellationToken)
        {
            if (volume.IsAttached)
            {
                if (!detachFirst)
                {
                    await NameServersAsync(volume, cancellationToken).ConfigureAwait(false);
                    throw InUse(volume, "cannot be deleted");
                }
                foreach (var attachment in volume.Attachments)
                    await DetachVolumeAsync(volume.Id, attachment.ServerId, progress, cancellationToken).ConfigureAwait(false);
            }
            await DeleteVolumeAsync(volume.Id, cancellationToken).ConfigureAwait(false);
            await WaitForVolumeDeletedAsync(volume.Id, progress, cancellationToken).ConfigureAwait(false);
        }

        internal static VolumeInUseException InUse(Volume volume, string consequence)
        {
            var servers = new List<string>();
            foreach (var a in volume.Attachments)
                servers.Add(a.ServerName != null ? $"'{a.ServerName}' ({a.ServerId})" : a.ServerId);
            return new VolumeInUseException(volume.Id, servers,
                $"Volume '{volume}' ({volume.Id}) is attached to server {string.Join(", ", servers)}: it {consequence} until it is detached " +
                "(Remove-OSVolumeAttachment, or Remove-OSVolume -Force, which detaches it first).");
        }
    }
}
