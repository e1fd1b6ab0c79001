using System.Collections.Generic;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Images
{
    /// <summary>The source-generated readers and writers of the Glance models (no reflection at run time). One context
    /// per service: the generator takes [JsonSerializable] from one declaration of a context only.</summary>
    // The generated code sets every init-only member, an absent one to null (dotnet/runtime#84484): the models'
    // init accessors keep their defaults.
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = new[] { typeof(UtcTimeConverter) })]
    [JsonSerializable(typeof(Image))]
    [JsonSerializable(typeof(ImageMember))]
    [JsonSerializable(typeof(ImageCreateRequest))]
    [JsonSerializable(typeof(List<ImagePatchOperation>))]
    // The values a patch operation carries.
    [JsonSerializable(typeof(string))]
    [JsonSerializable(typeof(int))]
    [JsonSerializable(typeof(List<string>))]
    internal sealed partial class ImagesJson : JsonSerializerContext
    {
    }
}
