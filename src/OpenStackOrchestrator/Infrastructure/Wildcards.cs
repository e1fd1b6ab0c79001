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

        /// <summary>An empty name or an invalid pattern ('[a-') is an <see cref="InvalidInputException"/> about
        /// <paramref name="parameter"/>: an empty name would otherwise widen the listing to everything, and an invalid
        /// pattern would fail only once an item is matched against it (or never, when the service filters).</summary>
        public NameFilter(IEnumerable<string>? names, string parameter = "Name")
        {
            Names = names?.ToArray() ?? new string[0];
            _patterns = Names.Select(n => Checked(n, parameter)).ToList();
        }

        public string[] Names { get; }
        public bool IsEmpty => Names.Length == 0;
        /// <summary>One name without wildcard characters: servers can filter on it exactly (backtick escapes removed:
        /// 'web`[1`]' is the name web[1]).</summary>
        public string? SingleExactName => Names.Length == 1 && !WildcardPattern.ContainsWildcardCharacters(Names[0]) ? WildcardPattern.Unescape(Names[0]) : null;
        public IEnumerable<string> ExactNames => Names.Where(n => !WildcardPattern.ContainsWildcardCharacters(n)).Select(WildcardPattern.Unescape);
        /// <summary>True when every name is exact (none has a wildcard): they can be looked up one by one.</summary>
        public bool AllExact => !IsEmpty && !Names.Any(WildcardPattern.ContainsWildcardCharacters);

        /// <summary>The pattern of <paramref name="name"/>, after checking it is one.</summary>
        public static WildcardPattern Checked(string? name, string parameter)
        {
            if (string.IsNullOrEmpty(name))
                throw new InvalidInputException("EmptyName", parameter, name,
                    $"-{parameter}: an empty name matches nothing; leave -{parameter} out to get every item.");
            var pattern = WildcardPattern.Get(name, WildcardOptions.IgnoreCase);
            try
            {
                pattern.IsMatch("");
            }
            catch (WildcardPatternException ex)
            {
                throw new InvalidInputException("InvalidWildcardPattern", parameter, name,
                    $"-{parameter}: '{name}' is not a valid wildcard pattern ({ex.Message.TrimEnd('.')}). " +
                    "To match [ or ] literally, escape them with a backtick: 'web`[1`]'.", ex);
            }
            return pattern;
        }

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
