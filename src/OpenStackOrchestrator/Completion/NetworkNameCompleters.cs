using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Networking;

namespace OpenStackOrchestrator.Completion
{
    /// <summary>Network names (-Network, -ExternalNetwork, Get-OSNetwork -Name).</summary>
    public sealed class NetworkNameCompleter : LiveNameCompleter
    {
        protected override string Kind => "network";
        protected override Task<List<string>> FetchAsync(CloudConnection cloud, CancellationToken ct) =>
            CompletionCache.Collect(cloud.Network.ListNetworksAsync(new NetworkListOptions { Limit = CompletionCache.FirstPage }, ct), n => n.Name);
    }

    public sealed class SubnetNameCompleter : LiveNameCompleter
    {
        protected override string Kind => "subnet";
        protected override Task<List<string>> FetchAsync(CloudConnection cloud, CancellationToken ct) =>
            CompletionCache.Collect(cloud.Network.ListSubnetsAsync(new SubnetListOptions { Limit = CompletionCache.FirstPage }, ct), s => s.Name);
    }

    public sealed class RouterNameCompleter : LiveNameCompleter
    {
        protected override string Kind => "router";
        protected override Task<List<string>> FetchAsync(CloudConnection cloud, CancellationToken ct) =>
            CompletionCache.Collect(cloud.Network.ListRoutersAsync(new RouterListOptions { Limit = CompletionCache.FirstPage }, ct), r => r.Name);
    }

    public sealed class SecurityGroupNameCompleter : LiveNameCompleter
    {
        protected override string Kind => "security group";
        protected override Task<List<string>> FetchAsync(CloudConnection cloud, CancellationToken ct) =>
            CompletionCache.Collect(cloud.Network.ListSecurityGroupsAsync(new SecurityGroupListOptions { Limit = CompletionCache.FirstPage }, ct), g => g.Name);
    }
}
