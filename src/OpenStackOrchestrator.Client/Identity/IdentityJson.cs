using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Identity
{
    /// <summary>The source-generated readers and writers of the Keystone models (one context per service).</summary>
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = new[] { typeof(UtcTimeConverter) })]
    [JsonSerializable(typeof(ApplicationCredential))]
    [JsonSerializable(typeof(ApplicationCredentialCreateRequest))]
    internal sealed partial class IdentityJson : JsonSerializerContext
    {
    }
}
