using System.Collections.Generic;
using System.Text.Json;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.ObjectStorage
{
    /// <summary>The JSON report of a bulk delete or of a large object's delete:
    /// {"Number Deleted": 3, "Number Not Found": 0, "Response Status": "200 OK", "Errors": [["/c/o", "409 Conflict"]]}.</summary>
    internal sealed class BulkReport
    {
        private BulkReport(int deleted, int notFound, List<KeyValuePair<string, string>> errors)
        {
            Deleted = deleted;
            NotFound = notFound;
            Errors = errors;
        }

        public int Deleted { get; }
        public int NotFound { get; }
        /// <summary>Path and reason of each failure.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Errors { get; }

        public static BulkReport Parse(JsonElement json)
        {
            var errors = new List<KeyValuePair<string, string>>();
            if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty("Errors", out var list) && list.ValueKind == JsonValueKind.Array)
                foreach (var error in list.EnumerateArray())
                    if (error.ValueKind == JsonValueKind.Array && error.GetArrayLength() >= 2)
                        errors.Add(new KeyValuePair<string, string>(error[0].ToString(), error[1].ToString()));
            var status = json.Str("Response Status");
            if (errors.Count == 0 && status != null && !status.StartsWith("2") && !status.StartsWith("404"))
                errors.Add(new KeyValuePair<string, string>("", status + " " + json.Str("Response Body")));
            return new BulkReport((int)(json.Long("Number Deleted") ?? 0), (int)(json.Long("Number Not Found") ?? 0), errors);
        }
    }
}
