using System;
using System.Collections.Generic;
using OpenStackOrchestrator.Client.Orchestration;
using OpenStackOrchestrator.Client.Tasks;

namespace OpenStackOrchestrator.Cmdlets.Orchestration
{
    /// <summary>Shows a stack operation's events on its task as they arrive ("server CREATE_COMPLETE (2 of 3)"),
    /// with the share of resources that have finished as the percentage.</summary>
    internal sealed class StackProgress
    {
        private readonly OSTask _task;
        private readonly int _expectedResources;
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _finished = new HashSet<string>(StringComparer.Ordinal);

        public StackProgress(OSTask task, int expectedResources)
        {
            _task = task;
            _expectedResources = expectedResources;
        }

        public void OnEvent(StackEvent e)
        {
            if (!e.IsStackEvent)
            {
                _seen.Add(e.ResourceName);
                if (StackStatus.StateOf(e.Status) == StackStatus.InProgress)
                    _finished.Remove(e.ResourceName);
                else
                    _finished.Add(e.ResourceName);
            }
            var total = Math.Max(_expectedResources, _seen.Count);
            var percent = total == 0 ? 10 : 10 + 85 * _finished.Count / total;
            var reason = StackStatus.IsFailed(e.Status) && !string.IsNullOrEmpty(e.StatusReason) ? ": " + e.StatusReason : "";
            _task.Report(percent, $"{e.ResourceName} {e.Status}{reason}" + (total > 0 ? $" ({_finished.Count} of {total} resources)" : ""));
        }
    }
}
