using System.Collections.Generic;

namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>A name given where exactly one resource is needed matched none.</summary>
    public sealed class NameNotFoundException : OpenStackException
    {
        public NameNotFoundException(string kind, string name)
            : base($"No {kind} named '{name}' was found.")
        {
            Kind = kind;
            Name = name;
        }

        /// <summary>The same, when a service's 404 said so: its service, URL and request id are kept.</summary>
        public NameNotFoundException(string kind, string name, OpenStackException cause)
            : base($"No {kind} named '{name}' was found.", cause)
        {
            Kind = kind;
            Name = name;
            Service = cause.Service;
            Method = cause.Method;
            Url = cause.Url;
            StatusCode = cause.StatusCode;
            RequestId = cause.RequestId;
            ServiceMessage = cause.ServiceMessage;
        }
        public string Kind { get; }
        public string Name { get; }
        public override string ErrorId => "NameNotFound";
    }

    /// <summary>A name given where exactly one resource is needed matched several.</summary>
    public sealed class AmbiguousNameException : OpenStackException
    {
        public AmbiguousNameException(string kind, string name, IReadOnlyList<string> candidates)
            : base($"The name '{name}' matches {candidates.Count} {kind}s; use an id: {string.Join(", ", candidates)}.")
        {
            Kind = kind;
            Name = name;
            Candidates = candidates;
        }
        public string Kind { get; }
        public string Name { get; }
        public IReadOnlyList<string> Candidates { get; }
        public override string ErrorId => "AmbiguousName";
    }
}
