using System;

namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>The service answered (status and headers arrived, with its request id) but the body broke off before
    /// its announced length: the connection closed in the middle of the answer. For a POST the service has acted.</summary>
    public sealed class TruncatedResponseException : OpenStackException
    {
        public TruncatedResponseException(string message, Exception? inner) : base(message, inner) { }

        /// <summary>The bytes of the body that arrived, when known.</summary>
        public long? BytesReceived { get; internal set; }
        /// <summary>The Content-Length the headers announced, when they did.</summary>
        public long? ExpectedBytes { get; internal set; }

        public override string ErrorId => "TruncatedResponse";
    }
}
