using OpenStackOrchestrator.Client.Compute;

namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>A server went to ERROR; the message is Nova's fault message.</summary>
    public sealed class ServerFaultException : OpenStackException
    {
        public ServerFaultException(Server server, string? addendum = null)
            // Nova's own messages often end in ". " already ("No valid host was found. ").
            : base($"Server '{server.Name}' ({server.Id}) went to ERROR: {(server.FaultMessage ?? "Nova gave no fault message").Trim().TrimEnd('.')}." + addendum)
        {
            Server = server;
            Service = "compute";
            ServiceMessage = server.FaultMessage;
        }

        public Server Server { get; }
        public override string ErrorId => "ServerFault";
    }
}
