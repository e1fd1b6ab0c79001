using System;
using System.Threading;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>Where request traces go for the current logical call (a cmdlet's -Debug stream).
    /// Async-local so that concurrent callers sharing one connection each see only their own requests.</summary>
    public static class RequestTrace
    {
        private static readonly AsyncLocal<Action<string>?> CurrentSink = new AsyncLocal<Action<string>?>();

        public static Action<string>? Sink
        {
            get => CurrentSink.Value;
            set => CurrentSink.Value = value;
        }

        public static bool Enabled => CurrentSink.Value != null;

        public static void Write(string message) => CurrentSink.Value?.Invoke(message);
    }
}
