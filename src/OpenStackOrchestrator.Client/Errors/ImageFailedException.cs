namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>An image did not become usable: Glance marked it killed or deleted, it disappeared, or a server
    /// snapshot ended without the hypervisor uploading its data.</summary>
    public sealed class ImageFailedException : OpenStackException
    {
        public ImageFailedException(string imageId, string? status, string message) : base(message)
        {
            ImageId = imageId;
            Status = status;
            Service = "image";
        }

        public string ImageId { get; }
        /// <summary>The image's last status seen (null when it was gone).</summary>
        public string? Status { get; }
        public override string ErrorId => "ImageFailed";
    }
}
