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
