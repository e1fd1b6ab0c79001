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
using OpenStackOrchestrator.Client.Resolution;

namespace OpenStackOrchestrator.Client.BlockStorage
{
    /// <summary>Volumes: list, get, create, update, metadata, extend, delete.</summary>
    public sealed partial class BlockStorageClient
    {
        public async IAsyncEnumerable<Volume> ListVolumesAsync(VolumeListOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var version = await VersionAsync("Listing volumes", cancellationToken).ConfigureAwait(false);
            var query = new Dictionary<string, string>();
            if (!string.IsNullOrEmpty(options.Name)) query["name"] = options.Name!;
            if (!string.IsNullOrEmpty(options.Status)) query["status"] = options.Status!.ToLowerInvariant();
            // The server filter is applied here, so a limit sent to Cinder could cut matches short.
            var limit = options.ServerId == null ? options.Limit : null;
            var names = options.NameServers ? new AttachedServerNames(_cloud, options.ServerId, options.ServerName) : null;
            await foreach (var item in _cloud.ListAsync(ServiceTypes.BlockStorage, "/volumes/detail", "volumes", query, limit, version, cancellationToken).ConfigureAwait(false))
            {
                var volume = new Volume(item, _cloud);
                if (options.ServerId != null && !volume.IsAttachedTo(options.ServerId))
                    continue;
                if (names != null)
                    await names.FillAsync(volume, cancellationToken).ConfigureAwait(false);
                yield return volume;
            }
        }

        public async Task<Volume> GetVolumeAsync(string id, CancellationToken cancellationToken)
        {
            var version = await VersionAsync("Getting a volume", cancellationToken).ConfigureAwait(false);
            var json = await _cloud.GetJsonAsync(ServiceTypes.BlockStorage, "/volumes/" + Uri.EscapeDataString(id), cancellationToken, version).ConfigureAwait(false);
            return new Volume(json.GetProperty("volume"), _cloud);
        }

        /// <summary>A volume by id, else by exact name (several with the name is an <see cref="AmbiguousNameException"/>).</summary>
        public Task<Volume> ResolveVolumeAsync(string nameOrId, CancellationToken cancellationToken) =>
            NameResolver.ResolveOneAsync("volume", nameOrId, GetVolumeAsync,
                (name, ct) => NameResolver.ToListAsync(ListVolumesAsync(new VolumeListOptions { Name = name }, ct)), v => v.Id, v => v.Name, cancellationToken);

        /// <summary>Fills in the names of the servers the volume is attached to (one Nova request).</summary>
        public async Task<Volume> NameServersAsync(Volume volume, CancellationToken cancellationToken)
        {
            await new AttachedServerNames(_cloud).FillAsync(volume, cancellationToken).ConfigureAwait(false);
            return volume;
        }

        /// <summary>Sends POST /volumes and returns the new volume (it is then creating).</summary>
        public async Task<Volume> CreateVolumeAsync(VolumeCreateRequest request, CancellationToken cancellationToken)
        {
            var version = await VersionAsync("Creating a volume", cancellationToken).ConfigureAwait(false);
            var body = JsonSerializer.Serialize(new Dictionary<string, object> { ["volume"] = VolumeBody(request) });
            var response = await _cloud.SendAsync(new ServiceRequest(HttpMethod.Post, ServiceTypes.BlockStorage, "/volumes") { JsonBody = body, Microversion = version },
                cancellationToken).ConfigureAwait(false);
            var volume = response.Json().Obj("volume");
            if (volume.Str("id") == null)
                throw new InvalidResponseException($"Cinder accepted the volume '{request.Name}' but returned no id.") { RequestId = response.RequestId, Url = response.Url };
            return new Volume(volume, _cloud);
        }

        private static Dictionary<string, object> VolumeBody(VolumeCreateRequest r)
        {
            var volume = new Dictionary<string, object>();
            if (r.SizeGB.HasValue) volume["size"] = r.SizeGB.Value;
            if (r.Name != null) volume["name"] = r.Name;
            if (r.Description != null) volume["description"] = r.Description;
            if (r.VolumeType != null) volume["volume_type"] = r.VolumeType;
            if (r.AvailabilityZone != null) volume["availability_zone"] = r.AvailabilityZone;
            if (r.ImageId != null) volume["imageRef"] = r.ImageId;
            if (r.SnapshotId != null) volume["snapshot_id"] = r.SnapshotId;
            if (r.SourceVolumeId != null) volume["source_volid"] = r.SourceVolumeId;
            if (r.Metadata.Count > 0) volume["metadata"] = r.Metadata;
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
            var fields = new Dictionary<string, string>();
            if (name != null) fields["name"] = name;
            if (description != null) fields["description"] = description;
            if (fields.Count == 0)
                return;
            var version = await VersionAsync("Updating a volume", cancellationToken).ConfigureAwait(false);
            var body = JsonSerializer.Serialize(new Dictionary<string, object> { ["volume"] = fields });
            await _cloud.SendAsync(new ServiceRequest(HttpMethod.Put, ServiceTypes.BlockStorage, "/volumes/" + Uri.EscapeDataString(id)) { JsonBody = body, Microversion = version },
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

        private Task<ServiceResponse> VolumeActionAsync(string id, string body, string version, CancellationToken cancellationToken) =>
            _cloud.SendAsync(new ServiceRequest(HttpMethod.Post, ServiceTypes.BlockStorage, $"/volumes/{Uri.EscapeDataString(id)}/action")
            { JsonBody = body, Microversion = version }, cancellationToken);

        /// <summary>Sends DELETE /volumes/{id} (the volume is then deleting).</summary>
        public async Task DeleteVolumeAsync(string id, CancellationToken cancellationToken)
        {
            var version = await VersionAsync("Deleting a volume", cancellationToken).ConfigureAwait(false);
            await _cloud.SendAsync(new ServiceRequest(HttpMethod.Delete, ServiceTypes.BlockStorage, "/volumes/" + Uri.EscapeDataString(id)) { Microversion = version },
                cancellationToken).ConfigureAwait(false);
        }

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
