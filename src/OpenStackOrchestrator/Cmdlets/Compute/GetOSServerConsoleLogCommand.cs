using System.Management.Automation;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Get-OSServerConsoleLog: the server's console output (serial log), as text lines.</summary>
    [Cmdlet(VerbsCommon.Get, "OSServerConsoleLog")]
    [OutputType(typeof(string))]
    public sealed class GetOSServerConsoleLogCommand : OSCloudCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ServerNameCompleter))]
        public ResourceReference[]? VM { get; set; }

        /// <summary>Only the last N lines.</summary>
        [Parameter]
        [ValidateRange(1, 100000)]
        public int Tail { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var reference in VM!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null)
                    continue;
                Try(reference.ToString(), () =>
                {
                    var output = Run(async ct =>
                    {
                        var id = await reference.IdOnAsync(cloud, Client.Compute.Server.Definition, ct).ConfigureAwait(false);
                        return await cloud.Compute.GetConsoleOutputAsync(id, Tail > 0 ? Tail : (int?)null, ct).ConfigureAwait(false);
                    });
                    foreach (var line in output.Replace("\r\n", "\n").TrimEnd('\n').Split('\n'))
                        WriteObject(line);
                });
            }
        }
    }
}
