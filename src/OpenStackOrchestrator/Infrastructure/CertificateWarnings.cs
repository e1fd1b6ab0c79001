using System.Collections.Concurrent;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>Certificates accepted under InvalidCertificateAction Warn, reported on a worker thread during a TLS
    /// handshake and written as warnings by the next cmdlet step on the pipeline thread.</summary>
    public static class CertificateWarnings
    {
        private static readonly ConcurrentQueue<string> Pending = new ConcurrentQueue<string>();

        public static void Report(string host, string why) =>
            Pending.Enqueue($"The TLS certificate of {host} is not valid ({why}). Connected anyway because InvalidCertificateAction " +
                "is Warn; Set-OSConfiguration -InvalidCertificateAction Fail refuses such connections.");

        public static bool TryTake(out string message) => Pending.TryDequeue(out message!);
    }
}
