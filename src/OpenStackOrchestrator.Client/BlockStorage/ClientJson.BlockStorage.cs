using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Resources
{
    internal sealed partial class ClientJson
    {
        /// <summary>Cinder's models and requests, in a context of their own for the reason <see cref="Compute"/> gives.</summary>
        [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = new[] { typeof(UtcTimeConverter) })]
        [JsonSerializable(typeof(Volume))]
        [JsonSerializable(typeof(VolumeCreateRequest))]
        [JsonSerializable(typeof(VolumeUpdate))]
        [JsonSerializable(typeof(VolumeSnapshot))]
        [JsonSerializable(typeof(SnapshotCreateRequest))]
        [JsonSerializable(typeof(VolumeType))]
        internal sealed partial class BlockStorage : JsonSerializerContext
        {
        }
    }
}
