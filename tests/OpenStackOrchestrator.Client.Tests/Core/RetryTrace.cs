using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Tests.Core
{
    /// <summary>The -Debug trace of the calls made while it lives, and the waits its RETRY lines announce: what a
    /// user sees of the backoff, read without timing anything.</summary>
    internal sealed class RetryTrace : IDisposable
    {
        private static readonly Regex RetryLine = new Regex(@"^RETRY (\d+)/(\d+) in (\d+) ms after (.+)$");
        private readonly List<string> _lines = new List<string>();

        public RetryTrace() => RequestTrace.Sink = line => { lock (_lines) _lines.Add(line); };

        public IReadOnlyList<string> RetryLines
        {
            get { lock (_lines) return _lines.Where(l => l.StartsWith("RETRY ", StringComparison.Ordinal)).ToList(); }
        }

        /// <summary>The announced waits, in milliseconds, in order.</summary>
        public IReadOnlyList<long> Waits => RetryLines.Select(l =>
        {
            var match = RetryLine.Match(l);
            if (!match.Success)
                throw new FormatException("Not a RETRY line: " + l);
            return long.Parse(match.Groups[3].Value);
        }).ToList();

        public void Dispose() => RequestTrace.Sink = null;
    }
}
