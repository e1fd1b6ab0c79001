using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>A hashtable parameter whose values are stored as text (metadata, properties, tags): each value must be
    /// a scalar (text, number, bool...), not a hashtable, list or object, which would be stored as its type name.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class ScalarValuesAttribute : Attribute { }

    /// <summary>A parameter that is sent as an HTTP header name or value (a hashtable: its keys are names, its values
    /// values): no CR, LF or other control character may reach the request.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class HeaderValueAttribute : Attribute
    {
        /// <summary>The parameter's hashtable keys end up in header names (Swift metadata, -Headers).</summary>
        public bool KeysAreNames { get; set; } = true;
    }

    /// <summary>The checks every cmdlet makes of its bound parameters before any request (OSCmdlet.BeginProcessing):
    /// wildcard patterns, scalar metadata values, header-safe text. The failure is an <see cref="InvalidInputException"/>
    /// that names the parameter.</summary>
    public static class InputChecks
    {
        public static void Check(PSCmdlet cmdlet) => Check(cmdlet.GetType(), cmdlet.MyInvocation.BoundParameters);

        public static void Check(Type cmdletType, IDictionary<string, object?> bound)
        {
            foreach (var pair in bound)
            {
                var property = ParameterProperty(cmdletType, pair.Key);
                if (property == null || pair.Value == null)
                    continue;
                var value = pair.Value is PSObject p ? p.BaseObject : pair.Value;
                if (property.IsDefined(typeof(SupportsWildcardsAttribute), true))
                    foreach (var pattern in Texts(value))
                        NameFilter.Checked(pattern, property.Name);
                if (property.IsDefined(typeof(ScalarValuesAttribute), true) && value is IDictionary map)
                    foreach (DictionaryEntry entry in map)
                        ScalarText(property.Name, entry.Key?.ToString() ?? "", entry.Value);
                if (property.GetCustomAttribute<HeaderValueAttribute>(true) is HeaderValueAttribute header)
                    CheckHeader(property.Name, value, header.KeysAreNames);
            }
        }

        // The most derived property of that name: a parameter may hide a base one (-Host hides PSCmdlet.Host).
        private static PropertyInfo? ParameterProperty(Type type, string name)
        {
            for (var t = type; t != null; t = t.BaseType)
                if (t.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase | BindingFlags.DeclaredOnly) is PropertyInfo found)
                    return found;
            return null;
        }

        /// <summary>The text a metadata value is stored as: numbers in the invariant culture (1.5, never 1,5), $true as
        /// "true"; null stays null (a key to remove). Anything but a scalar is an error naming the key.</summary>
        public static string? ScalarText(string parameter, string key, object? value)
        {
            var plain = value is PSObject p ? p.BaseObject : value;
            switch (plain)
            {
                case null: return null;
                case string s: return s;
                case bool b: return b ? "true" : "false";
                case char c: return c.ToString();
                case DateTime d: return d.ToString("o", CultureInfo.InvariantCulture);
                case DateTimeOffset d: return d.ToString("o", CultureInfo.InvariantCulture);
                case Enum e: return e.ToString();
                case Guid g: return g.ToString();
                case decimal _:
                case IConvertible _ when plain.GetType().IsPrimitive:
                    return Convert.ToString(plain, CultureInfo.InvariantCulture);
                case SwitchParameter sw: return sw.IsPresent ? "true" : "false";
                default:
                    var kind = plain is IDictionary ? "a hashtable" : plain is IEnumerable ? "a list" : plain is PSCustomObject ? "an object"
                        : "a " + plain.GetType().Name;
                    throw new InvalidInputException("InvalidMetadataValue", parameter, key,
                        $"-{parameter}: the value of key '{key}' is {kind}; the values of -{parameter} are text, numbers or $true/$false.");
            }
        }

        private static void CheckHeader(string parameter, object value, bool keysAreNames)
        {
            if (value is IDictionary map)
            {
                foreach (DictionaryEntry entry in map)
                {
                    var name = entry.Key?.ToString() ?? "";
                    if (keysAreNames && !IsToken(name))
                        throw new InvalidInputException("InvalidHeaderName", parameter, name,
                            $"-{parameter}: '{Printable(name)}' cannot be a header name: use letters, digits and - (no spaces, colons or line breaks).");
                    var text = entry.Value is PSObject p ? p.BaseObject : entry.Value;
                    foreach (var part in Texts(text))
                        CheckHeaderText(parameter, name, part);
                }
                return;
            }
            foreach (var text in Texts(value))
                CheckHeaderText(parameter, null, text);
        }

        private static void CheckHeaderText(string parameter, string? key, string text)
        {
            if (text.Any(c => (c < ' ' && c != '\t') || c == '\x7f'))
                throw new InvalidInputException("InvalidHeaderValue", parameter, key ?? text,
                    $"-{parameter}: " + (key != null ? $"the value of '{key}'" : $"'{Printable(text)}'") +
                    " has a line break or another control character, which an HTTP header cannot carry.");
        }

        // RFC 7230 token characters.
        private static bool IsToken(string name) =>
            name.Length > 0 && name.All(c => c < 127 && (char.IsLetterOrDigit(c) || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0));

        private static string Printable(string text) =>
            new string(text.Select(c => c < ' ' ? '?' : c).ToArray());

        private static IEnumerable<string> Texts(object? value)
        {
            switch (value)
            {
                case null: yield break;
                case string s: yield return s; break;
                case IEnumerable items:
                    foreach (var item in items)
                        if ((item is PSObject p ? p.BaseObject : item) is string text)
                            yield return text;
                    break;
            }
        }
    }
}
