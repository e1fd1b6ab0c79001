using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>Finds the human message in an error body. Every service shapes it differently:
    /// Keystone {"error":{"message"}}, Nova/Cinder {"itemNotFound":{"message"}}, Neutron {"NeutronError":{"message"}},
    /// Heat {"explanation","error":{"message"}}, Gnocchi {"code","description","title"}, Aodh and Trove
    /// {"error_message":{"faultstring"}} or {"badRequest":{"message"}}, Glance and Swift plain text or HTML.</summary>
    public static class ErrorBodyParser
    {
        private static readonly Regex Tags = new Regex("<[^>]+>", RegexOptions.Compiled);
        private static readonly Regex Spaces = new Regex("\\s+", RegexOptions.Compiled);

        public static string? Extract(string? body)
        {
            if (string.IsNullOrWhiteSpace(body))
                return null;
            var trimmed = body!.Trim();
            if (trimmed.StartsWith("{"))
            {
                try
                {
                    var root = JsonSerializer.Deserialize<JsonElement>(trimmed);
                    var fromJson = FromJson(root);
                    if (!string.IsNullOrWhiteSpace(fromJson))
                        return fromJson;
                }
                catch (JsonException)
                {
                    // not JSON after all: fall through to the text form
                }
            }
            var text = Spaces.Replace(Tags.Replace(trimmed, " "), " ").Trim();
            return text.Length > 500 ? text.Substring(0, 500) + "..." : text;
        }

        private static string? FromJson(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
                return null;
            // Heat puts the useful text in error.message and a generic one in explanation.
            if (root.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.Object && Message(error) is string m1)
                    return m1;
                if (error.ValueKind == JsonValueKind.String)
                    return error.GetString();
            }
            if (Message(root) is string direct)
                return direct;
            foreach (var property in root.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Object && Message(property.Value) is string nested)
                    return nested;
            }
            if (root.TryGetProperty("explanation", out var explanation) && explanation.ValueKind == JsonValueKind.String)
                return explanation.GetString();
            return null;
        }

        private static string? Message(JsonElement element)
        {
            foreach (var key in new[] { "message", "faultstring", "detail", "description", "title" })
            {
                if (element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String &&
                    !string.IsNullOrWhiteSpace(value.GetString()))
                    return value.GetString();
                if (key == "description" && Described(value) is string described)
                    return described;
            }
            return null;
        }

        /// <summary>Gnocchi: {"description": {"cause": "Metrics not found", "detail": ["cpu"]}} (or a "reason" for invalid input).</summary>
        private static string? Described(JsonElement described)
        {
            if (described.ValueKind == JsonValueKind.Object &&
                described.TryGetProperty("cause", out var cause) && cause.ValueKind == JsonValueKind.String)
            {
                var why = described.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString()
                    : described.TryGetProperty("detail", out var detail) ? Detail(detail) : null;
                return string.IsNullOrWhiteSpace(why) ? cause.GetString() : $"{cause.GetString()}: {why}";
            }
            return null;
        }

        private static string Detail(JsonElement detail) =>
            detail.ValueKind == JsonValueKind.Array ? string.Join(", ", detail.EnumerateArray().Select(Detail))
            : detail.ValueKind == JsonValueKind.Object ? string.Join(", ", detail.EnumerateObject().Select(p => $"{p.Name} {Detail(p.Value)}"))
            : detail.ValueKind == JsonValueKind.String ? detail.GetString() ?? "" : detail.GetRawText();
    }
}
