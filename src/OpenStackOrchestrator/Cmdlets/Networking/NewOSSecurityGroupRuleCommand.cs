using System;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>New-OSSecurityGroupRule: adds a rule to security groups: by default ingress, IPv4, from anywhere, TCP when
    /// a port is given and every protocol otherwise (Get-OSSecurityGroup web | New-OSSecurityGroupRule -Port 443).</summary>
    [Cmdlet(VerbsCommon.New, "OSSecurityGroupRule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SecurityGroupRule))]
    public sealed class NewOSSecurityGroupRuleCommand : NeutronCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(SecurityGroupNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? SecurityGroup { get; set; }

        [Parameter]
        [ValidateSet("Ingress", "Egress")]
        public string Direction { get; set; } = "Ingress";

        /// <summary>Without it: tcp when -Port or -PortRange is given, else any.</summary>
        [Parameter]
        [ValidateSet("tcp", "udp", "icmp", "any")]
        public string? Protocol { get; set; }

        [Parameter]
        [ValidateRange(1, 65535)]
        public int Port { get; set; }

        /// <summary>"first-last", e.g. 8000-8100.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? PortRange { get; set; }

        /// <summary>Where the traffic may come from (ingress) or go to (egress), e.g. 203.0.113.0/24; without it and
        /// without -RemoteGroup, anywhere.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? RemoteIPPrefix { get; set; }

        /// <summary>The traffic of the ports in this group (name, id or object).</summary>
        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(SecurityGroupNameCompleter))]
        [ValidateNotNull]
        public ResourceReference? RemoteGroup { get; set; }

        /// <summary>Without it: IPv6 when -RemoteIPPrefix is an IPv6 range, else IPv4.</summary>
        [Parameter]
        [ValidateSet("IPv4", "IPv6")]
        public string? EtherType { get; set; }

        [Parameter]
        public string? Description { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var group in SecurityGroup!)
            {
                var cloud = group.Cloud ?? TargetCloud();
                if (cloud == null)
                    continue;
                Act(group.ToString(), () =>
                {
                    var request = BuildRequest();
                    if (!ShouldProcessResolved(group.ToString(), async ct =>
                        {
                            await group.SecurityGroupIdAsync(cloud, ct).ConfigureAwait(false);
                            if (RemoteGroup != null)
                                await RemoteGroup.SecurityGroupIdAsync(cloud, ct).ConfigureAwait(false);
                        }, $"{group} on {cloud.Name}", $"Add rule {Describe(request)}"))
                        return;
                    WriteTyped(Run(async ct =>
                    {
                        request.SecurityGroupId = await group.SecurityGroupIdAsync(cloud, ct).ConfigureAwait(false);
                        if (RemoteGroup != null)
                            request.RemoteGroupId = await RemoteGroup.SecurityGroupIdAsync(cloud, ct).ConfigureAwait(false);
                        return await cloud.Network.CreateSecurityGroupRuleAsync(request, ct).ConfigureAwait(false);
                    }));
                });
            }
        }

        private SecurityGroupRuleCreateRequest BuildRequest()
        {
            var hasPort = IsBound(nameof(Port)) || PortRange != null;
            if (IsBound(nameof(Port)) && PortRange != null)
                throw new ArgumentException("-Port and -PortRange contradict each other: give one.");
            if (RemoteIPPrefix != null && RemoteGroup != null)
                throw new ArgumentException("-RemoteIPPrefix and -RemoteGroup contradict each other: give one.");
            var protocol = Protocol ?? (hasPort ? "tcp" : "any");
            if (hasPort && protocol != "tcp" && protocol != "udp")
                throw new ArgumentException($"Ports apply to tcp and udp; -Protocol is {protocol}.");
            var range = PortRange != null ? NetworkArguments.PortRange(PortRange) : (Port, Port);
            return new SecurityGroupRuleCreateRequest
            {
                Direction = Direction.ToLowerInvariant(),
                Protocol = protocol == "any" ? null : protocol,
                PortRangeMin = hasPort ? range.Item1 : (int?)null,
                PortRangeMax = hasPort ? range.Item2 : (int?)null,
                RemoteIPPrefix = RemoteIPPrefix,
                EtherType = EtherType ?? (RemoteIPPrefix != null && RemoteIPPrefix.Contains(":") ? "IPv6" : "IPv4"),
                Description = Description,
            };
        }

        private string Describe(SecurityGroupRuleCreateRequest r) =>
            $"{r.Direction} {r.EtherType} {r.Protocol ?? "any"} " +
            (r.PortRangeMin == null ? "any port" : r.PortRangeMin == r.PortRangeMax ? $"port {r.PortRangeMin}" : $"ports {r.PortRangeMin}-{r.PortRangeMax}") +
            $" {(r.Direction == "egress" ? "to" : "from")} {(RemoteGroup != null ? "group " + RemoteGroup : r.RemoteIPPrefix ?? "anywhere")}";
    }
}
