using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;

namespace OpenStackOrchestrator.Client.Images
{
    /// <summary>Glance's interoperable image import: glance-direct (the data is staged, then imported) and web-download
    /// (Glance fetches the data from a URL), with the import task's failure message when it fails.</summary>
    public sealed partial class ImageClient
    {
        public const string GlanceDirect = "glance-direct";
        public const string WebDownload = "web-download";

        /// <summary>GET /v2/info/import: the import methods this Glance offers (empty when it has no import API).</summary>
        public async Task<IReadOnlyList<string>> GetImportMethodsAsync(CancellationToken cancellationToken)
        {
            ServiceResponse response;
            try
            {
                response = await _cloud.SendAsync(new ServiceRequest(HttpMethod.Get, ServiceTypes.Image, "/v2/info/import"), cancellationToken).ConfigureAwait(false);
            }
            catch (ResourceNotFoundException)
            {
                return Array.Empty<string>();
            }
            var value = response.Json().Obj("import-methods").Arr("value");
            return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetString() ?? "").Where(v => v.Length > 0).ToList() : (IReadOnlyList<string>)Array.Empty<string>();
        }

        /// <summary>An <see cref="ImportMethodNotOfferedException"/> unless the cloud offers <paramref name="method"/>.</summary>
        public async Task EnsureImportMethodAsync(string method, CancellationToken cancellationToken)
        {
            var offered = await GetImportMethodsAsync(cancellationToken).ConfigureAwait(false);
            if (!offered.Contains(method, StringComparer.OrdinalIgnoreCase))
                throw new ImportMethodNotOfferedException(method, offered, _cloud.Name);
        }

        /// <summary>Creates the image, stages the stream (PUT /v2/images/{id}/stage), imports it with glance-direct and waits
        /// until it is active; on failure (the import task's message) the image is deleted.</summary>
        public async Task<Image> CreateByGlanceDirectAsync(ImageCreateRequest request, Stream data, long? length, Action<long>? sent, Action<Image>? progress,
            CancellationToken cancellationToken)
        {
            await EnsureImportMethodAsync(GlanceDirect, cancellationToken).ConfigureAwait(false);
            var image = await CreateAsync(request, cancellationToken).ConfigureAwait(false);
            try
            {
                var body = new StreamBody(data, "application/octet-stream", length, sent);
                await _cloud.SendStreamAsync(new ServiceRequest(HttpMethod.Put, ServiceTypes.Image, ImagePath(image.Id) + "/stage"), body, cancellationToken).ConfigureAwait(false);
                await StartImportAsync(image.Id, "{\"method\":{\"name\":\"glance-direct\"}}", cancellationToken).ConfigureAwait(false);
                return await WaitForImportAsync(image.Id, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception)
            {
                await TryDeleteAsync(image.Id).ConfigureAwait(false);
                throw;
            }
        }

        /// <summary>Creates the image and has Glance download its data from <paramref name="uri"/> (web-download), waiting
        /// until it is active; on failure (the import task's message) the image is deleted.</summary>
        public async Task<Image> CreateByWebDownloadAsync(ImageCreateRequest request, Uri uri, Action<Image>? progress, CancellationToken cancellationToken)
        {
            await EnsureImportMethodAsync(WebDownload, cancellationToken).ConfigureAwait(false);
            var image = await CreateAsync(request, cancellationToken).ConfigureAwait(false);
            try
            {
                var body = "{\"method\":{\"name\":\"web-download\",\"uri\":" + JsonSerializer.Serialize(uri.AbsoluteUri, ImagesJson.Default.String) + "}}";
                await StartImportAsync(image.Id, body, cancellationToken).ConfigureAwait(false);
                return await WaitForImportAsync(image.Id, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception)
            {
                await TryDeleteAsync(image.Id).ConfigureAwait(false);
                throw;
            }
        }

        private Task<ServiceResponse> StartImportAsync(string imageId, string body, CancellationToken cancellationToken) =>
            _cloud.SendAsync(new ServiceRequest(HttpMethod.Post, ServiceTypes.Image, ImagePath(imageId) + "/import") { JsonBody = body }, cancellationToken);

        /// <summary>Polls until the image is active. An import that fails sends the image back to queued (or killed); the
        /// import task's message (GET /v2/images/{id}/tasks) says why.</summary>
        private async Task<Image> WaitForImportAsync(string imageId, Action<Image>? progress, CancellationToken cancellationToken)
        {
            var delay = FirstPollInterval;
            while (true)
            {
                var image = await GetAsync(imageId, cancellationToken).ConfigureAwait(false);
                progress?.Invoke(image);
                if (image.Status == "active")
                    return image;
                if (image.Status == "killed" || image.Status == "deleted" || image.Status == "queued" || image.Status == "uploading")
                {
                    var task = await ImportTaskAsync(image, cancellationToken).ConfigureAwait(false);
                    if (task.HasValue && task.Value.Str("status") == "failure" || image.Status == "killed" || image.Status == "deleted")
                        throw new ImageFailedException(image.Id, image.Status,
                            $"The import of image '{image}' ({image.Id}) failed: {(task.HasValue ? task.Value.Str("message") : null)?.TrimEnd('.') ?? "Glance recorded no message"}. The image was deleted.")
                        { ServiceMessage = task.HasValue ? task.Value.Str("message") : null };
                }
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(MaxPollInterval.TotalMilliseconds, delay.TotalMilliseconds * 1.5));
            }
        }

        /// <summary>The image's import task (os_glance_import_task, else its newest task), or null when Glance cannot list tasks.</summary>
        private async Task<JsonElement?> ImportTaskAsync(Image image, CancellationToken cancellationToken)
        {
            try
            {
                var response = await _cloud.SendAsync(new ServiceRequest(HttpMethod.Get, ServiceTypes.Image, ImagePath(image.Id) + "/tasks"), cancellationToken).ConfigureAwait(false);
                var tasks = response.Json().Arr("tasks");
                if (tasks.ValueKind != JsonValueKind.Array)
                    return null;
                var all = tasks.EnumerateArray().ToList();
                image.Properties.TryGetValue("os_glance_import_task", out var current);
                var match = all.FirstOrDefault(t => current != null && t.Str("id") == current);
                if (match.ValueKind == JsonValueKind.Object)
                    return match;
                return all.Count == 0 ? (JsonElement?)null : all.OrderByDescending(t => t.Str("created_at")).First();
            }
            catch (OpenStackException)
            {
                return null;   // the message is a courtesy (tasks API from Glance 2.12)
            }
        }
    }
}
