using System;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>Waiting for a port to settle.</summary>
    public sealed partial class NetworkClient
    {
        /// <summary>How long a wait for a port's status may take.</summary>
        public TimeSpan PortWaitTimeout { get; set; } = TimeSpan.FromMinutes(2);

        /// <summary>Waits until the port is ACTIVE and bound to <paramref name="deviceId"/>; a port in ERROR fails at once.</summary>
        public Task<Port> WaitForPortActiveAsync(string portId, string deviceId, Action<Port>? progress, CancellationToken cancellationToken) =>
            BoundedPoll.UntilAsync(ct => GetPortAsync(portId, ct),
                port => port.Status == "ERROR"
                    ? throw new PortFailedException($"Port {portId} went into ERROR while being attached to {deviceId}.")
                    : port.Status == "ACTIVE" && port.DeviceId == deviceId,
                progress, PortWaitTimeout,
                port => $"Port {portId} did not become ACTIVE on {deviceId} within {PortWaitTimeout.TotalSeconds:0} s: it is {port.Status}" +
                        (port.DeviceId == deviceId ? "." : $", attached to '{port.DeviceId}'."),
                cancellationToken);
    }
}
