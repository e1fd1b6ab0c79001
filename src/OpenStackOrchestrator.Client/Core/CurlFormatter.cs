using System.Collections.Generic;
using System.Text;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>Formats a request as a runnable curl line with secrets redacted.</summary>
    public static class CurlFormatter
    {
        public static string Format(string method, string url, IEnumerable<KeyValuePair<string, string>> headers, string? body)
        {
            var sb = new StringBuilder("curl -g -i -X ").Append(method).Append(" '").Append(url).Append('\'');
            foreach (var header in headers)
                sb.Append(" -H '").Append(header.Key).Append(": ").Append(SecretRedactor.HeaderValue(header.Key, header.Value)).Append('\'');
            if (!string.IsNullOrEmpty(body))
                sb.Append(" -d '").Append(SecretRedactor.Body(body).Replace("'", "'\\''")).Append('\'');
            return sb.ToString();
        }
    }
}
