using System.Collections;
using System.Collections.Generic;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>-Metadata/-Property (a hashtable of keys to set, a $null value removes its key) and -RemoveMetadata/
    /// -RemoveProperty (keys) as one map: a null value is a key to remove.</summary>
    public static class KeyChanges
    {
        public static Dictionary<string, string?> From(IDictionary? set, string[]? remove)
        {
            var changes = new Dictionary<string, string?>();
            if (set != null)
                foreach (DictionaryEntry entry in set)
                    changes[entry.Key.ToString()!] = entry.Value == null ? null : Text(entry.Value);
            foreach (var key in remove ?? new string[0])
                changes[key] = null;
            return changes;
        }

        // $true reads as "true", as the services' own clients send it.
        private static string Text(object value) =>
            value is System.Management.Automation.PSObject p ? Text(p.BaseObject)
            : value is bool b ? (b ? "true" : "false")
            : System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
