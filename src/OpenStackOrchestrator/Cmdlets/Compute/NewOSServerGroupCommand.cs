using System.Management.Automation;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>New-OSServerGroup: a group whose servers Nova keeps together or apart (New-OSServer -ServerGroup puts
    /// servers in it). What the cloud's microversion cannot do is refused before anything is sent, -WhatIf included.</summary>
    [Cmdlet(VerbsCommon.New, "OSServerGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ServerGroup))]
    public sealed class NewOSServerGroupCommand : OSCloudCmdlet, IResourceCmdlet
    {
        IResourceDefinition IResourceCmdlet.Resource => ServerGroup.Definition;

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateSet(nameof(ServerGroupPolicy.Affinity), nameof(ServerGroupPolicy.AntiAffinity), nameof(ServerGroupPolicy.SoftAffinity),
            nameof(ServerGroupPolicy.SoftAntiAffinity), IgnoreCase = true)]
        public ServerGroupPolicy Policy { get; set; }

        /// <summary>AntiAffinity only: how many of the group's servers one host may run (Nova's max_server_per_host rule).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? MaxServerPerHost { get; set; }

        protected override void ProcessRecord()
        {
            var cloud = TargetCloud();
            if (cloud == null || !ShouldProcessResolved(Name, ct => ServerGroup.RequestAsync(cloud, Name!, Policy, MaxServerPerHost, ct),
                    $"{Name} ({Policy}) on {cloud.Name}", "Create server group"))
                return;
            Try(Name, () => WriteTyped(Run(ct => ServerGroup.CreateAsync(cloud, Name!, Policy, MaxServerPerHost, ct)), ServerGroup.Definition.TypeName));
        }
    }
}
