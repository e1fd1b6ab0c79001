using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace OpenStackOrchestrator.Client.ObjectStorage
{
    /// <summary>User metadata travels as headers: X-Container-Meta-Color: red, X-Object-Meta-Color: red. Swift
    /// answers with the names title-cased, so keys are compared case-insensitively.</summary>
    internal static class SwiftMetadata
    {
        public const string ContainerPrefix = "X-Container-Meta-";
        public const string ObjectPrefix = "X-Object-Meta-";
        public const string AccountPrefix = "X-Account-Meta-";

        // The temp URL keys are secrets: they are kept out of the Metadata shown to users.
        private static readonly string[] SecretKeys = { "Temp-URL-Key", "Temp-URL-Key-2" };
        private static readonly Regex Token = new Regex("^[A-Za-z0-9!#$%&'*+.^_`|~-]+$", RegexOptions.Compiled);

        public static Dictionary<string, string> Read(IReadOnlyDictionary<string, string> headers, string prefix)
        {
            var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in headers)
            {
                if (!header.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                    continue;
                var key = header.Key.Substring(prefix.Length);
                if (!IsSecret(key))
                    metadata[key] = header.Value;
            }
            return metadata;
        }

        public static bool IsSecret(string key) => SecretKeys.Contains(key, StringComparer.OrdinalIgnoreCase);

        /// <summary>Adds the headers that set <paramref name="metadata"/>, after checking that Swift can take them.</summary>
        public static void Write(IDictionary<string, string> headers, string prefix, IEnumerable<KeyValuePair<string, string>> metadata)
        {
            foreach (var pair in metadata)
                headers[prefix + CheckedKey(pair.Key)] = CheckedValue(pair.Key, pair.Value);
        }

        public static string CheckedKey(string key)
        {
            if (string.IsNullOrEmpty(key) || !Token.IsMatch(key))
                throw new ArgumentException($"'{key}' cannot be a metadata key: use letters, digits and -.");
            return key;
        }

        private static string CheckedValue(string key, string value)
        {
            if (value.Any(c => c < ' ' || c > '~'))
                throw new ArgumentException($"The value of metadata '{key}' has characters HTTP headers cannot carry (only printable ASCII); encode it first, for example with [uri]::EscapeDataString().");
            return value;
        }
    }
}
