using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Networking;

namespace OpenStackOrchestrator.Client.Resources
{
    /// <summary>The source-generated readers and writers of every declared resource and request model (no reflection
    /// at run time). A new model is added here once.</summary>
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = new[] { typeof(UtcTimeConverter) })]
    [JsonSerializable(typeof(Port))]
    [JsonSerializable(typeof(PortCreateRequest))]
    [JsonSerializable(typeof(PortUpdate))]
    internal sealed partial class ClientJson : JsonSerializerContext
    {
    }
}
