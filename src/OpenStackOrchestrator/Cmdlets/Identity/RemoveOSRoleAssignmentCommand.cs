using System.Management.Automation;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Identity
{
    /// <summary>Remove-OSRoleAssignment: takes a role away from a user or a group on a project or a domain (admin), named
    /// by parameters or piped from Get-OSRoleAssignment.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSRoleAssignment", DefaultParameterSetName = UserProject, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSRoleAssignmentCommand : RoleAssignmentCmdlet
    {
        /// <summary>Assignments from Get-OSRoleAssignment (each is removed on the cloud it came from).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = "InputObject")]
        [ValidateNotNull]
        public RoleAssignment[]? InputObject { get; set; }

        protected override void ProcessRecord()
        {
            if (InputObject == null)
            {
                Change("Take away role", (cloud, target) => Run(ct => cloud.UnassignRoleAsync(target, ct)));
                return;
            }
            foreach (var assignment in InputObject)
            {
                if (NotRemovable(assignment) is string why)
                {
                    WriteError(new ErrorRecord(new BadRequestException($"'{assignment}' cannot be removed: {why}"), "NotAnAssignment",
                        ErrorCategory.InvalidArgument, assignment));
                    continue;
                }
                var target = new RoleAssignmentTarget
                {
                    RoleId = assignment.RoleId, UserId = assignment.UserId, GroupId = assignment.GroupId,
                    ProjectId = assignment.ProjectId, DomainId = assignment.DomainId, Inherited = assignment.Inherited,
                };
                if (ShouldProcess($"{assignment} on {assignment.Cloud.Name}", "Take away role"))
                    Try(assignment, () => Run(ct => assignment.Cloud.UnassignRoleAsync(target, ct)));
            }
        }

        private static string? NotRemovable(RoleAssignment assignment)
        {
            if (assignment.ViaGroupId != null)
                return $"the user has it as a member of group {assignment.ViaGroupId}. Remove the group's assignment (Get-OSRoleAssignment -Group {assignment.ViaGroupId}), or the user from the group.";
            if (assignment.ImpliedByRoleId != null)
                return $"role {assignment.ImpliedByRoleId} implies it. Remove the assignment of that role.";
            if (!assignment.IsDirect)
                return "it is inherited from an assignment on a domain or a project above. Remove that one (Get-OSRoleAssignment -Inherited).";
            if (assignment.System)
                return "it is a system-wide assignment, which this cmdlet does not change.";
            return null;
        }
    }
}
