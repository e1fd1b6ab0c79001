using System;
using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Get-OSServerEvent: the history of servers (Nova instance actions with their events), newest first, as
    /// PowerCLI's Get-VIEvent -Entity.</summary>
    [Cmdlet(VerbsCommon.Get, "OSServerEvent")]
    [OutputType(typeof(ServerEvent))]
    public sealed class GetOSServerEventCommand : OSCloudCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ServerNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? VM { get; set; }

        /// <summary>Only actions changed since then (Nova changes-since, compute API 2.58+).</summary>
        [Parameter]
        public DateTime? Start { get; set; }

        /// <summary>Only these actions (create, stop, resize...); wildcards allowed.</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Action { get; set; }

        protected override void ProcessRecord()
        {
            var patterns = Action?.Select(a => NameFilter.Checked(a, nameof(Action))).ToList();
            foreach (var reference in VM!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null)
                    continue;
                Try(reference.ToString(), () =>
                {
                    var events = Run(async ct =>
                    {
                        var server = await cloud.Compute.GetServerAsync(await reference.IdOnAsync(cloud, Server.Definition, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
                        return await cloud.Compute.ListServerEventsAsync(server, Start, ct).ConfigureAwait(false);
                    });
                    foreach (var e in events)
                        if (patterns == null || patterns.Any(p => p.IsMatch(e.Action)))
                            WriteTyped(e);
                });
            }
        }
    }
}
