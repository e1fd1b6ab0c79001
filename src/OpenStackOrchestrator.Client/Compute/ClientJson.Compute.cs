using System.Collections.Generic;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Resources
{
    internal sealed partial class ClientJson
    {
        /// <summary>Nova's models and requests. A context of their own, with the options of <see cref="ClientJson"/>:
        /// System.Text.Json's generator fails when [JsonSerializable] is on two partial declarations of one context
        /// (dotnet/runtime#99669).</summary>
        [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = new[] { typeof(UtcTimeConverter) })]
        [JsonSerializable(typeof(Flavor))]
        [JsonSerializable(typeof(FlavorCreateRequest))]
        [JsonSerializable(typeof(Server))]
        [JsonSerializable(typeof(ServerImage))]
        [JsonSerializable(typeof(ServerCreateRequest))]
        [JsonSerializable(typeof(IReadOnlyList<NetworkRequest>))]
        [JsonSerializable(typeof(ServerUpdate))]
        [JsonSerializable(typeof(KeyPair))]
        [JsonSerializable(typeof(KeyPairCreateRequest))]
        [JsonSerializable(typeof(AvailabilityZone))]
        [JsonSerializable(typeof(ServerInterface))]
        [JsonSerializable(typeof(ServerInterfaceAttachRequest))]
        internal sealed partial class Compute : JsonSerializerContext
        {
        }
    }
}
