using System;
using System.Collections.Generic;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets
{
    /// <summary>Wait-OSTask: waits for tasks from -RunAsync with one progress bar and returns their results
    /// (PowerCLI's Wait-Task). Failed tasks become errors; Ctrl+C stops waiting, not the tasks.</summary>
    [Cmdlet(VerbsLifecycle.Wait, "OSTask")]
    [OutputType(typeof(object))]
    public sealed class WaitOSTaskCommand : OSCmdlet
    {
        private readonly List<OSTask> _tasks = new List<OSTask>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        [TaskTransformation]
        [ArgumentCompleter(typeof(TaskIdCompleter))]
        public OSTask[]? Task { get; set; }

        /// <summary>Seconds to wait at most; tasks still running then are reported as errors (and go on running).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int TimeoutSec { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var task in Task!)
                if (!_tasks.Contains(task))
                    _tasks.Add(task);
        }

        protected override void EndProcessing()
        {
            if (_tasks.Count > 0)
                TaskWaiting.Wait(this, _tasks, "Waiting for tasks", TimeoutSec > 0 ? TimeSpan.FromSeconds(TimeoutSec) : (TimeSpan?)null, StopToken, cancelOnStop: false);
        }
    }
}
