using System.Collections.Generic;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Get-OSSecurityGroupRule: the rules of security groups (or every rule), filtered server-side by
    /// direction, protocol and ether type. Rules have no name: the groups are the positional and pipeline parameter.</summary>
    [Cmdlet(VerbsCommon.Get, "OSSecurityGroupRule", DefaultParameterSetName = "Group", SupportsPaging = true)]
    [OutputType(typeof(SecurityGroupRule))]
    public sealed class GetOSSecurityGroupRuleCommand : OSResourceQueryCmdlet<SecurityGroupRule>
    {
        private ResourceReference? _group;
        private bool _groupFound;
        private readonly List<OpenStackException> _failures = new List<OpenStackException>();

        protected override ResourceDefinition<SecurityGroupRule> Definition => SecurityGroupRule.Definition;

        /// <summary>The groups whose rules to get (name, id or object); without it, every rule the user can see.</summary>
        [Parameter(ParameterSetName = "Group", Position = 0, ValueFromPipeline = true)]
        [FilterReferenceTransformation(typeof(Client.Networking.SecurityGroup))]
        [ArgumentCompleter(typeof(SecurityGroupNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? SecurityGroup { get; set; }

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
            if (SecurityGroup == null)
            {
                base.ProcessRecord();
                return;
            }
            foreach (var group in SecurityGroup)
            {
                _group = group;
                _groupFound = false;
                _failures.Clear();
                InCloud(group.Cloud, base.ProcessRecord);
                if (!_groupFound)
                    foreach (var failure in _failures)
                        WriteFailure(failure, group.ToString());
            }
            _group = null;
        }

        protected override bool Filter(ListQuery query)
        {
            query.Filter("Direction", Direction?.ToLowerInvariant()).Filter("Protocol", Protocol).Filter("EtherType", EtherType);
            return true;
        }

        /// <summary>A group given by name that a cloud does not have is no error as long as another cloud has it. A group
        /// given by id is listed at once: reading the group first costs as much as its rules (Neutron loads them all,
        /// even for fields=id); only an empty list makes it look the group up (a missing group, or a name shaped like an id).</summary>
        protected override async IAsyncEnumerable<SecurityGroupRule> ListAsync(CloudConnection cloud, ListQuery query, [EnumeratorCancellation] CancellationToken ct)
        {
            if (_group == null)
            {
                await foreach (var rule in base.ListAsync(cloud, query, ct).ConfigureAwait(false))
                    yield return rule;
                yield break;
            }
            var listed = _group.Id == null && System.Guid.TryParse(_group.Text, out _) ? _group.Text : null;
            if (listed != null)
            {
                var any = false;
                await foreach (var rule in base.ListAsync(cloud, query.Filter("SecurityGroupId", listed), ct).ConfigureAwait(false))
                {
                    any = _groupFound = true;
                    yield return rule;
                }
                if (any)
                    yield break;
            }
            string id;
            try
            {
                id = await _group.SecurityGroupIdAsync(cloud, ct).ConfigureAwait(false);
            }
            catch (OpenStackException ex) when (ex is NameNotFoundException || ex is ResourceNotFoundException)
            {
                lock (_failures) _failures.Add(ex);
                yield break;
            }
            _groupFound = true;
            if (id == listed)
                yield break;
            await foreach (var rule in base.ListAsync(cloud, query.Filter("SecurityGroupId", id), ct).ConfigureAwait(false))
                yield return rule;
        }
    }
}
