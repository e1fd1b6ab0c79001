using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.ObjectStorage
{
    /// <summary>Containers: list (the account), read (HEAD), create, change (POST), delete.</summary>
    public sealed partial class ObjectStorageClient
    {
        /// <summary>The account's containers in name order, every page followed. Listing entries carry the name, the
        /// counts and the date only; <see cref="GetContainerAsync"/> reads ACLs and metadata.</summary>
        public async IAsyncEnumerable<Container> ListContainersAsync(string? prefix = null, int? limit = null,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var item in ListPagesAsync("", null, prefix, null, limit, ObjectStorageJson.Default.ListContainerListing, entry => entry.Name, cancellationToken)
                               .ConfigureAwait(false))
                yield return new Container(item, _cloud);
        }

        public async Task<Container> GetContainerAsync(string name, CancellationToken cancellationToken)
        {
            var response = await SendAsync(Request(HttpMethod.Head, SwiftPaths.Container(name)), ContainerNamed(name), cancellationToken).ConfigureAwait(false);
            return new Container(name, response.Headers, _cloud);
        }

        /// <summary>Creates a container; one that already exists is a <see cref="ConflictException"/> (Swift itself
        /// would accept the PUT and change the existing container's settings).</summary>
        public async Task<Container> CreateContainerAsync(string name, ContainerUpdate settings, CancellationToken cancellationToken)
        {
            ApplySettings(new Dictionary<string, string>(), settings, null);   // refuses bad metadata before anything is sent
            if (await ExistsAsync(() => GetContainerAsync(name, cancellationToken)).ConfigureAwait(false))
                throw new ConflictException($"Container '{name}' already exists.") { Service = "object-store", StatusCode = 409 };
            var request = Request(HttpMethod.Put, SwiftPaths.Container(name));
            ApplySettings(request.Headers, settings, currentReadAcl: null);
            await SendAsync(request, cancellationToken).ConfigureAwait(false);
            return await GetContainerAsync(name, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Creates the container unless it exists, changing nothing on an existing one.</summary>
        internal async Task EnsureContainerAsync(string name, CancellationToken cancellationToken) =>
            await SendAsync(Request(HttpMethod.Put, SwiftPaths.Container(name)), cancellationToken).ConfigureAwait(false);

        public async Task<Container> UpdateContainerAsync(string name, ContainerUpdate update, CancellationToken cancellationToken)
        {
            ApplySettings(new Dictionary<string, string>(), update, null);   // refuses bad metadata before anything is sent
            var current = await GetContainerAsync(name, cancellationToken).ConfigureAwait(false);
            if (update.IsEmpty)
                return current;
            var request = Request(HttpMethod.Post, SwiftPaths.Container(name));
            ApplySettings(request.Headers, update, current.ReadAcl);
            await SendAsync(request, cancellationToken).ConfigureAwait(false);
            return await GetContainerAsync(name, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Deletes an empty container; a container with objects is a <see cref="ContainerNotEmptyException"/>
        /// that keeps Swift's 409 message.</summary>
        public async Task DeleteContainerAsync(string name, CancellationToken cancellationToken)
        {
            try
            {
                await SendAsync(Request(HttpMethod.Delete, SwiftPaths.Container(name)), ContainerNamed(name), cancellationToken).ConfigureAwait(false);
            }
            catch (ConflictException conflict)
            {
                throw new ContainerNotEmptyException(name, conflict);
            }
        }

        /// <summary>Deletes every object of the container (large objects with their segments), then the container.</summary>
        /// <param name="progress">Called with the number of objects deleted so far.</param>
        public async Task DeleteContainerRecursiveAsync(string name, Action<long>? progress, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                var objects = new List<StorageObject>();
                await foreach (var item in ListObjectsAsync(name, new ObjectListOptions(), cancellationToken).ConfigureAwait(false))
                    objects.Add(item);
                var failures = await DeleteObjectsAsync(name, objects, progress, cancellationToken).ConfigureAwait(false);
                if (failures.Count > 0)
                    throw new ObjectNotDeletedException($"{failures.Count} objects of container '{name}' could not be deleted, so the container was kept. " +
                                                 string.Join("; ", failures.Take(3).Select(f => $"{f.Key}: {f.Value}")));
                try
                {
                    await DeleteContainerAsync(name, cancellationToken).ConfigureAwait(false);
                    return;
                }
                // A container's listing can trail the deletes, or another client added objects meanwhile: start over.
                catch (ContainerNotEmptyException) when (attempt < 5)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken).ConfigureAwait(false);
                }
            }
        }

        private static void ApplySettings(IDictionary<string, string> headers, ContainerUpdate settings, string? currentReadAcl)
        {
            foreach (var key in settings.RemoveMetadata)
                headers["X-Remove-Container-Meta-" + SwiftMetadata.CheckedKey(key)] = "x";
            SwiftMetadata.Write(headers, SwiftMetadata.ContainerPrefix, settings.SetMetadata);
            if (settings.TempUrlKey != null)
                headers[SwiftMetadata.ContainerPrefix + "Temp-URL-Key"] = settings.TempUrlKey;
            if (settings.Public.HasValue)
            {
                var acl = ReadAcl(currentReadAcl, settings.Public.Value);
                if (acl.Length > 0)
                    headers["X-Container-Read"] = acl;
                else
                    headers["X-Remove-Container-Read"] = "x";
            }
        }

        /// <summary>The read ACL with the public entries added or taken out, the other entries kept in order.</summary>
        internal static string ReadAcl(string? current, bool isPublic)
        {
            var publicEntries = Container.PublicReadAcl.Split(',');
            var kept = Container.AclEntries(current).Where(e => !publicEntries.Contains(e)).ToList();
            if (isPublic)
                kept.AddRange(publicEntries);
            return string.Join(",", kept);
        }

        private static async Task<bool> ExistsAsync<T>(Func<Task<T>> head)
        {
            try
            {
                await head().ConfigureAwait(false);
                return true;
            }
            catch (ResourceNotFoundException)
            {
                return false;
            }
        }
    }
}
