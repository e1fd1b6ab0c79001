using OpenStackOrchestrator.Client.Compute;

namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>A power action asked of a server already in the state it leads to (Stop-OSServer on a stopped server),
    /// worded as PowerCLI's InvalidPowerState: the script asked for something that cannot be done now.</summary>
    public sealed class ServerAlreadyInStateException : OpenStackException
    {
        public ServerAlreadyInStateException(Server server, string state, OpenStackException? cause = null)
            : base($"Server '{server.Name}' is already {state}: the attempted operation cannot be performed in the current state ({server.PowerState}).", cause)
        {
            Server = server;
            State = state;
            Service = "compute";
            if (cause == null)
                return;
            StatusCode = cause.StatusCode;
            RequestId = cause.RequestId;
            ServiceMessage = cause.ServiceMessage;
            Method = cause.Method;
            Url = cause.Url;
        }

        public Server Server { get; }
        /// <summary>"stopped", "started", "suspended", "paused" or "shelved".</summary>
        public string State { get; }
        public override string ErrorId => "ServerAlreadyInState";
    }
}
