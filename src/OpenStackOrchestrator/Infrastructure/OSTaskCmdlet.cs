using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tasks;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>Base of cmdlets whose work takes time. Each input starts a background task; without -RunAsync the
    /// cmdlet waits for all of them at the end with one progress bar (so piped objects are handled in parallel)
    /// and writes their results; with -RunAsync it returns the tasks (Wait-OSTask collects them later).</summary>
    public abstract class OSTaskCmdlet : OSCloudCmdlet
    {
        private readonly List<OSTask> _started = new List<OSTask>();
        private readonly TaskStreams _streams = new TaskStreams();

        /// <summary>Return a task at once instead of waiting (PowerCLI's -RunAsync; see Wait-OSTask).</summary>
        [Parameter]
        public SwitchParameter RunAsync { get; set; }

        /// <summary>The progress bar's title while waiting.</summary>
        protected abstract string Activity { get; }

        protected void Launch(string operation, string target, CloudConnection cloud, Func<OSTask, CancellationToken, Task<object?>> work)
        {
            // The task's requests trace into this cmdlet's -Debug stream while it waits for them (not after -RunAsync).
            // Its changes are narrated on -Verbose the same way.
            var previous = RequestTrace.Sink;
            var previousChanges = RequestTrace.ChangeSink;
            RequestTrace.Sink = !RunAsync && IsDebugEnabled() ? _streams.Debug.Enqueue : (Action<string>?)null;
            RequestTrace.ChangeSink = !RunAsync && IsVerboseEnabled() ? _streams.Verbose.Enqueue : (Action<string>?)null;
            OSTask task;
            try
            {
                task = OSTask.Start(operation, target, cloud, work);
            }
            finally
            {
                RequestTrace.Sink = previous;
                RequestTrace.ChangeSink = previousChanges;
            }
            TaskRegistry.Add(task);
            if (RunAsync)
                WriteObject(Typed(task));
            else
                _started.Add(task);
        }

        protected override void EndProcessing()
        {
            if (_started.Count > 0)
                TaskWaiting.Wait(this, _started, Activity, null, StopToken, cancelOnStop: true, _streams);
        }

        protected override void StopProcessing()
        {
            base.StopProcessing();
            foreach (var task in _started)
                task.Cancel();
        }

        internal static PSObject Typed(object item)
        {
            var wrapped = PSObject.AsPSObject(item);
            var typeName = TypeNames.For(item);
            if (typeName != null && (wrapped.TypeNames.Count == 0 || wrapped.TypeNames[0] != typeName))
                wrapped.TypeNames.Insert(0, typeName);
            return wrapped;
        }
    }

    /// <summary>The -Debug and -Verbose lines of the tasks a cmdlet waits for, written by the pipeline thread.</summary>
    internal sealed class TaskStreams
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Debug { get; } = new System.Collections.Concurrent.ConcurrentQueue<string>();
        public System.Collections.Concurrent.ConcurrentQueue<string> Verbose { get; } = new System.Collections.Concurrent.ConcurrentQueue<string>();

        public void WriteTo(OSCmdlet cmdlet)
        {
            while (Debug.TryDequeue(out var line))
                cmdlet.WriteDebug(line);
            while (Verbose.TryDequeue(out var change))
                cmdlet.WriteVerbose(change);
        }
    }

    /// <summary>Waits for tasks on the pipeline thread with one progress bar, writing each result or error as it ends.</summary>
    internal static class TaskWaiting
    {
        public static void Wait(OSCmdlet cmdlet, IReadOnlyList<OSTask> tasks, string activity, TimeSpan? timeout, CancellationToken stopping, bool cancelOnStop,
            TaskStreams? streams = null)
        {
            var pending = tasks.ToList();
            var deadline = timeout.HasValue ? DateTime.UtcNow + timeout.Value : (DateTime?)null;
            var progress = new ProgressRecord(Math.Abs(activity.GetHashCode() % 100000), activity, "Starting");
            try
            {
                WaitLoop(cmdlet, tasks, pending, progress, deadline, timeout, stopping, streams);
            }
            // Ctrl+C surfaces here as the wait's cancellation, or as any Write that the stopping pipeline refuses.
            catch (PipelineStoppedException) when (cancelOnStop)
            {
                foreach (var task in pending) task.Cancel();
                StopWarnings.Write(cmdlet, pending);
                // Cancelled work cleans up on its way out (an upload deletes the segments it wrote): the prompt
                // comes back once it has, so that exiting right after Ctrl+C does not cut the cleanup off.
                WaitForCleanup(pending);
                throw;
            }
        }

        private static void WaitLoop(OSCmdlet cmdlet, IReadOnlyList<OSTask> tasks, List<OSTask> pending, ProgressRecord progress, DateTime? deadline,
            TimeSpan? timeout, CancellationToken stopping, TaskStreams? streams)
        {
            while (pending.Count > 0)
            {
                streams?.WriteTo(cmdlet);
                var finished = pending.Where(t => t.Completion.IsCompleted).ToList();
                foreach (var task in finished)
                {
                    // Removed once written: Ctrl+C can end a task (cancelled by StopProcessing) just before the wait
                    // sees the stop, and then the write is what throws; the task must still be in the warnings.
                    if (task.State == OSTaskState.Success)
                    {
                        if (task.Result != null)
                            cmdlet.WriteObject(OSTaskCmdlet.Typed(task.Result));
                    }
                    else if (task.State == OSTaskState.Cancelled)
                        cmdlet.WriteError(new ErrorRecord(task.Exception ?? new OperationCanceledException(task.Error), "TaskCancelled", ErrorCategory.OperationStopped, task.Target));
                    else
                        cmdlet.WriteError(ErrorRecords.From(task.Exception ?? new TaskFailedException(task.Error ?? "The task failed."), task.Target));
                    pending.Remove(task);
                }
                if (pending.Count == 0)
                {
                    // The last state, even when everything ended before the first update was shown.
                    cmdlet.WriteProgress(Copy(Update(progress, tasks, pending)));
                    break;
                }
                if (deadline.HasValue && DateTime.UtcNow >= deadline.Value)
                {
                    foreach (var task in pending)
                        cmdlet.WriteError(ErrorRecords.From(new RequestTimeoutException(
                            $"{task.Id} ({task.Operation} {task.Target}) did not finish within {timeout!.Value.TotalSeconds:0.#} s; it goes on running (see Get-OSTask).", null), task));
                    break;
                }
                Update(progress, tasks, pending);
                // A new record each time: hosts may keep the records they are given.
                cmdlet.WriteProgress(Copy(progress));
                try
                {
                    Task.WaitAny(pending.Select(t => t.Completion).ToArray(), 250, stopping);
                }
                catch (OperationCanceledException)
                {
                    throw new PipelineStoppedException();
                }
            }
            streams?.WriteTo(cmdlet);
            progress.RecordType = ProgressRecordType.Completed;
            cmdlet.WriteProgress(Copy(progress));
        }

        /// <summary>How long Ctrl+C waits for cancelled tasks to end: their cleanup requests have their own timeouts.</summary>
        internal static readonly TimeSpan CleanupWait = TimeSpan.FromSeconds(60);

        private static void WaitForCleanup(IReadOnlyList<OSTask> cancelled)
        {
            try
            {
                Task.WaitAll(cancelled.Select(t => t.Completion).ToArray(), CleanupWait);
            }
            catch (AggregateException)
            {
                // each task's outcome is its own; they were cancelled
            }
        }

        private static ProgressRecord Update(ProgressRecord progress, IReadOnlyList<OSTask> tasks, List<OSTask> pending)
        {
            var done = tasks.Count - pending.Count;
            var percent = (int)((done * 100 + pending.Sum(t => t.PercentComplete)) / tasks.Count);
            progress.PercentComplete = percent;
            // The label says what the bar shows: with several tasks the bar is their average progress, not the share done.
            progress.StatusDescription = tasks.Count == 1
                ? $"{tasks[0].Target}: {tasks[0].Status ?? "working"} ({percent}%)"
                : $"{percent}% of the work; {done} of {tasks.Count} done";
            return progress;
        }

        private static ProgressRecord Copy(ProgressRecord record) =>
            new ProgressRecord(record.ActivityId, record.Activity, record.StatusDescription)
            {
                PercentComplete = record.PercentComplete,
                RecordType = record.RecordType,
                CurrentOperation = record.CurrentOperation,
                SecondsRemaining = record.SecondsRemaining,
            };
    }
}
