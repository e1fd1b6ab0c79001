using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resolution;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Identity
{
    /// <summary>Remove-OSProject: deletes Keystone projects. Keystone deletes only a project without child projects:
    /// one with children is refused (under -WhatIf too) with their names. What the project owns (servers, volumes,
    /// networks) is not deleted with it: remove that first.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSProjectCommand : OSResourceRemoveCmdlet<Project>
    {
        protected override ResourceDefinition<Project> Definition => Client.Identity.Project.Definition;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        public ResourceReference[]? Project { get; set; }

        protected override void ProcessRecord() => RemoveEach(Project!);

        protected override async Task CheckAsync(CloudConnection cloud, string id, CancellationToken cancellationToken)
        {
            var children = await NameResolver.ToListAsync(Client.Identity.Project.ListChildrenAsync(cloud, id, cancellationToken)).ConfigureAwait(false);
            if (children.Count > 0)
                throw new ConflictException($"The project has child projects ({string.Join(", ", children.Select(c => c.Name))}), and Keystone deletes only " +
                    "a project without children: remove or move those first.") { Service = ServiceTypes.Identity };
        }
    }
}
