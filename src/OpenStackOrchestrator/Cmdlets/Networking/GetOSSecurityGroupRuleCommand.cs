using System.Threading.Tasks;
using System.Collections.Generic;
using System.Management.Automation;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Get-OSSecurityGroupRule: the rules of security groups (or every rule), filtered server-side by
    /// direction, protocol and ether type.</summary>
    [Cmdlet(VerbsCommon.Get, "OSSecurityGroupRule", DefaultParameterSetName = "Group", SupportsPaging = true)]
    [OutputType(typeof(SecurityGroupRule))]
    public sealed class GetOSSecurityGroupRuleCommand : NeutronGetCmdlet
    {
        /// <summary>The groups whose rules to get (name, id or object); without it, every rule the user can see.</summary>
        [Parameter(ParameterSetName = "Group", Position = 0, ValueFromPipeline = true)]
        [FilterReferenceTransformation(typeof(Client.Networking.SecurityGroup))]
        [ArgumentCompleter(typeof(SecurityGroupNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? SecurityGroup { get; set; }

        [Parameter(ParameterSetName = "Id", Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        [Parameter(ParameterSetName = "Group")]
        [ValidateSet("Ingress", "Egress")]
        public string? Direction { get; set; }

        [Parameter(ParameterSetName = "Group")]
        [ValidateSet("tcp", "udp", "icmp")]
        public string? Protocol { get; set; }

        [Parameter(ParameterSetName = "Group")]
        [ValidateSet("IPv4", "IPv6")]
        public string? EtherType { get; set; }

        protected override void ProcessRecord()
        {
            if (Id != null)
            {
                WriteByIds(Id, TypeNames.SecurityGroupRule, (cloud, id, ct) => cloud.Network.GetSecurityGroupRuleAsync(id, ct));
                return;
            }
            if (SecurityGroup == null)
            {
                WriteRules(null);
                return;
            }
            foreach (var group in SecurityGroup)
                InCloudOf(group, () => WriteRules(group));
        }

        private void WriteRules(ResourceReference? group)
        {
            var found = group == null;
            var failures = new List<OpenStackException>();
            WriteMatches("security group rule", TypeNames.SecurityGroupRule, new NameFilter(null), filteredClientSide: false,
                (cloud, limit, ct) => ListAsync(cloud, group, limit, () => found = true, failures, ct), rule => rule.Id);
            if (!found)
                foreach (var failure in failures)
                    WriteFailure(failure, group!.ToString());
        }

        /// <summary>A group given by name that a cloud does not have is no error as long as another cloud has it.</summary>
        private async IAsyncEnumerable<SecurityGroupRule> ListAsync(CloudConnection cloud, ResourceReference? group, int? limit, System.Action onFound,
            List<OpenStackException> failures, [System.Runtime.CompilerServices.EnumeratorCancellation] System.Threading.CancellationToken ct)
        {
            var options = new SecurityGroupRuleListOptions { Direction = Direction?.ToLowerInvariant(), Protocol = Protocol, EtherType = EtherType, Limit = limit };
            if (group != null)
            {
                try
                {
                    options.SecurityGroupId = await group.SecurityGroupIdAsync(cloud, ct).ConfigureAwait(false);
                }
                catch (OpenStackException ex) when (ex is NameNotFoundException || ex is ResourceNotFoundException)
                {
                    failures.Add(ex);
                    yield break;
                }
                onFound();
            }
            await foreach (var rule in cloud.Network.ListSecurityGroupRulesAsync(options, ct).ConfigureAwait(false))
                yield return rule;
        }
    }
}
