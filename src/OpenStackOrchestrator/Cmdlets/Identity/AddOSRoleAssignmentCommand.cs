using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resolution;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Identity
{
    /// <summary>Add-OSRoleAssignment: gives a user or a group a role on a project or a domain (admin). Giving a role that is
    /// already given changes nothing.</summary>
    [Cmdlet(VerbsCommon.Add, "OSRoleAssignment", DefaultParameterSetName = UserProject, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(RoleAssignment))]
    public sealed class AddOSRoleAssignmentCommand : RoleAssignmentCmdlet
    {
        /// <summary>Writes the assignment, read back from Keystone.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() => Change("Give role", (cloud, target) =>
        {
            Run(ct => cloud.AssignRoleAsync(target, ct));
            if (!PassThru)
                return;
            var filter = new RoleAssignmentFilter
            {
                RoleId = target.RoleId, UserId = target.UserId, GroupId = target.GroupId, ProjectId = target.ProjectId, DomainId = target.DomainId,
                Inherited = target.Inherited,
            };
            // Without -Inherited the filter matches the inherited assignment of the same scope too.
            foreach (var row in Run(ct => NameResolver.ToListAsync(cloud.ListRoleAssignmentsAsync(filter, ct))).Where(r => r.Inherited == target.Inherited))
                WriteTyped(row, TypeNames.RoleAssignment);
        });
    }
}
