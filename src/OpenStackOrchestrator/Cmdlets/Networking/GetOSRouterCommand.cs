using System.Management.Automation;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Get-OSRouter: Neutron routers by name (wildcards) or id.</summary>
    [Cmdlet(VerbsCommon.Get, "OSRouter", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Router))]
    public sealed class GetOSRouterCommand : OSGetCmdlet
    {
        [Parameter(ParameterSetName = "Name", Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(RouterNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = "Id", Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        protected override void ProcessRecord()
        {
            if (Id != null)
            {
                WriteByIds(Id, TypeNames.Router, (cloud, id, ct) => cloud.Network.GetRouterAsync(id, ct));
                return;
            }
            var filter = new NameFilter(Name);
            var exact = filter.SingleExactName;
            WriteMatches("router", TypeNames.Router, filter, filteredClientSide: !filter.IsEmpty && exact == null,
                (cloud, limit, ct) => cloud.Network.ListRoutersAsync(new RouterListOptions { Name = exact, Limit = limit }, ct), router => router.Name);
        }
    }
}
