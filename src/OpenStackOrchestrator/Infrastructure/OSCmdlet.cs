using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>Base of every cmdlet: runs async client work on a worker while the pipeline thread writes its
    /// output, -Debug traces and progress (PowerShell streams may only be written from the pipeline thread),
    /// and cancels the work on Ctrl+C.</summary>
    public abstract class OSCmdlet : PSCmdlet
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();

        protected CancellationToken StopToken => _stopping.Token;

        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>Refuses, before anything is sent, a bound parameter value no request should carry (see
        /// <see cref="InputChecks"/>): a terminating error, as for any invalid parameter value.</summary>
        protected override void BeginProcessing()
        {
            try
            {
                InputChecks.Check(this);
            }
            catch (InvalidInputException ex)
            {
                ThrowTerminatingError(ex.ErrorRecord);
            }
        }

        /// <summary>Runs <paramref name="work"/> and returns its result, writing its traces on this thread.</summary>
        protected T Run<T>(Func<CancellationToken, Task<T>> work)
        {
            T result = default!;
            Pump(async (post, ct) => { result = await work(ct).ConfigureAwait(false); });
            return result;
        }

        protected void Run(Func<CancellationToken, Task> work) => Pump((post, ct) => work(ct));

        /// <summary>Streams the items of an async sequence to <paramref name="onItem"/> on this thread as they arrive.</summary>
        protected void RunEach<T>(Func<CancellationToken, IAsyncEnumerable<T>> source, Action<T> onItem)
        {
            Pump(async (post, ct) =>
            {
                await foreach (var item in source(ct).ConfigureAwait(false))
                {
                    var captured = item;
                    post(() => onItem(captured));
                }
            });
        }

        private void Pump(Func<Action<Action>, CancellationToken, Task> work)
        {
            using (var queue = new BlockingCollection<Action>())
            {
                Action<Action> post = action =>
                {
                    try { queue.Add(action); } catch (InvalidOperationException) { /* completed: the work ended */ }
                };
                var previousSink = RequestTrace.Sink;
                var previousChangeSink = RequestTrace.ChangeSink;
                RequestTrace.Sink = IsDebugEnabled() ? message => post(() => WriteDebug(message)) : (Action<string>?)null;
                RequestTrace.ChangeSink = IsVerboseEnabled() ? message => post(() => WriteVerbose(message)) : (Action<string>?)null;
                Task task;
                try
                {
                    task = Task.Run(() => work(post, _stopping.Token));
                }
                finally
                {
                    RequestTrace.Sink = previousSink;
                    RequestTrace.ChangeSink = previousChangeSink;
                }
                task.ContinueWith(_ => queue.CompleteAdding(), TaskScheduler.Default);
                foreach (var action in queue.GetConsumingEnumerable())
                {
                    action();
                    WriteCertificateWarnings();
                }
                WriteCertificateWarnings();
                if (_stopping.IsCancellationRequested && !task.IsCompleted || _stopping.IsCancellationRequested && (task.IsCanceled || task.IsFaulted))
                    throw new PipelineStoppedException();
                task.GetAwaiter().GetResult();
            }
        }

        protected bool IsDebugEnabled() => IsStreamEnabled("Debug");

        protected bool IsVerboseEnabled() => IsStreamEnabled("Verbose");

        private bool IsStreamEnabled(string stream)
        {
            if (MyInvocation.BoundParameters.TryGetValue(stream, out var bound))
                return bound is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(bound);
            var preference = GetVariableValue(stream + "Preference");
            return preference is ActionPreference p ? p != ActionPreference.SilentlyContinue && p != ActionPreference.Ignore
                : preference != null && !string.Equals(preference.ToString(), "SilentlyContinue", StringComparison.OrdinalIgnoreCase);
        }

        // -Debug on a compiled cmdlet makes PowerShell ask "Continue with this operation?" before each verbose and
        // warning line (and, in Windows PowerShell, each debug line), which fails outright under -NonInteractive.
        // -Debug asks for the trace, not for a breakpoint: these write without asking, as a script function's would.
        // Every cmdlet of the module writes through them (they hide Cmdlet's own).

        public new void WriteDebug(string text) =>
            WriteWithoutInquiry(text, "WriteDebug", typeof(DebugRecord), t => new DebugRecord(t), base.WriteDebug, null);

        public new void WriteVerbose(string text) =>
            WriteWithoutInquiry(text, "WriteVerbose", typeof(VerboseRecord), t => new VerboseRecord(t), base.WriteVerbose, "Verbose");

        public new void WriteWarning(string text) =>
            WriteWithoutInquiry(text, "WriteWarning", typeof(WarningRecord), t => new WarningRecord(t), base.WriteWarning, "WarningAction");

        private void WriteWithoutInquiry(string text, string method, Type recordType, Func<string, object> record, Action<string> write,
            string? ownParameter)
        {
            // Only the Inquire that -Debug itself implies is overridden: $DebugPreference = 'Inquire' or
            // -WarningAction Inquire still ask.
            var bound = MyInvocation.BoundParameters;
            var writer = bound.ContainsKey("Debug") && (ownParameter == null || !bound.ContainsKey(ownParameter))
                ? NoInquiryWriter(CommandRuntime, method, recordType) : null;
            if (writer == null)
                write(text);
            else
            {
                try
                {
                    writer.Invoke(CommandRuntime, new[] { record(text), true });
                }
                catch (System.Reflection.TargetInvocationException ex) when (ex.InnerException != null)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                }
            }
        }

        private static readonly ConcurrentDictionary<(Type, string), System.Reflection.MethodInfo?> NoInquiryWriters =
            new ConcurrentDictionary<(Type, string), System.Reflection.MethodInfo?>();

        /// <summary>PowerShell's own Write-Verbose/-Debug/-Warning path: MshCommandRuntime.WriteX(record, overrideInquire),
        /// internal in every edition; null in a host whose runtime has no such method (then the public one is used).</summary>
        private static System.Reflection.MethodInfo? NoInquiryWriter(ICommandRuntime? runtime, string method, Type recordType) =>
            runtime == null ? null : NoInquiryWriters.GetOrAdd((runtime.GetType(), method), key => key.Item1.GetMethod(method,
                System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public,
                null, new[] { recordType, typeof(bool) }, null));

        private void WriteCertificateWarnings()
        {
            while (CertificateWarnings.TryTake(out var warning))
                WriteWarning(warning);
        }

        // A confirmation the host cannot ask (pwsh -NonInteractive, a host without a UI) makes PowerShell throw
        // "PowerShell is in NonInteractive mode"; every cmdlet of the module asks through these (they hide Cmdlet's own),
        // so an unattended script gets an error that says to add -Confirm:$false, and the item is skipped.

        public new bool ShouldProcess(string target) => ShouldProcessOrExplain(() => base.ShouldProcess(target), target, MyInvocation.MyCommand.Name);

        public new bool ShouldProcess(string target, string action) => ShouldProcessOrExplain(() => base.ShouldProcess(target, action), target, action);

        public new bool ShouldProcess(string verboseDescription, string verboseWarning, string caption) =>
            ShouldProcessOrExplain(() => base.ShouldProcess(verboseDescription, verboseWarning, caption), verboseDescription, caption);

        private bool ShouldProcessOrExplain(Func<bool> ask, string target, string action)
        {
            try
            {
                return ask();
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException) && InteractionErrors.IsPromptRefused(ex))
            {
                WriteError(InteractionErrors.ConfirmationNeedsInteractiveHost(target, action, ex));
                return false;
            }
        }

        /// <summary>Writes a non-terminating error for a failure about <paramref name="target"/>.</summary>
        protected void WriteFailure(Exception exception, object? target)
        {
            if (exception is PipelineStoppedException)
                throw exception;
            WriteError(ErrorRecords.From(exception, target));
        }

        /// <summary>ShouldProcess once what the input names is known: <paramref name="resolve"/> looks it up first (read-only
        /// GET calls), so that -WhatIf and -Confirm report the error the real run would report, before any prompt.
        /// False, with the error written for <paramref name="errorTarget"/>, when it does not resolve.</summary>
        protected bool ShouldProcessResolved(object? errorTarget, Func<CancellationToken, Task> resolve, string target, string action)
        {
            try
            {
                Run(resolve);
            }
            catch (OpenStackException ex)
            {
                WriteFailure(ex, errorTarget);
                return false;
            }
            catch (AggregateException ex) when (ex.GetBaseException() is OpenStackException inner)
            {
                WriteFailure(inner, errorTarget);
                return false;
            }
            return ShouldProcess(target, action);
        }

        /// <summary>Writes an object with the module's stable type name (used by the format views).</summary>
        protected void WriteTyped(object item) => WriteTyped(item, TypeNames.For(item) ?? item.GetType().FullName!);

        protected virtual void WriteTyped(object item, string typeName)
        {
            var wrapped = PSObject.AsPSObject(item);
            if (wrapped.TypeNames.Count == 0 || wrapped.TypeNames[0] != typeName)
                wrapped.TypeNames.Insert(0, typeName);
            WriteObject(wrapped);
        }

        /// <summary>Runs one unit of work, turning client failures into non-terminating errors for <paramref name="target"/>.</summary>
        protected void Try(object? target, Action action)
        {
            try
            {
                action();
            }
            catch (OpenStackException ex)
            {
                WriteFailure(ex, target);
            }
            catch (AggregateException ex) when (ex.GetBaseException() is OpenStackException inner)
            {
                WriteFailure(inner, target);
            }
        }
    }
}
