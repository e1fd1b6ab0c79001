using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace OpenStackOrchestrator.Client.Tests.TestSupport
{
    /// <summary>The recorded bodies under Fixtures/ (see Fixtures/README.md).</summary>
    internal static class Fixture
    {
        public static string Text(string relativePath) =>
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath));
    }

    /// <summary>A recorded error response: the body plus the status line and headers from its .headers file.</summary>
    internal sealed class RecordedResponse
    {
        private RecordedResponse(int status, IReadOnlyDictionary<string, string> headers, string body)
        {
            Status = status;
            Headers = headers;
            Body = body;
        }

        public int Status { get; }
        public IReadOnlyDictionary<string, string> Headers { get; }
        public string Body { get; }

        public string? Header(string name) =>
            Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

        public static RecordedResponse Load(string bodyPath)
        {
            var headersPath = Path.ChangeExtension(bodyPath, ".headers");
            var lines = Fixture.Text(headersPath).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var status = int.Parse(lines[0].Split(' ')[1]);
            var headers = lines.Skip(1)
                .Select(l => l.Split(':', 2))
                .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
            return new RecordedResponse(status, headers, Fixture.Text(bodyPath));
        }
    }
}
