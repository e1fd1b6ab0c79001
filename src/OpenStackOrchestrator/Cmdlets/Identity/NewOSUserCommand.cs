using System.Management.Automation;
using System.Net;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Identity
{
    /// <summary>New-OSUser: a Keystone user, with a password from -Password (a SecureString) or -Credential (name and
    /// password). The password is read from its SecureString only into the request body, which -Debug shows redacted;
    /// it is in no output, message or -WhatIf text.</summary>
    [Cmdlet(VerbsCommon.New, "OSUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = NameSet)]
    [OutputType(typeof(User))]
    public sealed class NewOSUserCommand : OSCloudCmdlet, IResourceCmdlet
    {
        private const string NameSet = "Name";
        private const string CredentialSet = "Credential";

        IResourceDefinition IResourceCmdlet.Resource => User.Definition;

        [Parameter(ParameterSetName = NameSet, Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>A SecureString (Read-Host -AsSecureString); a plain string is made one as it binds.</summary>
        [Parameter(ParameterSetName = NameSet)]
        [PasswordTransformation]
        [ArgumentCompleter(typeof(NoCompletion))]
        public SecureString? Password { get; set; }

        /// <summary>The user name and password at once (Get-Credential).</summary>
        [Parameter(ParameterSetName = CredentialSet, Mandatory = true, Position = 0)]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<Domain>))]
        [ValidateNotNull]
        public ResourceReference? Domain { get; set; }

        /// <summary>The project the user's tokens are for when the user names none.</summary>
        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<Project>))]
        [ValidateNotNull]
        public ResourceReference? DefaultProject { get; set; }

        [Parameter]
        public string? Email { get; set; }

        [Parameter]
        public string? Description { get; set; }

        [Parameter]
        public SwitchParameter Disabled { get; set; }

        private string UserName => Credential?.UserName ?? Name!;

        protected override void ProcessRecord()
        {
            var cloud = TargetCloud();
            var where = Domain != null ? $" in domain {Domain}" : "";
            if (cloud == null || !ShouldProcessResolved(UserName, ct => ResolveAsync(cloud, ct), $"{UserName}{where} on {cloud.Name}", "Create user"))
                return;
            Try(UserName, () => WriteTyped(Run(async ct =>
            {
                var (domainId, projectId) = await ResolveAsync(cloud, ct).ConfigureAwait(false);
                var secret = Credential?.Password ?? Password;
                var request = new UserCreateRequest
                {
                    Name = UserName, Password = secret == null ? null : new NetworkCredential("", secret).Password, DomainId = domainId,
                    DefaultProjectId = projectId, Email = Email, Description = Description, Enabled = !Disabled,
                };
                return await User.CreateAsync(cloud, request, ct).ConfigureAwait(false);
            }), User.Definition.TypeName));
        }

        private async Task<(string? DomainId, string? ProjectId)> ResolveAsync(CloudConnection cloud, CancellationToken ct) =>
            (await Domain.OptionalAsync(cloud, IdentityReferences.DomainIdAsync, ct).ConfigureAwait(false),
             await DefaultProject.OptionalAsync(cloud, IdentityReferences.ProjectIdAsync, ct).ConfigureAwait(false));
    }
}
