using System;

namespace OpenStackOrchestrator.Client.Orchestration
{
    /// <summary>Heat joins an action and a state into one status ("CREATE_IN_PROGRESS", "UPDATE_FAILED"...).</summary>
    public static class StackStatus
    {
        public const string InProgress = "IN_PROGRESS";
        public const string Complete = "COMPLETE";
        public const string Failed = "FAILED";

        /// <summary>The action part: CREATE, UPDATE, DELETE, SUSPEND, RESUME, ROLLBACK, CHECK...</summary>
        public static string ActionOf(string? status)
        {
            if (string.IsNullOrEmpty(status))
                return "";
            var state = StateOf(status);
            return state.Length > 0 && status!.Length > state.Length ? status.Substring(0, status.Length - state.Length - 1) : status!;
        }

        /// <summary>The state part: IN_PROGRESS, COMPLETE or FAILED (empty for anything else).</summary>
        public static string StateOf(string? status)
        {
            if (status == null)
                return "";
            foreach (var state in new[] { InProgress, Complete, Failed })
                if (status.EndsWith("_" + state, StringComparison.OrdinalIgnoreCase))
                    return state;
            return "";
        }

        public static bool IsInProgress(string? status) => StateOf(status) == InProgress;
        public static bool IsFailed(string? status) => StateOf(status) == Failed;
    }
}
