using System;
using System.Collections.Generic;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets
{
    /// <summary>Stop-OSTask: stops running tasks (PowerCLI's Stop-Task), and where the API can, the operation too: a
    /// server still building is deleted, a stack update is cancelled (Heat's cancel-update). Other operations go on
    /// on the cloud; only the waiting stops, and a warning says so.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "OSTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void), typeof(OSTask))]
    public sealed class StopOSTaskCommand : OSCmdlet
    {
        private readonly List<OSTask> _tasks = new List<OSTask>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        [TaskTransformation]
        [ArgumentCompleter(typeof(TaskIdCompleter))]
        public OSTask[]? Task { get; set; }

        /// <summary>Return the stopped tasks.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var task in Task!)
            {
                if (task.State != OSTaskState.Running)
                {
                    WriteError(new ErrorRecord(new InvalidOperationException($"{task.Id} ({task.Operation} {task.Target}) has already ended: {task.State}."),
                        "TaskNotRunning", ErrorCategory.InvalidOperation, task));
                    continue;
                }
                var action = task.StopAction != null ? $"Stop task {task.Operation}: {StopActionText(task.StopAction)}" : $"Stop task {task.Operation}";
                if (!ShouldProcess($"{task.Id} ({task.Target} on {task.Cloud.Name})", action))
                    continue;
                bool undone;
                try
                {
                    undone = Run(ct => task.StopAsync(ct));
                }
                catch (Exception ex) when (!(ex is PipelineStoppedException))
                {
                    WriteError(ErrorRecords.From(ex, task));
                    continue;
                }
                if (undone)
                    WriteVerbose($"{task.Cloud.Name}: {task.Id} stopped; {task.StopAction}.");
                else if (task.State == OSTaskState.Cancelled)
                    WriteWarning($"{task.Id} stopped waiting; the cloud goes on with '{task.Operation} {task.Target}' (it cannot be cancelled there).");
                else
                    WriteVerbose($"{task.Id} ended before it could be stopped: {task.State}.");
                if (PassThru)
                    WriteTyped(task, TypeNames.Task);
            }
        }

        // "deleted the server, still building" -> "delete the server, still building" for the -WhatIf line.
        private static string StopActionText(string done) =>
            done.StartsWith("deleted ", StringComparison.Ordinal) ? "delete " + done.Substring(8)
            : done.StartsWith("cancelled ", StringComparison.Ordinal) ? "cancel " + done.Substring(10) : done;
    }
}
