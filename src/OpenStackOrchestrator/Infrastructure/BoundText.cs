using System.Collections;
using System.Management.Automation;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>Refuses a parameter whose text is not valid UTF-16 (a lone surrogate, as "`u{D800}" or a string cut in
    /// the middle of an emoji gives): JSON and URLs would silently send U+FFFD instead, and the resource would get
    /// another name than the one asked for.</summary>
    internal static class BoundText
    {
        public static void Check(PSCmdlet cmdlet)
        {
            foreach (var parameter in cmdlet.MyInvocation.BoundParameters)
            {
                var bad = FirstInvalid(parameter.Value, 0);
                if (bad == null)
                    continue;
                var message = $"-{parameter.Key} has text that is not valid Unicode (a lone surrogate character) in '{bad}': " +
                              "it would be sent with U+FFFD in its place.";
                cmdlet.ThrowTerminatingError(new ErrorRecord(new PSArgumentException(message, parameter.Key), "InvalidText",
                    ErrorCategory.InvalidArgument, parameter.Value));
            }
        }

        private static string? FirstInvalid(object? value, int depth)
        {
            switch (value is PSObject p ? p.BaseObject : value)
            {
                case string s:
                    return IsValid(s) ? null : s;
                case ResourceReference r:
                    return IsValid(r.Text) ? null : r.Text;
                case IDictionary map when depth < 2:
                    foreach (DictionaryEntry entry in map)
                        if ((FirstInvalid(entry.Key, depth + 1) ?? FirstInvalid(entry.Value, depth + 1)) is string found)
                            return found;
                    return null;
                case object[] items when depth < 2:
                    foreach (var item in items)
                        if (FirstInvalid(item, depth + 1) is string found)
                            return found;
                    return null;
                default:
                    return null;
            }
        }

        private static bool IsValid(string s)
        {
            for (var i = 0; i < s.Length; i++)
            {
                if (char.IsHighSurrogate(s[i]))
                {
                    if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]))
                        return false;
                    i++;
                }
                else if (char.IsLowSurrogate(s[i]))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
