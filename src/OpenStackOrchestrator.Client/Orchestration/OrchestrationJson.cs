using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;

namespace OpenStackOrchestrator.Client.Orchestration
{
    /// <summary>The source-generated readers and writers of the Heat models (no reflection at run time except for
    /// request values of a type it does not know, see <see cref="RequestOptions"/>). One context
    /// per service: the generator takes [JsonSerializable] from one declaration of a context only.</summary>
    // The generated code sets every init-only member, an absent one to null (dotnet/runtime#84484): the models'
    // init accessors keep their defaults.
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = new[] { typeof(UtcTimeConverter) })]
    [JsonSerializable(typeof(Stack))]
    [JsonSerializable(typeof(StackResource))]
    [JsonSerializable(typeof(StackEventList))]
    [JsonSerializable(typeof(StackPreview))]
    [JsonSerializable(typeof(TemplateValidation))]
    [JsonSerializable(typeof(StackRequestBody))]
    // The plain data of templates, environments and parameter values (what TemplateFormat and the cmdlets make).
    [JsonSerializable(typeof(Dictionary<string, object>))]
    [JsonSerializable(typeof(List<object>))]
    [JsonSerializable(typeof(object[]))]
    [JsonSerializable(typeof(string))]
    [JsonSerializable(typeof(long))]
    [JsonSerializable(typeof(int))]
    [JsonSerializable(typeof(double))]
    [JsonSerializable(typeof(bool))]
    internal sealed partial class OrchestrationJson : JsonSerializerContext
    {
        private static JsonSerializerOptions? _requestOptions;

        /// <summary>The options request bodies are written with: parameter values are whatever a script passed
        /// (a DateTime, a decimal...), so a type this context does not know falls back to reflection.</summary>
        internal static JsonSerializerOptions RequestOptions => _requestOptions ??= new JsonSerializerOptions(Default.Options)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(Default, new DefaultJsonTypeInfoResolver()),
        };

        internal static string Write(StackRequestBody body) =>
            JsonSerializer.Serialize(body, (JsonTypeInfo<StackRequestBody>)RequestOptions.GetTypeInfo(typeof(StackRequestBody)));

        /// <summary>A model from JSON of Heat's answer; JSON that does not fit is an InvalidResponseException.</summary>
        internal static T Read<T>(JsonElement json, JsonTypeInfo<T> type, ServiceResponse? response) where T : class
        {
            var source = response?.Url ?? "Heat";
            try
            {
                if (json.ValueKind == JsonValueKind.Object && json.Deserialize(type) is T item)
                    return item;
            }
            catch (JsonException ex)
            {
                throw new InvalidResponseException($"A {typeof(T).Name} in the answer from {source} could not be read: {ex.Message}", ex)
                { Service = ServiceTypes.Orchestration, StatusCode = response?.StatusCode, RequestId = response?.RequestId, Url = response?.Url };
            }
            throw new InvalidResponseException($"The answer from {source} has no {typeof(T).Name} object where Heat sends one.")
            { Service = ServiceTypes.Orchestration, StatusCode = response?.StatusCode, RequestId = response?.RequestId, Url = response?.Url };
        }

        /// <summary>The fields no property models, as plain .NET values (ExtensionData).</summary>
        internal static IDictionary<string, object?> Plain(Dictionary<string, JsonElement>? fields)
        {
            var plain = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            if (fields != null)
                foreach (var field in fields)
                    plain[field.Key] = JsonPlain.ToPlain(field.Value);
            return plain;
        }
    }
}
