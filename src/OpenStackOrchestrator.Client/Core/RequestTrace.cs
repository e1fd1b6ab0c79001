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

        private static readonly AsyncLocal<Action<string>?> CurrentChangeSink = new AsyncLocal<Action<string>?>();

        /// <summary>Where each change a request made is narrated in one line (a cmdlet's -Verbose stream).</summary>
        public static Action<string>? ChangeSink
        {
            get => CurrentChangeSink.Value;
            set => CurrentChangeSink.Value = value;
        }

        /// <summary>Narrates a request that changed something (any method but GET and HEAD that succeeded): what,
        /// on which cloud, and the request id to quote to the operator.</summary>
        public static void Changed(string cloud, ServiceRequest request, ServiceResponse response)
        {
            var sink = CurrentChangeSink.Value;
            if (sink == null || request.Method.Method == "GET" || request.Method.Method == "HEAD")
                return;
            var path = request.Path.Length == 0 || request.Path[0] == '/' ? request.Path : "/" + request.Path;
            sink($"{cloud}: {request.Method.Method} {request.ServiceType} {path} -> {response.StatusCode}" +
                 (response.RequestId != null ? $" (request {response.RequestId})" : ""));
        }
    }
}
