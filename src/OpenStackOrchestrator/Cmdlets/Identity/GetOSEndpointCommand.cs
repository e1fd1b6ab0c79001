using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resolution;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Identity
{
    /// <summary>Get-OSEndpoint: the endpoints of the Keystone catalog with their service's name and type (admin), filtered
    /// by -Service (a name, a type or an id; wildcards), -Interface and -Region. Get-OSService x | Get-OSEndpoint works too.</summary>
    [Cmdlet(VerbsCommon.Get, "OSEndpoint", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Endpoint))]
    public sealed class GetOSEndpointCommand : OSResourceQueryCmdlet<Endpoint>
    {
        private WildcardPattern[]? _services;

        protected override ResourceDefinition<Endpoint> Definition => Endpoint.Definition;

        /// <summary>Only the endpoints of these services: names (nova), types (compute) or ids; wildcards allowed.</summary>
        [Parameter(ParameterSetName = "Name", Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Service { get; set; }

        [Parameter(ParameterSetName = "Name")]
        [ValidateSet("public", "internal", "admin")]
        public string? Interface { get; set; }

        /// <summary>Only the endpoints of this region (its id: RegionOne).</summary>
        [Parameter(ParameterSetName = "Name")]
        [ValidateNotNullOrEmpty]
        public string? Region { get; set; }

        /// <summary>Services from Get-OSService: their endpoints.</summary>
        [Parameter(ParameterSetName = "Name", ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject? InputObject { get; set; }

        protected override PSObject? Input => InputObject;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _services = Service?.Select(s => NameFilter.Checked(s, nameof(Service))).ToArray();
        }

        protected override bool Filter(ListQuery query)
        {
            query.Filter("Interface", Interface?.ToLowerInvariant()).Filter("Region", Region);
            return true;
        }

        protected override Func<Endpoint, bool>? ClientSideFilter => _services == null ? null : (Func<Endpoint, bool>)(e =>
            _services.Any(p => p.IsMatch(e.ServiceId) || (e.ServiceName != null && p.IsMatch(e.ServiceName)) || (e.ServiceType != null && p.IsMatch(e.ServiceType))));

        protected override async IAsyncEnumerable<Endpoint> ListAsync(CloudConnection cloud, ListQuery query, [EnumeratorCancellation] CancellationToken ct)
        {
            var services = await ServicesAsync(cloud, ct).ConfigureAwait(false);
            await foreach (var endpoint in base.ListAsync(cloud, query, ct).ConfigureAwait(false))
                yield return Named(endpoint, services);
        }

        protected override async Task<Endpoint> GetAsync(CloudConnection cloud, string id, CancellationToken ct)
        {
            var endpoint = await base.GetAsync(cloud, id, ct).ConfigureAwait(false);
            return Named(endpoint, await ServicesAsync(cloud, ct).ConfigureAwait(false));
        }

        private static async Task<Dictionary<string, Client.Identity.Service>> ServicesAsync(CloudConnection cloud, CancellationToken ct) =>
            (await NameResolver.ToListAsync(cloud.ListResourcesAsync(Client.Identity.Service.Definition, new ListQuery(), ct)).ConfigureAwait(false))
                .GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First());

        private static Endpoint Named(Endpoint endpoint, Dictionary<string, Client.Identity.Service> services)
        {
            if (services.TryGetValue(endpoint.ServiceId, out var service))
            {
                endpoint.ServiceName = service.Name;
                endpoint.ServiceType = service.Type;
            }
            return endpoint;
        }
    }
}
