using System;
using System.Diagnostics;
using OpenStackOrchestrator.Client.Errors;
using Polly;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>One call's retries: how many attempts it made, how long since the first, and why it stopped retrying.
    /// Kept in the call's Polly context, so one pipeline serves concurrent calls.</summary>
    internal sealed class RetryProgress
    {
        public static readonly ResiliencePropertyKey<RetryProgress> Key = new ResiliencePropertyKey<RetryProgress>("oso.retry-progress");

        private readonly Stopwatch _sinceFirstAttempt = Stopwatch.StartNew();

        public int Attempts { get; private set; }
        public TimeSpan Elapsed => _sinceFirstAttempt.Elapsed;
        /// <summary>Why a retryable failure was not retried (limit, budget, a Retry-After past the budget); null otherwise.</summary>
        public string? StopReason { get; set; }

        public void AttemptStarting() => Attempts++;

        /// <summary>The error, telling how many attempts it took and why there were no more.</summary>
        public OpenStackException Annotate(OpenStackException error)
        {
            error.Attempts = Attempts;
            if (Attempts > 1 || StopReason != null)
                error.RetrySummary = $"{Attempts} attempt{(Attempts == 1 ? "" : "s")} in {Elapsed.TotalSeconds:0.0} s" +
                                     (StopReason != null ? "; " + StopReason : "");
            return error;
        }
    }
}
