using System;
using System.Collections.Generic;
using System.Text;

namespace OpenStackOrchestrator.Client.Orchestration.Export
{
    /// <summary>Template names from live names: letters, digits, '_' and '-' only, starting with a letter, and unique
    /// (a clash gets the kind, then a number, appended).</summary>
    public sealed class HotNames
    {
        private readonly HashSet<string> _used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public static string Sanitise(string? live)
        {
            var text = new StringBuilder();
            foreach (var c in live ?? "")
                text.Append(c < 128 && (char.IsLetterOrDigit(c) || c == '_' || c == '-') ? c : '_');
            var name = text.ToString().Trim('_', '-');
            return name.Length > 0 && !char.IsLetter(name[0]) ? "r_" + name : name;
        }

        /// <summary>A new unique name for a live name of a kind ("server", "port"...).</summary>
        public string Take(string? live, string kind)
        {
            var name = Sanitise(live);
            if (name.Length == 0)
                name = kind;
            if (!_used.Add(name))
            {
                var withKind = name.EndsWith(kind, StringComparison.OrdinalIgnoreCase) ? name : name + "_" + kind;
                var candidate = withKind;
                for (var i = 2; !_used.Add(candidate); i++)
                    candidate = withKind + "_" + i;
                name = candidate;
            }
            return name;
        }
    }
}
