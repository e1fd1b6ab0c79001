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
    /// <summary>Get-OSUser: Keystone users by name (wildcards) or id, filtered server-side by domain and enabled state;
    /// a domain piped in is a filter too (Get-OSDomain x | Get-OSUser).</summary>
    [Cmdlet(VerbsCommon.Get, "OSUser", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(User))]
    public sealed class GetOSUserCommand : OSResourceGetCmdlet<User>
    {
        protected override ResourceDefinition<User> Definition => User.Definition;

        /// <summary>Only the users of this domain.</summary>
        [Parameter(ParameterSetName = "Name")]
        [FilterReferenceTransformation(typeof(Domain))]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<Domain>))]
        public ResourceReference? Domain { get; set; }

        [Parameter(ParameterSetName = "Name")]
        public SwitchParameter Enabled { get; set; }

        [Parameter(ParameterSetName = "Name")]
        public SwitchParameter Disabled { get; set; }

        protected override bool Filter(ListQuery query)
        {
            var problem = Domain != null && query.Filters.ContainsKey("DomainId") ? "A domain came from the pipeline and -Domain was given too: give one of them."
                : Enabled && Disabled ? "-Enabled and -Disabled exclude each other: give one of them." : null;
            if (problem != null)
            {
                WriteError(new ErrorRecord(new System.ArgumentException(problem), "InvalidArgument", ErrorCategory.InvalidArgument, null));
                return false;
            }
            query.Filter("Enabled", Enabled ? "true" : Disabled ? "false" : null);
            return true;
        }

        protected override void ProcessRecord() => InCloud(InputObject == null ? Domain?.Cloud : null, base.ProcessRecord);

        protected override async IAsyncEnumerable<User> ListAsync(CloudConnection cloud, ListQuery query, [EnumeratorCancellation] CancellationToken ct)
        {
            if (Domain != null)
                query.Filter("DomainId", await Domain.DomainIdAsync(cloud, ct).ConfigureAwait(false));
            await foreach (var user in base.ListAsync(cloud, query, ct).ConfigureAwait(false))
                yield return user;
        }
    }
}
