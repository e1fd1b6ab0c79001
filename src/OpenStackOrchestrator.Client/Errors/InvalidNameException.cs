namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>A name or id that cannot be sent as what it is: a path segment "." or ".." (a URL would read it as
    /// "this folder" or "the parent"), a "/" in a container name (Swift would read the rest as an object), text that
    /// is not valid UTF-16. Refused before any request, so nothing else is read, written or deleted in its place.</summary>
    public sealed class InvalidNameException : OpenStackException
    {
        public InvalidNameException(string kind, string name, string reason)
            : base($"'{name}' cannot be a {kind} name or id: {reason}")
        {
            Kind = kind;
            Name = name;
        }

        public string Kind { get; }
        public string Name { get; }
        public override string ErrorId => "InvalidName";
    }
}
