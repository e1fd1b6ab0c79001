using System.Globalization;
using OpenStackOrchestrator.Client.Tasks;

namespace OpenStackOrchestrator.Cmdlets.Images
{
    /// <summary>Turns a transfer's byte count into its task's progress ("uploading 12.5 of 256.0 MB"), at most once
    /// per megabyte so that a fast transfer does not spend its time formatting status text.</summary>
    internal sealed class TransferProgress
    {
        private const long Step = 1024 * 1024;
        private const int LastTransferPercent = 95;   // the rest is the wait for Glance and the checksum check
        private readonly OSTask _task;
        private readonly string _verb;
        private readonly long? _total;
        private long _reported = -Step;

        public TransferProgress(OSTask task, string verb, long? total)
        {
            _task = task;
            _verb = verb;
            _total = total;
        }

        public void Report(long bytes)
        {
            if (bytes - _reported < Step && bytes != _total)
                return;
            _reported = bytes;
            var done = (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
            if (_total.HasValue && _total.Value > 0)
                _task.Report((int)(bytes * LastTransferPercent / _total.Value),
                    $"{_verb} {done} of {(_total.Value / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture)} MB");
            else
                _task.Report(50, $"{_verb} {done} MB");
        }
    }
}
