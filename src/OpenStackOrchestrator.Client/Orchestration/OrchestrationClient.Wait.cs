using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.Orchestration
{
    /// <summary>Following stack operations: the stack and its new events are read each round (0.5 s, backing off to
    /// 3 s) until the operation has settled; a failure is reported with the failed resources and their reasons.</summary>
    public sealed partial class OrchestrationClient
    {
        private const int FailureSearchDepth = 5;
        private const int TransientFailuresTolerated = 3;

        /// <summary>Waits until <paramref name="action"/> (CREATE, UPDATE, DELETE, SUSPEND, RESUME) has ended, passing each
        /// event after <paramref name="marker"/> to <paramref name="onEvent"/> as it arrives. Returns the settled stack, or
        /// null once it is gone after a DELETE (gone after anything else is a ResourceNotFoundException); a *_FAILED end
        /// (or a rollback) is a <see cref="StackFailedException"/>.</summary>
        public async Task<Stack?> WaitForStackAsync(Stack stack, string action, string? marker, Action<StackEvent>? onEvent, TimeSpan timeout,
            CancellationToken cancellationToken)
        {
            var deadline = DateTime.UtcNow + timeout;
            var interval = FirstPollInterval;
            var started = false;
            var failures = 0;
            while (true)
            {
                Stack? current;
                List<StackEvent> events;
                try
                {
                    // The stack first, then its events: when the stack has settled, its last events are in this round.
                    current = await ReadOrNullAsync(stack, cancellationToken).ConfigureAwait(false);
                    events = current == null ? new List<StackEvent>() : await ListEventsAsync(stack, marker, 0, null, cancellationToken).ConfigureAwait(false);
                    failures = 0;
                }
                catch (OpenStackException ex) when (IsTransient(ex) && ++failures < TransientFailuresTolerated)
                {
                    await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                foreach (var e in events)
                {
                    marker = e.Id;
                    // Heat's own event for the stack shows that this operation (not an earlier one) began or ended.
                    if (e.IsStackEvent && e.StackId == stack.Id && IsOperation(StackStatus.ActionOf(e.Status), action))
                        started = true;
                    onEvent?.Invoke(e);
                }
                if (current == null)
                    return action == "DELETE" ? null
                        : throw new ResourceNotFoundException($"Stack '{stack.Name}' ({stack.Id}) disappeared during its {action.ToLowerInvariant()}.") { Service = "orchestration" };
                if (StackStatus.IsInProgress(current.Status))
                    started = true;
                else if (started && IsOperation(current.Action, action))
                {
                    if (StackStatus.IsFailed(current.Status) || (current.Action == "ROLLBACK" && action != "ROLLBACK"))
                        throw await FailureAsync(current, cancellationToken).ConfigureAwait(false);
                    return current;
                }
                if (DateTime.UtcNow + interval > deadline)
                    throw new RequestTimeoutException(
                        $"Stack '{stack.Name}' ({stack.Id}) is still {current.Status} after {timeout.TotalSeconds:0} s; Heat goes on with it (see Get-OSStackEvent).", null)
                    { Service = "orchestration" };
                await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
                interval = TimeSpan.FromMilliseconds(Math.Min(MaxPollInterval.TotalMilliseconds, interval.TotalMilliseconds * 1.5));
            }
        }

        /// <summary>Waits until Heat no longer finds a deleted stack by its name: Heat keeps a DELETE_COMPLETE stack
        /// readable by name and listed for a few seconds before it marks it deleted (by name and id it stays readable),
        /// and Get-OSStack would still show it. Polls GET /stacks/{name} until a 404 or another stack of that name (or
        /// <paramref name="timeout"/>, after which the stack is DELETE_COMPLETE anyway and nothing is reported).</summary>
        public async Task WaitUntilPurgedAsync(Stack stack, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline)
            {
                try
                {
                    var current = await GetStackAsync(stack.Name, cancellationToken).ConfigureAwait(false);
                    if (current.Id != stack.Id)
                        return;
                }
                catch (ResourceNotFoundException)
                {
                    return;
                }
                await Task.Delay(FirstPollInterval, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>The stack's events (oldest first), then each new one as it arrives until the stack is no longer in
        /// progress (or gone); a stack still in progress after <paramref name="timeout"/> is a RequestTimeoutException.</summary>
        public async IAsyncEnumerable<StackEvent> FollowEventsAsync(Stack stack, int nestedDepth, string? resourceName, TimeSpan timeout,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var deadline = DateTime.UtcNow + timeout;
            var interval = FirstPollInterval;
            string? marker = null;
            while (true)
            {
                var current = await ReadOrNullAsync(stack, cancellationToken).ConfigureAwait(false);
                var events = current == null ? new List<StackEvent>() : await ListEventsAsync(stack, marker, nestedDepth, resourceName, cancellationToken).ConfigureAwait(false);
                foreach (var e in events)
                {
                    marker = e.Id;
                    yield return e;
                }
                if (current == null || !StackStatus.IsInProgress(current.Status))
                    yield break;
                if (DateTime.UtcNow + interval > deadline)
                    throw new RequestTimeoutException(
                        $"Stack '{stack.Name}' is still {current.Status} after {timeout.TotalSeconds:0} s; stopped following its events.", null)
                    { Service = "orchestration" };
                await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
                interval = TimeSpan.FromMilliseconds(Math.Min(MaxPollInterval.TotalMilliseconds, interval.TotalMilliseconds * 1.5));
            }
        }

        /// <summary>The exception for a failed stack: its reason plus each failed resource (those of nested stacks too,
        /// below the resource that holds them) and why.</summary>
        public async Task<StackFailedException> FailureAsync(Stack stack, CancellationToken cancellationToken)
        {
            var failed = new List<StackResource>();
            try
            {
                await foreach (var resource in ListResourcesAsync(stack, FailureSearchDepth, cancellationToken).ConfigureAwait(false))
                    if (StackStatus.IsFailed(resource.Status))
                        failed.Add(resource);
            }
            catch (OpenStackException)
            {
                // the stack's own reason still says what failed
            }
            return new StackFailedException(stack, failed);
        }

        private async Task<Stack?> ReadOrNullAsync(Stack stack, CancellationToken cancellationToken)
        {
            try
            {
                var current = await RefreshAsync(stack, cancellationToken).ConfigureAwait(false);
                return current.Status == "DELETE_COMPLETE" ? null : current;
            }
            catch (ResourceNotFoundException)
            {
                return null;
            }
        }

        // A failed create or update may roll back (when rollback is enabled): that ends the operation too.
        private static bool IsOperation(string seen, string wanted) => seen == wanted || seen == "ROLLBACK";

        private static bool IsTransient(OpenStackException ex) =>
            ex is ServiceUnavailableException || ex is ServiceUnreachableException || ex is RequestTimeoutException;
    }
}
