using System.Collections.Generic;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Cmdlets.Networking;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Identity
{
    /// <summary>Get-OSGroup: Keystone groups by name (wildcards) or id, filtered server-side by domain; a domain piped in
    /// is a filter too (Get-OSDomain x | Get-OSGroup).</summary>
    [Cmdlet(VerbsCommon.Get, "OSGroup", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Group))]
    public sealed class GetOSGroupCommand : OSResourceGetCmdlet<Group>
    {
        protected override ResourceDefinition<Group> Definition => Group.Definition;

        /// <summary>Only the groups of this domain.</summary>
        [Parameter(ParameterSetName = "Name")]
        [FilterReferenceTransformation(typeof(Domain))]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<Domain>))]
        public ResourceReference? Domain { get; set; }

        protected override bool Filter(ListQuery query)
        {
            if (Domain == null || !query.Filters.ContainsKey("DomainId"))
                return true;
            WriteError(new ErrorRecord(new System.ArgumentException("A domain came from the pipeline and -Domain was given too: give one of them."),
                "InvalidPipelineInput", ErrorCategory.InvalidArgument, InputObject));
            return false;
        }

        protected override void ProcessRecord() => InCloud(InputObject == null ? Domain?.Cloud : null, base.ProcessRecord);

        protected override async IAsyncEnumerable<Group> ListAsync(CloudConnection cloud, ListQuery query, [EnumeratorCancellation] CancellationToken ct)
        {
            if (Domain != null)
                query.Filter("DomainId", await Domain.DomainIdAsync(cloud, ct).ConfigureAwait(false));
            await foreach (var group in base.ListAsync(cloud, query, ct).ConfigureAwait(false))
                yield return group;
        }
    }
}
