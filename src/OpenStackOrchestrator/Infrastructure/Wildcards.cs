using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>PowerShell wildcard names: client-side matching, and translation to the regular expression that
    /// Nova accepts as a server-side name filter.</summary>
    public sealed class NameFilter
    {
        private readonly List<WildcardPattern> _patterns;

        public NameFilter(IEnumerable<string>? names)
        {
            Names = names?.Where(n => !string.IsNullOrEmpty(n)).ToArray() ?? new string[0];
            _patterns = Names.Select(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase)).ToList();
        }

        public string[] Names { get; }
        public bool IsEmpty => Names.Length == 0;
        /// <summary>One name without wildcard characters: servers can filter on it exactly.</summary>
        public string? SingleExactName => Names.Length == 1 && !WildcardPattern.ContainsWildcardCharacters(Names[0]) ? Names[0] : null;
        public IEnumerable<string> ExactNames => Names.Where(n => !WildcardPattern.ContainsWildcardCharacters(n));

        public bool IsMatch(string? name) => IsEmpty || (name != null && _patterns.Any(p => p.IsMatch(name)));

        /// <summary>An anchored regex for one pattern (web* gives ^(web.*)$) that Nova can filter on; null for none or
        /// several (Nova does not apply alternations, so several names are filtered here).</summary>
        public string? ToRegex()
        {
            if (Names.Length != 1)
                return null;
            return "^(" + Translate(Names[0]) + ")$";
        }

        private static string Translate(string pattern)
        {
            var sb = new StringBuilder();
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                switch (c)
                {
                    case '*': sb.Append(".*"); break;
                    case '?': sb.Append('.'); break;
                    case '`' when i + 1 < pattern.Length: sb.Append(EscapeChar(pattern[++i])); break;
                    case '[':
                        var end = pattern.IndexOf(']', i + 1);
                        if (end > i) { sb.Append(pattern, i, end - i + 1); i = end; }
                        else sb.Append("\\[");
                        break;
                    default: sb.Append(EscapeChar(c)); break;
                }
            }
            return sb.ToString();
        }

        private static string EscapeChar(char c) => "\\.^$|()[]{}+*?".IndexOf(c) >= 0 ? "\\" + c : c.ToString();
    }
}
