using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Resources
{
    /// <summary>The source-generated readers and writers of every declared resource and request model (no reflection
    /// at run time). Each service lists its models in its own part (Networking/ClientJson.Networking.cs ...).</summary>
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = new[] { typeof(UtcTimeConverter) })]
    internal sealed partial class ClientJson : JsonSerializerContext
    {
    }
}
