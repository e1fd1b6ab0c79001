using System.Collections.Generic;

namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>A volume is attached to servers, so it cannot be deleted (or changed) until it is detached.</summary>
    public sealed class VolumeInUseException : OpenStackException
    {
        public VolumeInUseException(string volumeId, IReadOnlyList<string> servers, string message) : base(message)
        {
            VolumeId = volumeId;
            Servers = servers;
            Service = "block-storage";
        }

        public string VolumeId { get; }
        /// <summary>The servers it is attached to, as "name (id)".</summary>
        public IReadOnlyList<string> Servers { get; }
        public override string ErrorId => "VolumeInUse";
    }
}
