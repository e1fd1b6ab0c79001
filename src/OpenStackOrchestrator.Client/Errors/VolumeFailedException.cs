namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>A volume or snapshot went to an error status (error, error_extending, error_deleting...) or disappeared
    /// while being waited for. The message carries Cinder's user message for it when there is one.</summary>
    public sealed class VolumeFailedException : OpenStackException
    {
        public VolumeFailedException(string kind, string id, string? status, string? reason, string message) : base(message)
        {
            Kind = kind;
            ResourceId = id;
            Status = status;
            Service = "block-storage";
            ServiceMessage = reason;
        }

        /// <summary>"volume" or "snapshot".</summary>
        public string Kind { get; }
        public string ResourceId { get; }
        /// <summary>The last status seen (null when it was gone).</summary>
        public string? Status { get; }
        public override string ErrorId => "VolumeFailed";
    }
}
