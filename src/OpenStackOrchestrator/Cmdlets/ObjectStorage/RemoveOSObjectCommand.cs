using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.ObjectStorage;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.ObjectStorage
{
    /// <summary>Remove-OSObject: deletes objects (a static large object with its segments). Objects piped in are
    /// confirmed one by one and deleted in batches (one bulk-delete request per thousand where the cloud offers it).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSObject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = NameSet)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSObjectCommand : OSObjectCmdlet
    {
        private const int BatchSize = 1000;
        private readonly Dictionary<(CloudConnection Cloud, string Container), List<StorageObject>> _pending =
            new Dictionary<(CloudConnection, string), List<StorageObject>>();

        protected override void ProcessRecord()
        {
            foreach (var target in Targets())
            {
                if (target.Listed != null && target.Listed.IsFolder && target.Listed.Hash == null)
                {
                    WriteError(new ErrorRecord(new PSArgumentException($"'{target.Name}' is a pseudo-folder of a listing, not an object. " +
                        $"Remove the objects under it: Get-OSObject -Container {target.Container} -Prefix '{target.Name}' | Remove-OSObject."),
                        "NotAnObject", ErrorCategory.InvalidArgument, target.Listed));
                    continue;
                }
                Try(target, () =>
                {
                    // By name, read it first: a missing object is an error, and a large object is deleted with its segments.
                    var item = target.Listed ?? Run(ct => target.Cloud.ObjectStorage.GetObjectAsync(target.Container, target.Name, ct));
                    if (!ShouldProcess($"{target.Name} in container {target.Container} on {target.Cloud.Name}", "Remove object"))
                        return;
                    var key = (target.Cloud, target.Container);
                    if (!_pending.TryGetValue(key, out var batch))
                        _pending[key] = batch = new List<StorageObject>();
                    batch.Add(item);
                    if (batch.Count >= BatchSize)
                        Flush(key);
                });
            }
        }

        protected override void EndProcessing()
        {
            foreach (var key in _pending.Keys.ToList())
                Flush(key);
        }

        private void Flush((CloudConnection Cloud, string Container) key)
        {
            var batch = _pending[key];
            _pending.Remove(key);
            if (batch.Count == 0)
                return;
            Try(key.Container, () =>
            {
                var failures = Run(ct => key.Cloud.ObjectStorage.DeleteObjectsAsync(key.Container, batch, null, ct));
                foreach (var failure in failures)
                    WriteError(ErrorRecords.From(new ObjectNotDeletedException($"Deleting '{failure.Key}' in container '{key.Container}' failed: {failure.Value}"),
                        batch.FirstOrDefault(o => o.Name == failure.Key) ?? (object)failure.Key));
            });
        }
    }
}
