using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Identity
{
    /// <summary>The id on a cloud of the identity resource a reference names: an object's own id when it came from that
    /// cloud, else the text resolved (id first, then exact name).</summary>
    internal static class IdentityReferences
    {
        public static Task<string> DomainIdAsync(this ResourceReference r, CloudConnection cloud, CancellationToken ct) =>
            r.IdOnAsync(cloud, Domain.Definition, ct);

        /// <summary>As everywhere in the module a project is named (ProjectLookup: the connection's own project, an id, a name).</summary>
        public static Task<string> ProjectIdAsync(this ResourceReference r, CloudConnection cloud, CancellationToken ct) =>
            r.ResolveIdAsync(cloud, cloud.ResolveProjectIdAsync, ct);

        public static Task<string> UserIdAsync(this ResourceReference r, CloudConnection cloud, CancellationToken ct) =>
            r.IdOnAsync(cloud, User.Definition, ct);

        public static Task<string> GroupIdAsync(this ResourceReference r, CloudConnection cloud, CancellationToken ct) =>
            r.IdOnAsync(cloud, Group.Definition, ct);

        /// <summary>The id of an optional reference (null stays null).</summary>
        public static async Task<string?> OptionalAsync(this ResourceReference? r, CloudConnection cloud,
            System.Func<ResourceReference, CloudConnection, CancellationToken, Task<string>> resolve, CancellationToken ct) =>
            r == null ? null : await resolve(r, cloud, ct).ConfigureAwait(false);
    }
}
