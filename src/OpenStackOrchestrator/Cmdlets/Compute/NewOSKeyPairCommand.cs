using System;
using System.IO;
using System.Management.Automation;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>New-OSKeyPair: generates a key pair (the private key is returned once, or saved owner-only with
    /// -PrivateKeyFile) or imports an existing public key.</summary>
    [Cmdlet(VerbsCommon.New, "OSKeyPair", DefaultParameterSetName = GenerateSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(KeyPair))]
    public sealed class NewOSKeyPairCommand : OSCloudCmdlet
    {
        private const string GenerateSet = "Generate";
        private const string PublicKeySet = "PublicKey";
        private const string PublicKeyFileSet = "PublicKeyFile";

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Where to save the generated private key (created with owner-only permissions; never overwritten).</summary>
        [Parameter(ParameterSetName = GenerateSet)]
        [ValidateNotNullOrEmpty]
        public string? PrivateKeyFile { get; set; }

        /// <summary>An OpenSSH public key line to import.</summary>
        [Parameter(ParameterSetName = PublicKeySet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? PublicKey { get; set; }

        /// <summary>A public key file to import, e.g. ~/.ssh/id_ed25519.pub.</summary>
        [Parameter(ParameterSetName = PublicKeyFileSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? PublicKeyFile { get; set; }

        protected override void ProcessRecord()
        {
            var cloud = TargetCloud();
            if (cloud == null)
                return;
            var publicKey = PublicKey;
            if (PublicKeyFile != null && (publicKey = ReadPublicKeyFile()) == null)
                return;
            if (publicKey != null && publicKey.IndexOf("PRIVATE KEY-----", StringComparison.Ordinal) >= 0)
            {
                // Refused before anything is sent: a private key must not leave this machine.
                WriteError(new ErrorRecord(new ArgumentException("This is a private key. Give the public key (the .pub file, or the line ssh-keygen -y prints)."),
                    "PrivateKeyGivenAsPublicKey", ErrorCategory.InvalidArgument, Name));
                return;
            }
            if (!ShouldProcess($"{Name} on {cloud.Name}", publicKey != null ? "Import key pair" : "Create key pair"))
                return;
            if (publicKey != null)
                Try(Name, () => WriteTyped(Run(ct => cloud.Compute.ImportKeyPairAsync(Name!, publicKey, ct))));
            else if (PrivateKeyFile != null)
                GenerateIntoFile(cloud, GetUnresolvedProviderPathFromPSPath(PrivateKeyFile));
            else
                Try(Name, () => WriteTyped(Run(ct => cloud.Compute.GenerateKeyPairAsync(Name!, ct))));
        }

        private void GenerateIntoFile(CloudConnection cloud, string path)
        {
            try
            {
                OwnerOnlyFile.Create(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is System.ComponentModel.Win32Exception)
            {
                WriteError(new ErrorRecord(ex, "PrivateKeyFileNotCreated", ErrorCategory.WriteError, path));
                return;
            }
            KeyPair? keyPair = null;
            try
            {
                Try(Name, () => keyPair = Run(ct => cloud.Compute.GenerateKeyPairAsync(Name!, ct)));
            }
            finally
            {
                if (keyPair == null)
                    File.Delete(path);
            }
            if (keyPair == null)
                return;
            try
            {
                OwnerOnlyFile.Write(path, keyPair.PrivateKey!);
                WriteTyped(keyPair.WithoutPrivateKey());
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // The key pair exists in Nova: hand the private key over rather than lose it.
                WriteError(new ErrorRecord(new IOException($"Key pair '{Name}' was created but its private key could not be written to '{path}': {ex.Message} " +
                    "The private key is in the PrivateKey property of the output.", ex), "PrivateKeyFileNotWritten", ErrorCategory.WriteError, path));
                WriteTyped(keyPair);
            }
        }

        private string? ReadPublicKeyFile()
        {
            var path = GetUnresolvedProviderPathFromPSPath(PublicKeyFile);
            if (LocalFiles.RefuseSpecial(this, path, nameof(PublicKeyFile)) is ErrorRecord special)
            {
                WriteError(special);
                return null;
            }
            try
            {
                return File.ReadAllText(path).Trim();
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteError(new ErrorRecord(ex, "PublicKeyFileNotRead", ex is FileNotFoundException ? ErrorCategory.ObjectNotFound : ErrorCategory.ReadError, path));
                return null;
            }
        }
    }
}
