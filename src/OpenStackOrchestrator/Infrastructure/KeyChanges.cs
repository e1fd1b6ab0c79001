using System.Collections;
using System.Collections.Generic;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>-Metadata/-Property (a hashtable of keys to set, a $null value removes its key) and -RemoveMetadata/
    /// -RemoveProperty (keys) as one map: a null value is a key to remove.</summary>
    public static class KeyChanges
    {
        public static Dictionary<string, string?> From(IDictionary? set, string[]? remove, string parameter = "Metadata")
        {
            var changes = new Dictionary<string, string?>();
            if (set != null)
                foreach (DictionaryEntry entry in set)
                    changes[entry.Key.ToString()!] = InputChecks.ScalarText(parameter, entry.Key.ToString()!, entry.Value);
            foreach (var key in remove ?? new string[0])
                changes[key] = null;
            return changes;
        }
    }
}
