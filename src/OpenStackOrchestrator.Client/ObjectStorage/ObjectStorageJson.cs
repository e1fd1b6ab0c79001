using System.Collections.Generic;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.ObjectStorage
{
    /// <summary>The source-generated readers of Swift's JSON listings (a listing is a top-level JSON array; what
    /// Swift says of one container or object comes in headers). One context per service: the generator takes
    /// [JsonSerializable] from one declaration of a context only.</summary>
    // The generated code sets every init-only member, an absent one to null (dotnet/runtime#84484): the models'
    // init accessors keep their defaults.
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = new[] { typeof(UtcTimeConverter) })]
    [JsonSerializable(typeof(List<ContainerListing>))]
    [JsonSerializable(typeof(List<ObjectListing>))]
    internal sealed partial class ObjectStorageJson : JsonSerializerContext
    {
    }
}
