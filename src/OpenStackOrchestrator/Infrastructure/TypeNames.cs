using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Tasks;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>The stable PowerShell type names of the module's output, used by format views and Update-TypeData.</summary>
    public static class TypeNames
    {
        public const string Cloud = "OpenStackOrchestrator.Cloud";
        public const string AvailableCloud = "OpenStackOrchestrator.AvailableCloud";
        public const string Flavor = "OpenStackOrchestrator.Flavor";
        public const string Image = "OpenStackOrchestrator.Image";
        public const string Server = "OpenStackOrchestrator.Server";
        public const string Task = "OpenStackOrchestrator.Task";
        public const string Network = "OpenStackOrchestrator.Network";
        public const string KeyPair = "OpenStackOrchestrator.KeyPair";
        public const string AvailabilityZone = "OpenStackOrchestrator.AvailabilityZone";
        public const string Quota = "OpenStackOrchestrator.Quota";

        /// <summary>The type name for an output object of the client (null for anything else).</summary>
        public static string? For(object? item)
        {
            switch (item)
            {
                case Server _: return Server;
                case Flavor _: return Flavor;
                case Client.Image.Image _: return Image;
                case OSTask _: return Task;
                case CloudConnection _: return Cloud;
                case Client.Network.Network _: return Network;
                case KeyPair _: return KeyPair;
                case AvailabilityZone _: return AvailabilityZone;
                case Client.Quota.QuotaUsage _: return Quota;
                default: return null;
            }
        }
    }
}
