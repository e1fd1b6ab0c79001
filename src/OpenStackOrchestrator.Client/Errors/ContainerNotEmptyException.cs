namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>Swift refused to delete a container because it still holds objects (HTTP 409). The message is
    /// Swift's, with the request id.</summary>
    public sealed class ContainerNotEmptyException : OpenStackException
    {
        public ContainerNotEmptyException(string container, OpenStackException conflict) : base(conflict.Message, conflict)
        {
            Container = container;
            Service = conflict.Service;
            Method = conflict.Method;
            Url = conflict.Url;
            StatusCode = conflict.StatusCode;
            RequestId = conflict.RequestId;
            ServiceMessage = conflict.ServiceMessage;
        }

        public string Container { get; }
        public override string ErrorId => "ContainerNotEmpty";
    }
}
