using System;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Completion;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>Base of cmdlets that act on servers given by name, id or object (also from the pipeline): each
    /// server is acted on by a task on the cloud it came from.</summary>
    public abstract class ServerActionCmdlet : OSTaskCmdlet
    {
        private static readonly Regex VmState = new Regex(@"\bvm_state (\w+)", RegexOptions.CultureInvariant);

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ServerNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? VM { get; set; }

        /// <summary>The operation as ShouldProcess shows it, e.g. "Stop server".</summary>
        protected abstract string Operation { get; }

        protected abstract Task<object?> PerformAsync(CloudConnection cloud, string serverId, OSTask task, CancellationToken ct);

        /// <summary>Resolves the cmdlet's other references (an image, a flavor...) before ShouldProcess.</summary>
        protected virtual Task ResolveArgumentsAsync(CloudConnection cloud, CancellationToken ct) => Task.CompletedTask;

        /// <summary>Resolves what depends on the server itself (a flavor that fits it) before ShouldProcess.</summary>
        protected virtual Task ResolveArgumentsAsync(CloudConnection cloud, string serverId, CancellationToken ct) => ResolveArgumentsAsync(cloud, ct);

        /// <summary>The operation ShouldProcess shows for this server, once its arguments are resolved.</summary>
        protected virtual string OperationOn(CloudConnection cloud, string serverId) => Operation;

        /// <summary>Non-null when this server needs nothing done (the cmdlet said why, -Verbose): it is written as it is.</summary>
        protected virtual object? NothingToDo(CloudConnection cloud, string serverId) => null;

        protected override void ProcessRecord()
        {
            foreach (var reference in VM!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null)
                    continue;
                string? serverId = null;
                async Task Resolve(CancellationToken ct)
                {
                    var id = await ServerIdAsync(reference, cloud, ct).ConfigureAwait(false);
                    await ResolveArgumentsAsync(cloud, id, ct).ConfigureAwait(false);
                    serverId = id;
                }
                // As ShouldProcessResolved: what does not resolve is the error the real run would give, before any prompt.
                Try(reference.ToString(), () => Run(Resolve));
                if (serverId == null)
                    continue;
                var unchanged = NothingToDo(cloud, serverId);
                if (unchanged != null)
                {
                    WriteObject(Typed(unchanged));
                    continue;
                }
                if (!ShouldProcess($"{reference} on {cloud.Name}", OperationOn(cloud, serverId)))
                    continue;
                Launch(MyInvocation.MyCommand.Name, reference.ToString(), cloud, async (task, ct) =>
                    await PerformAsync(cloud, await ServerIdAsync(reference, cloud, ct).ConfigureAwait(false), task, ct).ConfigureAwait(false));
            }
        }

        private static Task<string> ServerIdAsync(ResourceReference reference, CloudConnection cloud, CancellationToken ct) =>
            reference.IdOnAsync(cloud, Client.Compute.Server.Definition, ct);

        protected static Task<Client.Compute.Server> WaitForAsync(CloudConnection cloud, string id, OSTask task, CancellationToken ct, params string[] statuses) =>
            cloud.Compute.WaitForServerStatusAsync(id, statuses, s => ServerProgress.Report(task, s), ct);

        /// <summary>Sends a power action to a server that is not yet in the state it leads to (<paramref name="state"/>,
        /// e.g. "stopped"). Nova's 409 "... while it is in vm_state stopped" (the server got there meanwhile) is the same
        /// ServerAlreadyInState error as the check before sending.</summary>
        protected static async Task SendPowerActionAsync(CloudConnection cloud, Client.Compute.Server server, string action, object? argument,
            string state, CancellationToken ct, params string[] vmStates)
        {
            try
            {
                await cloud.Compute.ServerActionAsync(server.Id, action, argument, ct).ConfigureAwait(false);
            }
            catch (ConflictException conflict) when (VmState.Match(conflict.ServiceMessage ?? conflict.Message) is { Success: true } match
                                                     && vmStates.Contains(match.Groups[1].Value, StringComparer.OrdinalIgnoreCase))
            {
                var now = await cloud.Compute.GetServerAsync(server.Id, ct).ConfigureAwait(false);
                throw new ServerAlreadyInStateException(now, state, conflict);
            }
        }
    }
}
