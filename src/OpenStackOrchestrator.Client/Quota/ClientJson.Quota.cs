using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Quota;

namespace OpenStackOrchestrator.Client.Resources
{
    internal sealed partial class ClientJson
    {
        /// <summary>The quota answers of every service, in a context of their own for the reason <see cref="Compute"/> gives.</summary>
        [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
        [JsonSerializable(typeof(QuotaDetail))]
        internal sealed partial class Quotas : JsonSerializerContext
        {
        }
    }
}
