using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.BlockStorage
{
    /// <summary>The source-generated readers and writers of the Cinder models and requests (no reflection at run time).
    /// One context per service: the generator takes [JsonSerializable] from one declaration of a context only.</summary>
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = new[] { typeof(UtcTimeConverter) })]
    [JsonSerializable(typeof(Volume))]
    [JsonSerializable(typeof(VolumeCreateRequest))]
    [JsonSerializable(typeof(VolumeUpdate))]
    [JsonSerializable(typeof(VolumeSnapshot))]
    [JsonSerializable(typeof(SnapshotCreateRequest))]
    [JsonSerializable(typeof(VolumeType))]
    internal sealed partial class BlockStorageJson : JsonSerializerContext
    {
    }
}
