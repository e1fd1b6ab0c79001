using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using OpenStackOrchestrator.Client.ObjectStorage;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.ObjectStorage
{
    /// <summary>-Metadata @{ key = 'value'; old = $null } and -RemoveMetadata: what to set and what to remove.</summary>
    internal static class MetadataArguments
    {
        public static void Split(Hashtable? metadata, string[]? remove, IDictionary<string, string> set, ICollection<string> removed)
        {
            foreach (var key in remove ?? new string[0])
                removed.Add(key);
            if (metadata == null)
                return;
            foreach (DictionaryEntry entry in metadata)
            {
                var key = entry.Key.ToString()!;
                var value = InputChecks.ScalarText("Metadata", key, entry.Value);
                if (value == null)
                    removed.Add(key);
                else
                    set[key] = value;
            }
        }

        /// <summary>Refuses metadata that Swift cannot take before anything is sent (a terminating error, as for
        /// any invalid parameter value).</summary>
        public static void Check(PSCmdlet cmdlet, IDictionary<string, string> set, ICollection<string> removed)
        {
            var all = new Dictionary<string, string>(set, StringComparer.OrdinalIgnoreCase);
            foreach (var key in removed)
                all[key] = "";
            try
            {
                ObjectStorageClient.CheckMetadata(all);
            }
            catch (ArgumentException ex)
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(ex, "InvalidMetadata", ErrorCategory.InvalidArgument, set));
            }
        }
    }
}
