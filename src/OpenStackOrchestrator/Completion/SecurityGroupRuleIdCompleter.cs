using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Networking;

namespace OpenStackOrchestrator.Completion
{
    /// <summary>Security group rule ids (Remove-OSSecurityGroupRule): rules have no names.</summary>
    public sealed class SecurityGroupRuleIdCompleter : LiveNameCompleter
    {
        protected override string Kind => "security group rule";
        protected override Task<List<string>> FetchAsync(CloudConnection cloud, CancellationToken ct) =>
            CompletionCache.Collect(cloud.Network.ListSecurityGroupRulesAsync(new SecurityGroupRuleListOptions { Limit = CompletionCache.FirstPage }, ct), r => r.Id);
    }
}
