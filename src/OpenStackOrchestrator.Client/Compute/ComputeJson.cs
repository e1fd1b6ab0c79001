using System.Collections.Generic;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>The source-generated readers and writers of the Nova models and requests (no reflection at run time).
    /// One context per service: the generator takes [JsonSerializable] from one declaration of a context only.</summary>
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = new[] { typeof(UtcTimeConverter) })]
    [JsonSerializable(typeof(Flavor))]
    [JsonSerializable(typeof(FlavorCreateRequest))]
    [JsonSerializable(typeof(Server))]
    [JsonSerializable(typeof(ServerImage))]
    [JsonSerializable(typeof(ServerCreateRequest))]
    [JsonSerializable(typeof(ServerCreateBody))]
    [JsonSerializable(typeof(IReadOnlyList<NetworkRequest>))]
    [JsonSerializable(typeof(ServerUpdate))]
    [JsonSerializable(typeof(KeyPair))]
    [JsonSerializable(typeof(KeyPairCreateRequest))]
    [JsonSerializable(typeof(AvailabilityZone))]
    [JsonSerializable(typeof(ServerInterface))]
    [JsonSerializable(typeof(ServerInterfaceAttachRequest))]
    internal sealed partial class ComputeJson : JsonSerializerContext
    {
    }
}
