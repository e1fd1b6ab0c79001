using System.Collections.Generic;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>What POST /servers needs, with every reference already resolved to an id.</summary>
    public sealed class ServerCreateRequest
    {
        public string Name { get; set; } = "";
        /// <summary>The image to boot from (or to fill the boot volume from, with <see cref="BootVolumeSizeGB"/>).</summary>
        public string? ImageId { get; set; }
        public string FlavorId { get; set; } = "";
        public IList<string> NetworkIds { get; } = new List<string>();
        public IList<string> PortIds { get; } = new List<string>();
        /// <summary>No network at all (Nova "none", microversion 2.37).</summary>
        public bool NoNetwork { get; set; }
        public string? KeyName { get; set; }
        public IList<string> SecurityGroups { get; } = new List<string>();
        /// <summary>Cloud-init user data as text (sent base64-encoded).</summary>
        public string? UserData { get; set; }
        public string? AvailabilityZone { get; set; }
        public IDictionary<string, string> Metadata { get; } = new Dictionary<string, string>();
        /// <summary>Boot from a new volume of this size made from the image, deleted with the server.</summary>
        public int? BootVolumeSizeGB { get; set; }
    }
}
