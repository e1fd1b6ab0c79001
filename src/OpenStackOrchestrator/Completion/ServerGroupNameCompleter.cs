using OpenStackOrchestrator.Client.Compute;

namespace OpenStackOrchestrator.Completion
{
    public sealed class ServerGroupNameCompleter : DefinitionNameCompleter<ServerGroup> { public ServerGroupNameCompleter() : base(ServerGroup.Definition) { } }
}
