using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>Converts JSON into plain .NET values (case-insensitive dictionaries, object arrays, string, long,
    /// double, bool, null) so that no System.Text.Json type reaches PowerShell.</summary>
    public static class JsonPlain
    {
        public static object? ToPlain(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var map = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    foreach (var p in element.EnumerateObject())
                        map[p.Name] = ToPlain(p.Value);
                    return map;
                case JsonValueKind.Array:
                    var list = new List<object?>();
                    foreach (var item in element.EnumerateArray())
                        list.Add(ToPlain(item));
                    return list.ToArray();
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    if (element.TryGetInt64(out var l)) return l;
                    return element.GetDouble();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }

        public static Dictionary<string, object?> ToDictionary(JsonElement element) =>
            ToPlain(element) as Dictionary<string, object?> ?? new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

        // Small typed readers used by the models; absent or mistyped fields read as null.
        public static string? Str(this JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
                ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ValueKind == JsonValueKind.Number ? v.GetRawText() : null
                : null;

        public static long? Long(this JsonElement e, string name)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v))
                return null;
            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var l)) return l;
            if (v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p)) return p;
            return null;
        }

        public static bool? Bool(this JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
                ? v.ValueKind == JsonValueKind.True ? true : v.ValueKind == JsonValueKind.False ? false : (bool?)null
                : null;

        public static DateTime? Time(this JsonElement e, string name) =>
            Str(e, name) is string s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
                ? t.UtcDateTime : (DateTime?)null;

        public static JsonElement Obj(this JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : default;

        /// <summary>The array under <paramref name="name"/>, else default (ValueKind Undefined).</summary>
        public static JsonElement Arr(this JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v : default;

        public static IReadOnlyDictionary<string, string> StringMap(this JsonElement e, string name)
        {
            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var o = Obj(e, name);
            if (o.ValueKind == JsonValueKind.Object)
                foreach (var p in o.EnumerateObject())
                    map[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText();
            return map;
        }

        public static IReadOnlyList<string> StringList(this JsonElement e, string name)
        {
            var list = new List<string>();
            if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array)
                foreach (var item in v.EnumerateArray())
                    if (item.ValueKind == JsonValueKind.String) list.Add(item.GetString()!);
            return list;
        }
    }
}
