using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Images
{
    /// <summary>A project an image is shared with (a Glance v2 image member) and whether that project has accepted it:
    /// pending, accepted or rejected. Only accepted shared images appear in the member project's image list.</summary>
    [TableView("ImageId", "MemberId", "Status", "Updated")]
    public sealed class ImageMember
    {
        [JsonPropertyName("image_id")]
        public string ImageId { get; init => field = value ?? ""; } = "";
        /// <summary>The member project's id.</summary>
        [JsonPropertyName("member_id")]
        public string MemberId { get; init => field = value ?? ""; } = "";
        /// <summary>pending, accepted or rejected (set by the member project).</summary>
        [JsonPropertyName("status")]
        public string Status { get; init => field = value ?? ""; } = "";
        [JsonPropertyName("created_at")]
        public DateTime? Created { get; init; }
        [JsonPropertyName("updated_at")]
        public DateTime? Updated { get; init; }

        [JsonIgnore]
        public CloudConnection Cloud { get; internal set; } = null!;

        public override string ToString() => $"{ImageId}/{MemberId}";
    }

    public sealed partial class ImageClient
    {
        /// <summary>GET /v2/images/{id}/members (the owner sees every member; a member sees itself); an image that is not shared has none.</summary>
        public async Task<IReadOnlyList<ImageMember>> ListMembersAsync(string imageId, CancellationToken cancellationToken)
        {
            ServiceResponse response;
            try
            {
                response = await _cloud.SendAsync(new ServiceRequest(HttpMethod.Get, ServiceTypes.Image, MembersPath(imageId)), cancellationToken).ConfigureAwait(false);
            }
            catch (PermissionDeniedException)
            {
                // Glance answers 403 for an image that is not shared ("Only shared images have members"): it has none.
                if ((await GetAsync(imageId, cancellationToken).ConfigureAwait(false)).Visibility != "shared")
                    return Array.Empty<ImageMember>();
                throw;
            }
            var members = response.Json().Arr("members");
            if (members.ValueKind != JsonValueKind.Array)
                throw new InvalidResponseException($"The response from {response.Url} has no 'members' list.") { Service = ServiceTypes.Image, Url = response.Url };
            return members.EnumerateArray().Select(m => Member(m)).ToList();
        }

        /// <summary>POST /v2/images/{id}/members: shares the image with the project (pending until it accepts). Glance
        /// takes members on a 'shared' image only: a private one is made shared first.</summary>
        public async Task<ImageMember> AddMemberAsync(string imageId, string projectId, CancellationToken cancellationToken)
        {
            var image = await GetAsync(imageId, cancellationToken).ConfigureAwait(false);
            if (image.Visibility == "private")
            {
                RequestTrace.Write($"Image '{image}' ({image.Id}) is private: making it shared, so that it can have members.");
                await UpdateAsync(imageId, new ImageUpdate { Visibility = "shared" }, cancellationToken).ConfigureAwait(false);
            }
            var body = "{\"member\":" + JsonSerializer.Serialize(projectId, ImagesJson.Default.String) + "}";
            return await SendMemberAsync(new ServiceRequest(HttpMethod.Post, ServiceTypes.Image, MembersPath(imageId)) { JsonBody = body }, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>PUT /v2/images/{id}/members/{member}: the member project accepts, rejects or defers (pending) the share.</summary>
        public Task<ImageMember> SetMemberStatusAsync(string imageId, string projectId, string status, CancellationToken cancellationToken)
        {
            var body = "{\"status\":" + JsonSerializer.Serialize(status.ToLowerInvariant(), ImagesJson.Default.String) + "}";
            return SendMemberAsync(new ServiceRequest(HttpMethod.Put, ServiceTypes.Image, MembersPath(imageId) + "/" + Uri.EscapeDataString(projectId)) { JsonBody = body },
                cancellationToken);
        }

        /// <summary>DELETE /v2/images/{id}/members/{member}: the project no longer shares the image.</summary>
        public Task RemoveMemberAsync(string imageId, string projectId, CancellationToken cancellationToken) =>
            _cloud.SendAsync(new ServiceRequest(HttpMethod.Delete, ServiceTypes.Image, MembersPath(imageId) + "/" + Uri.EscapeDataString(projectId)), cancellationToken);

        private async Task<ImageMember> SendMemberAsync(ServiceRequest request, CancellationToken cancellationToken)
        {
            var response = await _cloud.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return Member(response.Json());
        }

        private ImageMember Member(JsonElement element)
        {
            var member = element.Deserialize(ImagesJson.Default.ImageMember)
                ?? throw new InvalidResponseException("Glance answered an empty image member.") { Service = ServiceTypes.Image };
            member.Cloud = _cloud;
            return member;
        }

        private static string MembersPath(string imageId) => ImagePath(imageId) + "/members";
    }
}
