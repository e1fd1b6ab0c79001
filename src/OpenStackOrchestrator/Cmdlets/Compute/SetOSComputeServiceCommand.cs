using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Set-OSComputeService: disables a host's compute service (with the reason), the maintenance mode of
    /// Set-VMHost -State Maintenance: the scheduler places no new server there, and the servers on it keep running; or
    /// enables it again. Admin only. Takes host names, compute services and hypervisors (their nova-compute service).</summary>
    [Cmdlet(VerbsCommon.Set, "OSComputeService", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "DisableHost")]
    [OutputType(typeof(ComputeService))]
    public sealed class SetOSComputeServiceCommand : OSCloudCmdlet
    {
        [Parameter(ParameterSetName = "DisableHost", Mandatory = true, Position = 0)]
        [Parameter(ParameterSetName = "EnableHost", Mandatory = true, Position = 0)]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<ComputeService>))]
        [ValidateNotNullOrEmpty]
        public string[]? Host { get; set; }

        /// <summary>The service of the host to change (default nova-compute, the one the scheduler places servers by).</summary>
        [Parameter(ParameterSetName = "DisableHost")]
        [Parameter(ParameterSetName = "EnableHost")]
        [ValidateNotNullOrEmpty]
        public string Binary { get; set; } = "nova-compute";

        /// <summary>A compute service (Get-OSComputeService) or a hypervisor (Get-OSHypervisor: its compute service).</summary>
        [Parameter(ParameterSetName = "DisableInput", Mandatory = true, ValueFromPipeline = true)]
        [Parameter(ParameterSetName = "EnableInput", Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject? InputObject { get; set; }

        [Parameter(ParameterSetName = "DisableHost", Mandatory = true)]
        [Parameter(ParameterSetName = "DisableInput", Mandatory = true)]
        public SwitchParameter Disabled { get; set; }

        /// <summary>Why the service is disabled: Nova keeps it, Get-OSComputeService and Get-OSHypervisor show it, and a
        /// server asked for on the host is refused with it.</summary>
        [Parameter(ParameterSetName = "DisableHost")]
        [Parameter(ParameterSetName = "DisableInput")]
        [ValidateLength(1, 255)]
        public string? Reason { get; set; }

        [Parameter(ParameterSetName = "EnableHost", Mandatory = true)]
        [Parameter(ParameterSetName = "EnableInput", Mandatory = true)]
        public SwitchParameter Enabled { get; set; }

        protected override void ProcessRecord()
        {
            if (InputObject != null)
            {
                switch (InputObject.BaseObject)
                {
                    case ComputeService service:
                        Change(service.Cloud, service.ToString(), (c, ct) => Task.FromResult(service.Id));
                        return;
                    case Hypervisor hypervisor when hypervisor.ServiceId != null:
                        Change(hypervisor.Cloud, $"nova-compute on {hypervisor.Host ?? hypervisor.Name}", (c, ct) => Task.FromResult(hypervisor.ServiceId!));
                        return;
                    case string host:
                        ChangeHost(host);
                        return;
                    default:
                        WriteError(new ErrorRecord(new System.ArgumentException(
                            $"Set-OSComputeService takes compute services, hypervisors and host names from the pipeline, not {InputObject.BaseObject.GetType().Name} '{InputObject}'."),
                            "InvalidPipelineInput", ErrorCategory.InvalidArgument, InputObject));
                        return;
                }
            }
            foreach (var host in Host!)
                ChangeHost(host);
        }

        private void ChangeHost(string host)
        {
            var cloud = TargetCloud();
            if (cloud != null)
                Change(cloud, $"{Binary} on {host}", async (c, ct) => await ServiceIdAsync(c, host, ct).ConfigureAwait(false));
        }

        private async Task<string> ServiceIdAsync(CloudConnection cloud, string host, CancellationToken ct)
        {
            var services = await ComputeService.OfHostAsync(cloud, host, Binary, ct).ConfigureAwait(false);
            if (services.Count != 1)
                throw new Client.Errors.NameNotFoundException("compute service", $"{Binary} on {host}");
            return services[0].Id;
        }

        private void Change(CloudConnection cloud, string target, System.Func<CloudConnection, CancellationToken, Task<string>> resolve)
        {
            string? id = null;
            var action = Disabled ? "Disable" + (Reason != null ? $" ({Reason})" : "") : "Enable";
            if (!ShouldProcessResolved(target, async ct => id = await resolve(cloud, ct).ConfigureAwait(false), $"{target} on {cloud.Name}", action))
                return;
            Try(target, () => WriteTyped(Run(ct => ComputeService.SetStatusAsync(cloud, id!, Disabled, Reason, ct))));
        }
    }
}
