using System;
using System.Management.Automation;
using System.Net;
using System.Security;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.ObjectStorage
{
    /// <summary>Get-OSObjectTempUrl: temporary URLs of objects, which work without a token until they expire (Swift's
    /// tempurl, signed with HMAC-SHA256). The key is -TempUrlKey, else the container's, else the account's.</summary>
    [Cmdlet(VerbsCommon.Get, "OSObjectTempUrl", DefaultParameterSetName = NameSet)]
    [OutputType(typeof(string))]
    public sealed class GetOSObjectTempUrlCommand : OSObjectCmdlet
    {
        /// <summary>How long the URL works.</summary>
        [Parameter]
        public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);

        /// <summary>What the URL allows: GET (download) by default, PUT to let someone upload the object.</summary>
        [Parameter]
        [ValidateSet("GET", "HEAD", "PUT", "POST", "DELETE")]
        public string Method { get; set; } = "GET";

        [Parameter]
        [ValidateNotNull]
        public SecureString? TempUrlKey { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (Lifetime <= TimeSpan.Zero)
                ThrowTerminatingError(new ErrorRecord(new PSArgumentOutOfRangeException(nameof(Lifetime), Lifetime, "-Lifetime must be positive."),
                    "InvalidLifetime", ErrorCategory.InvalidArgument, Lifetime));
        }

        protected override void ProcessRecord()
        {
            var key = TempUrlKey == null ? null : new NetworkCredential("", TempUrlKey).Password;
            var expires = DateTimeOffset.UtcNow + Lifetime;
            foreach (var target in Targets())
                Try(target, () => WriteObject(Run(ct => target.Cloud.ObjectStorage.CreateTempUrlAsync(target.Container, target.Name, Method, expires, key, ct))));
        }
    }
}
