using System;
using System.IO;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>Inside the transport only: an answer whose body broke off (becomes a TruncatedResponseException).</summary>
    internal sealed class BodyCutOffException : IOException
    {
        public BodyCutOffException(long bytesReceived, long? expectedBytes, Exception? inner)
            : base($"The body broke off after {bytesReceived} bytes" + (expectedBytes.HasValue ? $" of {expectedBytes.Value}." : "."), inner)
        {
            BytesReceived = bytesReceived;
            ExpectedBytes = expectedBytes;
        }

        public long BytesReceived { get; }
        public long? ExpectedBytes { get; }
    }
}
