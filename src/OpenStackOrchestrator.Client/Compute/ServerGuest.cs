using System;
using System.Threading;
using System.Threading.Tasks;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>A server's guest as PowerCLI's VMGuest shows it: host name, addresses, operating system, state.</summary>
    public sealed class ServerGuest
    {
        // A property read is a formatting call with no cancellation: the image lookup behind OSFullName is bounded.
        private static readonly TimeSpan LookupLimit = TimeSpan.FromSeconds(30);
        private readonly Lazy<string?> _osFullName;
        private readonly string _serverName;

        internal ServerGuest(string serverName, string hostName, string[] ipAddress, string state, Func<CancellationToken, Task<string?>> osFullName)
        {
            _serverName = serverName;
            HostName = hostName;
            IPAddress = ipAddress;
            State = state;
            _osFullName = new Lazy<string?>(() => Read(osFullName));
        }

        /// <summary>Nova's hostname of the instance when the cloud shows it (admins), else the server's name.</summary>
        public string HostName { get; }
        public string[] IPAddress { get; }
        /// <summary>The image's os_distro (or os_type) and os_version, e.g. "ubuntu 22.04"; read once per image and
        /// connection when first asked for; empty when the image declares none.</summary>
        public string? OSFullName => _osFullName.Value;
        /// <summary>Running, NotRunning or Unknown (PowerCLI's GuestState).</summary>
        public string State { get; }

        public override string ToString() => $"{_serverName}:{OSFullName}";

        private static string? Read(Func<CancellationToken, Task<string?>> lookup)
        {
            using var limit = new CancellationTokenSource(LookupLimit);
            try
            {
                return Task.Run(() => lookup(limit.Token)).GetAwaiter().GetResult();
            }
            catch (Exception)
            {
                return null;   // a property cannot fail a listing; Get-OSImage says why the image cannot be read
            }
        }

        internal static string StateOf(string powerState) =>
            powerState == PowerStates.PoweredOn ? "Running" : powerState == PowerStates.Unknown ? "Unknown" : "NotRunning";
    }
}
