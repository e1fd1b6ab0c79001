using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>Conversions between the client's plain JSON values and PowerShell objects.</summary>
    public static class PSObjects
    {
        /// <summary>Dictionaries become [pscustomobject]s, lists object arrays; scalars stay as they are.</summary>
        public static object? FromPlain(object? value)
        {
            switch (value)
            {
                case IDictionary<string, object?> map:
                    var result = new PSObject();
                    foreach (var pair in map)
                        result.Properties.Add(new PSNoteProperty(pair.Key, FromPlain(pair.Value)));
                    return result;
                case object?[] list:
                    var items = new object?[list.Length];
                    for (var i = 0; i < list.Length; i++)
                        items[i] = FromPlain(list[i]);
                    return items;
                default:
                    return value;
            }
        }

        /// <summary>A JSON string is sent as is (after checking it parses); anything else is serialized.</summary>
        public static string ToJson(object body)
        {
            var value = body is PSObject p && !(p.BaseObject is PSCustomObject) ? p.BaseObject : body;
            if (value is string text)
            {
                try
                {
                    JsonDocument.Parse(text).Dispose();
                }
                catch (JsonException ex)
                {
                    throw new ArgumentException($"-Body is a string but not valid JSON: {ex.Message}", ex);
                }
                return text;
            }
            return JsonSerializer.Serialize(ToPlain(body));
        }

        private static object? ToPlain(object? value)
        {
            if (value is PSObject pso)
            {
                if (pso.BaseObject is PSCustomObject)
                {
                    var map = new Dictionary<string, object?>();
                    foreach (var property in pso.Properties)
                        map[property.Name] = ToPlain(property.Value);
                    return map;
                }
                value = pso.BaseObject;
            }
            switch (value)
            {
                case null: return null;
                case string s: return s;
                case bool b: return b;
                case DateTime d: return d.ToString("o");
                case Enum e: return e.ToString();
                case IDictionary dictionary:
                    var map = new Dictionary<string, object?>();
                    foreach (DictionaryEntry entry in dictionary)
                        map[entry.Key.ToString()!] = ToPlain(entry.Value);
                    return map;
                case IEnumerable enumerable:
                    var list = new List<object?>();
                    foreach (var item in enumerable)
                        list.Add(ToPlain(item));
                    return list;
                default:
                    return value.GetType().IsPrimitive || value is decimal ? value : value.ToString();
            }
        }
    }
}
