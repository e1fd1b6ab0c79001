using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Security;
using OpenStackOrchestrator.Client.Config;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Identity
{
    /// <summary>New-OSApplicationCredential: a Keystone application credential of the connected user, for scripts that
    /// must not hold the user's password. -SaveAs writes it as a cloud of clouds.yaml (the secret into the owner-only
    /// secure.yaml), which Connect-OSCloud and openstack --os-cloud use unattended; without it, the secret comes back
    /// once, as the SecureString property Secret.</summary>
    [Cmdlet(VerbsCommon.New, "OSApplicationCredential", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ApplicationCredential))]
    public sealed class NewOSApplicationCredentialCommand : OSCloudCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        public string? Description { get; set; }

        /// <summary>The roles (names or ids) the credential's tokens carry; default: all of the user's roles on the project.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Role { get; set; }

        /// <summary>When the credential stops working; default: never.</summary>
        [Parameter]
        public DateTime? ExpiresAt { get; set; }

        /// <summary>Lets the credential create further application credentials and trusts (Keystone refuses that by default).</summary>
        [Parameter]
        public SwitchParameter Unrestricted { get; set; }

        /// <summary>Saves the credential as this cloud in clouds.yaml, its secret in secure.yaml.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SaveAs { get; set; }

        /// <summary>With -SaveAs: replaces a saved cloud of that name.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var cloud = TargetCloud();
            if (cloud == null)
                return;
            SavedCloudFiles? files = null;
            if (SaveAs != null)
            {
                // Checked before Keystone makes the credential, so that a refusal leaves nothing behind.
                try
                {
                    files = SavedClouds.Locate(this);
                    if (!Force)
                        files.EnsureFree(SaveAs);
                }
                catch (OpenStackException ex)
                {
                    WriteError(SavedClouds.Error(ex, SaveAs));
                    return;
                }
            }
            var action = files == null ? "Create application credential" : $"Create application credential and save it as cloud '{SaveAs}' in {files.CloudsFile}";
            if (!ShouldProcess($"{Name} on {cloud.Name}", action))
                return;
            var request = new ApplicationCredentialCreateRequest
            {
                Name = Name!,
                Description = Description,
                ExpiresAt = ExpiresAt?.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
                Roles = Role?.Select(ApplicationCredentialClient.Role).ToList(),
                Unrestricted = Unrestricted ? true : (bool?)null,
            };
            Try(Name, () =>
            {
                var credential = Run(ct => cloud.CreateApplicationCredentialAsync(request, ct));
                var secret = credential.Secret ?? throw new InvalidResponseException($"Keystone created application credential '{credential.Name}' ({credential.Id}) but sent no secret.");
                if (files != null)
                {
                    var (settings, secrets) = SavedClouds.ApplicationCredential(cloud, credential.Id, secret);
                    if (!SavedClouds.TrySave(this, files, SaveAs!, settings, secrets, Force))
                    {
                        WriteVerbose($"Deleting application credential {credential.Id} again: it could not be saved.");
                        Run(ct => cloud.DeleteApplicationCredentialAsync(credential.Id, ct));
                        return;
                    }
                    WriteTyped(credential, ApplicationCredential.Definition.TypeName);
                    return;
                }
                var output = PSObject.AsPSObject(credential);
                output.Properties.Add(new PSNoteProperty("Secret", Secure(secret)));
                WriteTyped(output, ApplicationCredential.Definition.TypeName);
            });
        }

        private static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (var c in text)
                secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
