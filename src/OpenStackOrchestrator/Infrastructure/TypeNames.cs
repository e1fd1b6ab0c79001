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
        public const string Subnet = "OpenStackOrchestrator.Subnet";
        public const string Port = "OpenStackOrchestrator.Port";
        public const string Router = "OpenStackOrchestrator.Router";
        public const string SecurityGroup = "OpenStackOrchestrator.SecurityGroup";
        public const string SecurityGroupRule = "OpenStackOrchestrator.SecurityGroupRule";
        public const string FloatingIP = "OpenStackOrchestrator.FloatingIP";
        public const string ServerInterface = "OpenStackOrchestrator.ServerInterface";
        public const string KeyPair = "OpenStackOrchestrator.KeyPair";
        public const string AvailabilityZone = "OpenStackOrchestrator.AvailabilityZone";
        public const string Quota = "OpenStackOrchestrator.Quota";
        public const string Volume = "OpenStackOrchestrator.Volume";
        public const string VolumeSnapshot = "OpenStackOrchestrator.VolumeSnapshot";
        public const string VolumeType = "OpenStackOrchestrator.VolumeType";
        public const string Container = "OpenStackOrchestrator.Container";
        public const string StorageObject = "OpenStackOrchestrator.StorageObject";
        public const string Stack = "OpenStackOrchestrator.Stack";
        public const string StackResource = "OpenStackOrchestrator.StackResource";
        public const string StackEvent = "OpenStackOrchestrator.StackEvent";
        public const string StackOutput = "OpenStackOrchestrator.StackOutput";
        public const string StackChange = "OpenStackOrchestrator.StackChange";
        public const string StackTemplateParameter = "OpenStackOrchestrator.StackTemplateParameter";

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
                case Client.Network.Subnet _: return Subnet;
                case Client.Network.Port _: return Port;
                case Client.Network.Router _: return Router;
                case Client.Network.SecurityGroup _: return SecurityGroup;
                case Client.Network.SecurityGroupRule _: return SecurityGroupRule;
                case Client.Network.FloatingIP _: return FloatingIP;
                case ServerInterface _: return ServerInterface;
                case KeyPair _: return KeyPair;
                case AvailabilityZone _: return AvailabilityZone;
                case Client.Quota.QuotaUsage _: return Quota;
                case Client.BlockStorage.Volume _: return Volume;
                case Client.BlockStorage.VolumeSnapshot _: return VolumeSnapshot;
                case Client.BlockStorage.VolumeType _: return VolumeType;
                case Client.ObjectStorage.Container _: return Container;
                case Client.ObjectStorage.StorageObject _: return StorageObject;
                case Client.Orchestration.Stack _: return Stack;
                case Client.Orchestration.StackResource _: return StackResource;
                case Client.Orchestration.StackEvent _: return StackEvent;
                case Client.Orchestration.StackOutput _: return StackOutput;
                case Client.Orchestration.StackChange _: return StackChange;
                case Client.Orchestration.StackTemplateParameter _: return StackTemplateParameter;
                default: return null;
            }
        }
    }
}
