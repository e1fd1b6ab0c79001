using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Infrastructure;

// Not "...Cmdlets.Network": inside OpenStackOrchestrator.Cmdlets that namespace would hide the Network type.
namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>The id on a cloud of what a reference names: an object's own id when it came from that cloud, else
    /// the text resolved (id first, then exact name).</summary>
    internal static class NeutronReferences
    {
        public static Task<string> NetworkIdAsync(this ResourceReference r, CloudConnection cloud, CancellationToken ct) =>
            r.IdOnAsync(cloud, Client.Networking.Network.Definition, ct);

        public static Task<string> SubnetIdAsync(this ResourceReference r, CloudConnection cloud, CancellationToken ct) =>
            r.IdOnAsync(cloud, Client.Networking.Subnet.Definition, ct);

        public static Task<string> PortIdAsync(this ResourceReference r, CloudConnection cloud, CancellationToken ct) =>
            r.IdOnAsync(cloud, Client.Networking.Port.Definition, ct);

        public static Task<string> RouterIdAsync(this ResourceReference r, CloudConnection cloud, CancellationToken ct) =>
            r.IdOnAsync(cloud, Client.Networking.Router.Definition, ct);

        /// <summary>Read without the group's rules (Neutron embeds them all in a group).</summary>
        public static Task<string> SecurityGroupIdAsync(this ResourceReference r, CloudConnection cloud, CancellationToken ct) =>
            r.ResolveIdAsync(cloud, cloud.Network.ResolveSecurityGroupIdAsync, ct);

        /// <summary>Rules have no name: text is an id.</summary>
        public static Task<string> SecurityGroupRuleIdAsync(this ResourceReference r, CloudConnection cloud, CancellationToken ct) =>
            r.ResolveIdAsync(cloud, async (id, c) => (await cloud.Network.GetSecurityGroupRuleAsync(id, c).ConfigureAwait(false)).Id, ct);

        public static Task<string> FloatingIPIdAsync(this ResourceReference r, CloudConnection cloud, CancellationToken ct) =>
            r.IdOnAsync(cloud, Client.Networking.FloatingIP.Definition, ct);

        public static Task<string> ServerIdAsync(this ResourceReference r, CloudConnection cloud, CancellationToken ct) =>
            r.IdOnAsync(cloud, Client.Compute.Server.Definition, ct);
    }
}
