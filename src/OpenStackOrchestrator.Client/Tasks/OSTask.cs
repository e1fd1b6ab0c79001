using System;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Tasks
{
    public enum OSTaskState
    {
        Running,
        Success,
        Error,
        /// <summary>Stopped by Ctrl+C (or Cancel()) before it ended.</summary>
        Cancelled,
    }

    /// <summary>A long operation running in the background (PowerCLI's -RunAsync task): create, delete, power,
    /// resize, upload... Its progress is reported by the work itself; its result or error is kept.</summary>
    [TableView("Id", "Operation", "Target", "State", "PercentComplete", "StartTime", "FinishTime", TypeName = "OpenStackOrchestrator.Task")]
    public sealed class OSTask : ICreateObserver
    {
        private static int _sequence;
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();

        private OSTask(string operation, string target, CloudConnection cloud)
        {
            Id = "Task-" + Interlocked.Increment(ref _sequence);
            Operation = operation;
            Target = target;
            Cloud = cloud;
            StartTime = DateTime.Now;
        }

        public string Id { get; }
        public string Operation { get; }
        public string Target { get; }
        public OSTaskState State { get; private set; } = OSTaskState.Running;
        public int PercentComplete { get; private set; }
        /// <summary>What the task is doing now, e.g. "BUILD (spawning)".</summary>
        public string? Status { get; private set; }
        public DateTime StartTime { get; }
        public DateTime? FinishTime { get; private set; }
        public object? Result { get; private set; }
        /// <summary>Why the task failed, in one line (the whole exception is <see cref="Exception"/>).</summary>
        public string? Error { get; private set; }
        /// <summary>The failure itself, for an ErrorRecord (Wait-OSTask writes it).</summary>
        public Exception? Exception { get; private set; }
        public CloudConnection Cloud { get; }
        /// <summary>Completes when the task ends, successfully or not (it never faults).</summary>
        public Task Completion { get; private set; } = Task.CompletedTask;

        /// <summary>Starts <paramref name="work"/> in the background and returns its task at once.</summary>
        public static OSTask Start(string operation, string target, CloudConnection cloud, Func<OSTask, CancellationToken, Task<object?>> work)
        {
            var task = new OSTask(operation, target, cloud);
            task.Completion = Task.Run(() => task.RunAsync(work));
            return task;
        }

        /// <summary>Reports progress from inside the work.</summary>
        public void Report(int percent, string? status)
        {
            PercentComplete = Math.Max(PercentComplete, Math.Min(99, Math.Max(0, percent)));
            if (status != null)
                Status = status;
        }

        /// <summary>Stops the work where it can be stopped (the server side may already have acted).</summary>
        public void Cancel() => _cancellation.Cancel();

        private Func<CancellationToken, Task>? _undo;

        /// <summary>What stopping the task does on the cloud, when it can (e.g. "deleted the server, still building");
        /// null when stopping only stops the waiting and the cloud goes on.</summary>
        public string? StopAction { get; private set; }

        /// <summary>Declared by the work once the cloud has started the operation: how <see cref="StopAsync"/> undoes
        /// or cancels it there (delete a server still building, Heat's cancel-update).</summary>
        public void OnStop(string action, Func<CancellationToken, Task> undo)
        {
            StopAction = action;
            _undo = undo;
        }

        /// <summary>Cancels the work, waits for it to end, and then (if it was cancelled, not finished) runs the
        /// stop action the work declared. Returns true when the stop action ran.</summary>
        public async Task<bool> StopAsync(CancellationToken cancellationToken)
        {
            Cancel();
            var ended = await Task.WhenAny(Completion, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
            if (ended != Completion)
                cancellationToken.ThrowIfCancellationRequested();
            if (State != OSTaskState.Cancelled || _undo == null)
                return false;
            await _undo(cancellationToken).ConfigureAwait(false);
            Error = "Stopped (Stop-OSTask): " + StopAction + ".";
            return true;
        }

        private readonly System.Collections.Generic.List<CreatedResource> _created = new System.Collections.Generic.List<CreatedResource>();
        private string? _creating;

        /// <summary>What the work has created so far and not removed again (for the warning when it is stopped).</summary>
        public System.Collections.Generic.IReadOnlyList<CreatedResource> Created
        {
            get { lock (_created) return _created.ToArray(); }
        }

        /// <summary>"server 'web1'" while a create's POST is on its way (its outcome not known yet), else null.</summary>
        public string? Creating => _creating;

        void ICreateObserver.Creating(string kind, string? name) => _creating = name == null ? null : $"{kind} '{name}'";

        void ICreateObserver.Created(CreatedResource resource)
        {
            lock (_created) _created.Add(resource);
        }

        void ICreateObserver.Removed(string id)
        {
            lock (_created) _created.RemoveAll(r => r.Id == id);
        }

        private async Task RunAsync(Func<OSTask, CancellationToken, Task<object?>> work)
        {
            // The work's creates (and deletes) are told to this task, whatever client call makes them.
            CreateAftermath.Observer = this;
            try
            {
                Result = await work(this, _cancellation.Token).ConfigureAwait(false);
                PercentComplete = 100;
                State = OSTaskState.Success;
            }
            catch (Exception ex) when (_cancellation.IsCancellationRequested)
            {
                // Whatever the cancelled work threw on its way out (TaskCanceledException, a Flurl call failure...).
                Exception = new OperationCanceledException($"{Operation} {Target} was cancelled.", ex);
                Error = "Cancelled before it finished; the cloud may already have acted.";
                State = OSTaskState.Cancelled;
            }
            catch (Exception ex)
            {
                Exception = ex is AggregateException agg ? agg.GetBaseException() : ex;
                Error = OneLine(Exception.Message);
                State = OSTaskState.Error;
            }
            finally
            {
                FinishTime = DateTime.Now;
            }
        }

        private static string OneLine(string message)
        {
            var line = message.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries);
            return line.Length == 0 ? "The task failed." : line[0].Trim();
        }

        public override string ToString() => $"{Id} {Operation} {Target}: {State}";
    }
}
