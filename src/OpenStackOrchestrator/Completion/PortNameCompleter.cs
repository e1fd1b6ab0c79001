using OpenStackOrchestrator.Client.Networking;

namespace OpenStackOrchestrator.Completion
{
    /// <summary>Port names (-Port); a port without a name completes as its id, which -Port takes too.</summary>
    public sealed class PortNameCompleter : DefinitionNameCompleter<Port> { public PortNameCompleter() : base(Port.Definition) { } }
}
