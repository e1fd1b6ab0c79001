using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using System.Runtime.CompilerServices;
using System.Threading;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Cmdlets.Networking;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Identity
{
    /// <summary>Get-OSProject: Keystone projects by name (wildcards) or id, filtered server-side by domain, parent, tags
    /// and enabled state; a domain piped in is a filter too (Get-OSDomain x | Get-OSProject).</summary>
    [Cmdlet(VerbsCommon.Get, "OSProject", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Project))]
    public sealed class GetOSProjectCommand : OSTaggedResourceGetCmdlet<Project>
    {
        protected override ResourceDefinition<Project> Definition => Project.Definition;

        /// <summary>Only the projects of this domain.</summary>
        [Parameter(ParameterSetName = "Name")]
        [FilterReferenceTransformation(typeof(Domain))]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<Domain>))]
        public ResourceReference? Domain { get; set; }

        /// <summary>Only the projects right below this one.</summary>
        [Parameter(ParameterSetName = "Name")]
        [FilterReferenceTransformation(typeof(Project))]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<Project>))]
        public ResourceReference? Parent { get; set; }

        /// <summary>Only the enabled projects.</summary>
        [Parameter(ParameterSetName = "Name")]
        public SwitchParameter Enabled { get; set; }

        /// <summary>Only the disabled projects.</summary>
        [Parameter(ParameterSetName = "Name")]
        public SwitchParameter Disabled { get; set; }

        protected override bool Filter(ListQuery query)
        {
            if (Domain != null && query.Filters.ContainsKey("DomainId"))
                return Refuse("A domain came from the pipeline and -Domain was given too: give one of them.");
            if (Enabled && Disabled)
                return Refuse("-Enabled and -Disabled exclude each other: give one of them.");
            query.Filter("Enabled", Enabled ? "true" : Disabled ? "false" : null);
            return true;
        }

        protected override void ProcessRecord()
        {
            // A -Domain/-Parent object is read in its own cloud; a piped object's cloud is the base's to choose.
            InCloud(InputObject == null ? (Parent ?? Domain)?.Cloud : null, base.ProcessRecord);
        }

        protected override async IAsyncEnumerable<Project> ListAsync(CloudConnection cloud, ListQuery query, [EnumeratorCancellation] CancellationToken ct)
        {
            if (Domain != null)
                query.Filter("DomainId", await Domain.DomainIdAsync(cloud, ct).ConfigureAwait(false));
            if (Parent != null)
                query.Filter("ParentId", await Parent.ProjectIdAsync(cloud, ct).ConfigureAwait(false));
            await foreach (var project in base.ListAsync(cloud, query, ct).ConfigureAwait(false))
                yield return project;
        }

        private bool Refuse(string message)
        {
            WriteError(new ErrorRecord(new System.ArgumentException(message), "InvalidArgument", ErrorCategory.InvalidArgument, null));
            return false;
        }
    }
}
