namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>A container or object name Swift cannot address as given (empty, a '/' in a container name, or a dot
    /// segment on a runtime that would resolve it); nothing was sent.</summary>
    public sealed class InvalidSwiftNameException : OpenStackException
    {
        public InvalidSwiftNameException(string name, string kind, string message) : base(message)
        {
            Name = name;
            Kind = kind;
            Service = "object-store";
        }

        public string Name { get; }
        /// <summary>"container" or "object".</summary>
        public string Kind { get; }
        public override string ErrorId => "InvalidSwiftName";
    }
}
