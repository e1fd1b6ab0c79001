using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>The source-generated readers and writers of the Neutron models (no reflection at run time). One context
    /// per service: the generator takes [JsonSerializable] from one declaration of a context only.</summary>
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = new[] { typeof(UtcTimeConverter) })]
    [JsonSerializable(typeof(Port))]
    [JsonSerializable(typeof(PortCreateRequest))]
    [JsonSerializable(typeof(PortUpdate))]
    [JsonSerializable(typeof(Network))]
    [JsonSerializable(typeof(NetworkCreateRequest))]
    [JsonSerializable(typeof(NetworkUpdate))]
    [JsonSerializable(typeof(Subnet))]
    [JsonSerializable(typeof(SubnetCreateRequest))]
    [JsonSerializable(typeof(Router))]
    [JsonSerializable(typeof(RouterCreateRequest))]
    [JsonSerializable(typeof(RouterUpdate))]
    [JsonSerializable(typeof(RouterInterfaceRequest))]
    [JsonSerializable(typeof(SecurityGroup))]
    [JsonSerializable(typeof(SecurityGroupCreateRequest))]
    [JsonSerializable(typeof(SecurityGroupRule))]
    [JsonSerializable(typeof(SecurityGroupRuleCreateRequest))]
    [JsonSerializable(typeof(FloatingIP))]
    [JsonSerializable(typeof(FloatingIPCreateRequest))]
    [JsonSerializable(typeof(FloatingIPAssociation))]
    internal sealed partial class NetworkingJson : JsonSerializerContext
    {
    }
}
