using System.Text.Json.Serialization;

namespace OpenStackOrchestrator.Client.Quota
{
    /// <summary>The source-generated reader of one resource's entry in any service's quota answer.</summary>
    [JsonSerializable(typeof(QuotaDetail))]
    internal sealed partial class QuotaJson : JsonSerializerContext
    {
    }
}
