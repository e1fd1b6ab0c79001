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

        /// <summary>How deep a value sent as JSON may nest: deeper is almost surely a mistake, and would otherwise
        /// exhaust the stack (a crash of the whole process, not an error).</summary>
        public const int MaxDepth = 64;

        // System.Text.Json stops at 64 levels by default (scalars count as one): room for every value ToPlain lets through.
        private static readonly JsonSerializerOptions Deep = new JsonSerializerOptions { MaxDepth = MaxDepth + 2 };

        /// <summary>A JSON string is sent as is (after checking it parses); anything else is serialized. A value that
        /// contains itself (a cycle) or nests deeper than <see cref="MaxDepth"/> is an <see cref="InvalidInputException"/>
        /// about <paramref name="parameter"/>.</summary>
        public static string ToJson(object body, string parameter = "Body")
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
                    throw new ArgumentException($"-{parameter} is a string but not valid JSON: {ex.Message}", ex);
                }
                return text;
            }
            return JsonSerializer.Serialize(ToPlain(body, parameter), Deep);
        }

        /// <summary>A PowerShell value as plain data (dictionaries, lists, scalars) that JSON can carry; see
        /// <see cref="ToJson"/> for cycles and depth. <paramref name="path"/> is where the value sits in the parameter.</summary>
        public static object? ToPlain(object? value, string parameter, string path = "") =>
            new PlainWalk(parameter).Walk(value, path, 0);

        private sealed class PlainWalk
        {
            private readonly string _parameter;
            // The containers being converted, from the root down: meeting one again is a cycle. A value shared by two
            // branches (not nested in itself) is fine.
            private readonly HashSet<object> _open = new HashSet<object>(ReferenceComparer.Instance);

            public PlainWalk(string parameter) => _parameter = parameter;

            public object? Walk(object? value, string path, int depth)
            {
                // A [pscustomobject]'s BaseObject is one shared instance: its identity is the PSObject itself.
                var identity = value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value;
                if (identity is PSObject pso && pso.BaseObject is PSCustomObject)
                    return Enter(pso, path, depth, () =>
                    {
                        var map = new Dictionary<string, object?>();
                        foreach (var property in pso.Properties)
                            map[property.Name] = Walk(property.Value, Join(path, property.Name), depth + 1);
                        return map;
                    });
                switch (identity)
                {
                    case null: return null;
                    case string s: return s;
                    case bool b: return b;
                    case DateTime d: return d.ToString("o");
                    case Enum e: return e.ToString();
                    case IDictionary dictionary:
                        return Enter(dictionary, path, depth, () =>
                        {
                            var map = new Dictionary<string, object?>();
                            foreach (DictionaryEntry entry in dictionary)
                                map[entry.Key.ToString()!] = Walk(entry.Value, Join(path, entry.Key.ToString()!), depth + 1);
                            return map;
                        });
                    case IEnumerable enumerable:
                        return Enter(enumerable, path, depth, () =>
                        {
                            var list = new List<object?>();
                            foreach (var item in enumerable)
                                list.Add(Walk(item, path + "[" + list.Count + "]", depth + 1));
                            return list;
                        });
                    default:
                        return identity.GetType().IsPrimitive || identity is decimal ? identity : identity.ToString();
                }
            }

            private object Enter(object container, string path, int depth, Func<object> convert)
            {
                var where = path.Length == 0 ? "" : $"the value at {path} ";
                if (_open.Contains(container))
                    throw new InvalidInputException("CyclicValue", _parameter, path,
                        $"-{_parameter}: {(where.Length == 0 ? "the value " : where)}cycles back to an enclosing object; JSON cannot carry a cycle.");
                if (depth >= MaxDepth)
                    throw new InvalidInputException("ValueNestedTooDeeply", _parameter, path,
                        $"-{_parameter}: {(where.Length == 0 ? "the value " : where)}is nested more than {MaxDepth} levels deep.");
                _open.Add(container);
                try
                {
                    return convert();
                }
                finally
                {
                    _open.Remove(container);
                }
            }

            private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;
        }

        private sealed class ReferenceComparer : IEqualityComparer<object>
        {
            public static readonly ReferenceComparer Instance = new ReferenceComparer();
            public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);
            public int GetHashCode(object obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
        }
    }
}
