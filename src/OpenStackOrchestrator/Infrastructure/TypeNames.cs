using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using OpenStackOrchestrator.Client.Resources;
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
        public const string ExportedStackResource = "OpenStackOrchestrator.ExportedStackResource";
        public const string Configuration = "OpenStackOrchestrator.Configuration";
        public const string ServerConsole = "OpenStackOrchestrator.ServerConsole";
        public const string ServerEvent = "OpenStackOrchestrator.ServerEvent";
        public const string ImageMember = "OpenStackOrchestrator.ImageMember";
        public const string VolumeTypeAccess = "OpenStackOrchestrator.VolumeTypeAccess";
        public const string RoleAssignment = "OpenStackOrchestrator.RoleAssignment";
        public const string FlavorAccess = "OpenStackOrchestrator.FlavorAccess";
        public const string ProjectUsage = "OpenStackOrchestrator.ProjectUsage";
        public const string ServerUsage = "OpenStackOrchestrator.ServerUsage";
        public const string MetricSample = "OpenStackOrchestrator.MetricSample";
        public const string AlarmHistoryEntry = "OpenStackOrchestrator.AlarmHistoryEntry";
        public const string DatabaseSchema = "OpenStackOrchestrator.DatabaseSchema";
        public const string DatabaseUser = "OpenStackOrchestrator.DatabaseUser";

        /// <summary>The .NET type behind each type name: the format views' registry (a convention test checks every
        /// view column against these types' properties). A declared resource registers itself through its definition.</summary>
        public static readonly IReadOnlyDictionary<Type, string> ByType = WithDeclaredResources(new Dictionary<Type, string>
        {
            [typeof(Server)] = Server,
            [typeof(Flavor)] = Flavor,
            [typeof(Client.Images.Image)] = Image,
            [typeof(OSTask)] = Task,
            [typeof(CloudConnection)] = Cloud,
            [typeof(Cmdlets.AvailableCloud)] = AvailableCloud,
            [typeof(Client.Networking.Network)] = Network,
            [typeof(Client.Networking.Subnet)] = Subnet,
            [typeof(Client.Networking.Port)] = Port,
            [typeof(Client.Networking.Router)] = Router,
            [typeof(Client.Networking.SecurityGroup)] = SecurityGroup,
            [typeof(Client.Networking.SecurityGroupRule)] = SecurityGroupRule,
            [typeof(Client.Networking.FloatingIP)] = FloatingIP,
            [typeof(ServerInterface)] = ServerInterface,
            [typeof(ServerConsole)] = ServerConsole,
            [typeof(ServerEvent)] = ServerEvent,
            [typeof(KeyPair)] = KeyPair,
            [typeof(AvailabilityZone)] = AvailabilityZone,
            [typeof(Client.Quota.QuotaUsage)] = Quota,
            [typeof(Client.BlockStorage.Volume)] = Volume,
            [typeof(Client.BlockStorage.VolumeSnapshot)] = VolumeSnapshot,
            [typeof(Client.BlockStorage.VolumeType)] = VolumeType,
            [typeof(Client.ObjectStorage.Container)] = Container,
            [typeof(Client.ObjectStorage.StorageObject)] = StorageObject,
            [typeof(Client.Orchestration.Stack)] = Stack,
            [typeof(Client.Orchestration.StackResource)] = StackResource,
            [typeof(Client.Orchestration.StackEvent)] = StackEvent,
            [typeof(Client.Orchestration.StackOutput)] = StackOutput,
            [typeof(Client.Orchestration.StackChange)] = StackChange,
            [typeof(Client.Orchestration.StackTemplateParameter)] = StackTemplateParameter,
            [typeof(Client.Orchestration.Export.ExportedResource)] = ExportedStackResource,
            [typeof(Client.Images.ImageMember)] = ImageMember,
            [typeof(Client.BlockStorage.VolumeTypeAccess)] = VolumeTypeAccess,
            [typeof(Client.Identity.RoleAssignment)] = RoleAssignment,
            [typeof(FlavorAccess)] = FlavorAccess,
            [typeof(ProjectUsage)] = ProjectUsage,
            [typeof(ServerUsage)] = ServerUsage,
            [typeof(Client.Telemetry.MetricSample)] = MetricSample,
            [typeof(Client.Telemetry.AlarmHistoryEntry)] = AlarmHistoryEntry,
            [typeof(Client.Database.DatabaseSchema)] = DatabaseSchema,
            [typeof(Client.Database.DatabaseUser)] = DatabaseUser,
        });

        private static Dictionary<Type, string> WithDeclaredResources(Dictionary<Type, string> names)
        {
            foreach (var type in typeof(OSResource).Assembly.GetTypes().Concat(typeof(TypeNames).Assembly.GetTypes()))
                if (type.GetCustomAttribute<TableViewAttribute>() is { } view)
                    names[type] = view.TypeName ?? "OpenStackOrchestrator." + type.Name;
            foreach (var type in typeof(OSResource).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(OSResource).IsAssignableFrom(t)))
                if (type.GetField("Definition", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is IResourceDefinition definition)
                    names[type] = definition.TypeName;
            return names;
        }

        /// <summary>The type name for an output object of the client (null for anything else).</summary>
        public static string? For(object? item)
        {
            if (item == null)
                return null;
            if (ByType.TryGetValue(item.GetType(), out var name))
                return name;
            foreach (var pair in ByType)
                if (pair.Key.IsInstanceOfType(item))
                    return pair.Value;
            return null;
        }
    }
}
