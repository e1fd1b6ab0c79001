using System;
using System.Management.Automation;
using System.Net;
using System.Security;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Identity
{
    /// <summary>Set-OSUser: renames Keystone users, sets their password (an admin's reset: the old one is not asked),
    /// e-mail address, description and default project, enables or disables them.</summary>
    [Cmdlet(VerbsCommon.Set, "OSUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(User))]
    public sealed class SetOSUserCommand : OSCloudCmdlet, IResourceCmdlet
    {
        IResourceDefinition IResourceCmdlet.Resource => Client.Identity.User.Definition;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        public ResourceReference[]? User { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        [Parameter]
        [PasswordTransformation]
        [ArgumentCompleter(typeof(NoCompletion))]
        [ValidateNotNull]
        public SecureString? Password { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string? Email { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string? Description { get; set; }

        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<Project>))]
        [ValidateNotNull]
        public ResourceReference? DefaultProject { get; set; }

        [Parameter]
        public SwitchParameter Enabled { get; set; }

        [Parameter]
        public SwitchParameter Disabled { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (Enabled && Disabled)
                ThrowTerminatingError(new ErrorRecord(new ArgumentException("-Enabled and -Disabled exclude each other: give one of them."),
                    "InvalidArgument", ErrorCategory.InvalidArgument, null));
        }

        protected override void ProcessRecord()
        {
            foreach (var reference in User!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null || !ShouldProcessResolved(reference.ToString(), async ct =>
                    {
                        await reference.UserIdAsync(cloud, ct).ConfigureAwait(false);
                        await DefaultProject.OptionalAsync(cloud, IdentityReferences.ProjectIdAsync, ct).ConfigureAwait(false);
                    }, $"{reference} on {cloud.Name}", Password != null ? "Change user and set its password" : "Change user"))
                    continue;
                Try(reference.ToString(), () => WriteTyped(Run(async ct =>
                {
                    var id = await reference.UserIdAsync(cloud, ct).ConfigureAwait(false);
                    var update = new UserUpdate
                    {
                        Name = NewName, Email = Email, Description = Description, Enabled = Enabled ? true : Disabled ? false : (bool?)null,
                        DefaultProjectId = await DefaultProject.OptionalAsync(cloud, IdentityReferences.ProjectIdAsync, ct).ConfigureAwait(false),
                        Password = Password == null ? null : new NetworkCredential("", Password).Password,
                    };
                    return await Client.Identity.User.UpdateAsync(cloud, id, update, ct).ConfigureAwait(false);
                }), Client.Identity.User.Definition.TypeName));
            }
        }
    }
}
