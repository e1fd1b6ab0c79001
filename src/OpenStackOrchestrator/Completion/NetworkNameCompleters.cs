using OpenStackOrchestrator.Client.Networking;

namespace OpenStackOrchestrator.Completion
{
    /// <summary>Network names (-Network, -ExternalNetwork).</summary>
    public sealed class NetworkNameCompleter : DefinitionNameCompleter<Network> { public NetworkNameCompleter() : base(Network.Definition) { } }

    public sealed class SubnetNameCompleter : DefinitionNameCompleter<Subnet> { public SubnetNameCompleter() : base(Subnet.Definition) { } }

    public sealed class RouterNameCompleter : DefinitionNameCompleter<Router> { public RouterNameCompleter() : base(Router.Definition) { } }

    public sealed class SecurityGroupNameCompleter : DefinitionNameCompleter<SecurityGroup> { public SecurityGroupNameCompleter() : base(SecurityGroup.Definition) { } }
}
