using OpenStackOrchestrator.Client.Compute;

namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>A migration or evacuation ended with the server still on the host it was on (Nova accepts the request,
    /// then its scheduler or the compute hosts fail it): the message is Nova's reason from the server's action.</summary>
    public sealed class ServerNotMovedException : OpenStackException
    {
        public ServerNotMovedException(Server server, string action, string? reason, string? addendum = null)
            : base($"Server '{server.Name}' ({server.Id}) is still on host '{server.Host}' ({server.Status}): Nova did not {action} it: " +
                   (reason?.Trim().TrimEnd('.') ?? "Nova gave no reason (Get-OSServerEvent shows the server's actions)") + "." + (addendum != null ? " " + addendum : ""))
        {
            Server = server;
            Service = "compute";
            ServiceMessage = reason;
        }

        public Server Server { get; }
        public override string ErrorId => "ServerNotMoved";
    }
}
