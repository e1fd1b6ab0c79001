using System.Management.Automation;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Get-OSSecurityGroup: security groups, with their rules, by name (wildcards) or id.</summary>
    [Cmdlet(VerbsCommon.Get, "OSSecurityGroup", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(SecurityGroup))]
    public sealed class GetOSSecurityGroupCommand : OSGetCmdlet
    {
        [Parameter(ParameterSetName = "Name", Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(SecurityGroupNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = "Id", Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        protected override void ProcessRecord()
        {
            if (Id != null)
            {
                WriteByIds(Id, TypeNames.SecurityGroup, (cloud, id, ct) => cloud.Network.GetSecurityGroupAsync(id, ct));
                return;
            }
            var filter = new NameFilter(Name);
            var exact = filter.SingleExactName;
            WriteMatches("security group", TypeNames.SecurityGroup, filter, filteredClientSide: !filter.IsEmpty && exact == null,
                (cloud, limit, ct) => cloud.Network.ListSecurityGroupsAsync(new SecurityGroupListOptions { Name = exact, Limit = limit }, ct), group => group.Name);
        }
    }
}
