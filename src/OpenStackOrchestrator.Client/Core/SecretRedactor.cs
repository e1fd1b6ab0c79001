using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>Hides secrets in anything that may be shown: tokens become {SHA256}hash as keystoneauth prints them,
    /// passwords and secrets become ***, and a token's service catalog is elided.</summary>
    public static class SecretRedactor
    {
        private static readonly Regex SecretJsonField = new Regex(
            "(\"(?:password|secret|application_credential_secret|adminPass|admin_pass|token|id_token|access_token|private_key)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
            RegexOptions.Compiled | RegexOptions.IgnoreCase);

        private static readonly Regex TokenIdField = new Regex(
            "(\"token\"\\s*:\\s*\\{\\s*\"id\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"", RegexOptions.Compiled);

        public static string HashToken(string? token)
        {
            if (string.IsNullOrEmpty(token))
                return "<none>";
            using (var sha = SHA256.Create())
            {
                var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(token));
                var sb = new StringBuilder("{SHA256}", 8 + hash.Length * 2);
                foreach (var b in hash)
                    sb.Append(b.ToString("x2"));
                return sb.ToString();
            }
        }

        public static bool IsSecretHeader(string name) =>
            name.Equals("X-Auth-Token", StringComparison.OrdinalIgnoreCase) ||
            name.Equals("X-Subject-Token", StringComparison.OrdinalIgnoreCase) ||
            name.Equals("X-Service-Token", StringComparison.OrdinalIgnoreCase) ||
            name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) ||
            name.Equals("X-Account-Meta-Temp-URL-Key", StringComparison.OrdinalIgnoreCase) ||
            name.Equals("X-Container-Meta-Temp-URL-Key", StringComparison.OrdinalIgnoreCase) ||
            name.Equals("X-Account-Meta-Temp-URL-Key-2", StringComparison.OrdinalIgnoreCase) ||
            name.Equals("X-Container-Meta-Temp-URL-Key-2", StringComparison.OrdinalIgnoreCase);

        public static string HeaderValue(string name, string value) => IsSecretHeader(name) ? HashToken(value) : value;

        /// <summary>Redacts a JSON (or JSON-like) body for display.</summary>
        public static string Body(string? body)
        {
            if (string.IsNullOrEmpty(body))
                return "";
            var text = TokenIdField.Replace(body!, "$1\"***\"");
            text = SecretJsonField.Replace(text, m => m.Groups[1].Value + "\"***\"");
            return ElideCatalog(text);
        }

        private static string ElideCatalog(string text)
        {
            var start = text.IndexOf("\"catalog\"", StringComparison.Ordinal);
            if (start < 0)
                return text;
            var open = text.IndexOf('[', start);
            if (open < 0)
                return text;
            var depth = 0;
            for (var i = open; i < text.Length; i++)
            {
                if (text[i] == '[') depth++;
                else if (text[i] == ']' && --depth == 0)
                    return text.Substring(0, open) + "\"<catalog elided>\"" + text.Substring(i + 1);
            }
            return text.Substring(0, open) + "\"<catalog elided>\"";
        }
    }
}
