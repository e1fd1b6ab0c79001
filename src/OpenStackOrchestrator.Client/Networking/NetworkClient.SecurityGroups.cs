using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Resolution;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>Security groups and their rules, through the declared <see cref="SecurityGroup.Definition"/> and
    /// <see cref="SecurityGroupRule.Definition"/>.</summary>
    public sealed partial class NetworkClient
    {
        /// <summary>?fields=id&amp;fields=name: a lookup that needs no more.</summary>
        private static readonly IReadOnlyList<string> IdAndName = SecurityGroup.Definition.FieldsOf(Array.Empty<string>());

        public IAsyncEnumerable<SecurityGroup> ListSecurityGroupsAsync(SecurityGroupListOptions options, CancellationToken cancellationToken = default) =>
            _cloud.ListResourcesAsync(SecurityGroup.Definition, Query(options.Name, options.Limit), cancellationToken);

        public Task<SecurityGroup> GetSecurityGroupAsync(string id, CancellationToken cancellationToken) =>
            _cloud.GetResourceAsync(SecurityGroup.Definition, id, cancellationToken);

        /// <summary>Names are not unique ("default" exists in every project; an admin sees them all): several matches
        /// are an AmbiguousNameException listing the ids.</summary>
        public Task<SecurityGroup> ResolveSecurityGroupAsync(string nameOrId, CancellationToken cancellationToken) =>
            _cloud.ResolveResourceAsync(SecurityGroup.Definition, nameOrId, cancellationToken);

        /// <summary>The id of the group a name or id names, read without the group's rules: Neutron embeds every rule in a
        /// group, so a lookup of a group of 2,000 rules would otherwise cost as much as listing them.</summary>
        public async Task<string> ResolveSecurityGroupIdAsync(string nameOrId, CancellationToken cancellationToken) =>
            (await NameResolver.ResolveOneAsync(SecurityGroup.Definition.Kind, nameOrId,
                (id, ct) => _cloud.GetResourceAsync(SecurityGroup.Definition, id, ct, IdAndName),
                (name, ct) => NameResolver.ToListAsync(_cloud.ListResourcesAsync(SecurityGroup.Definition, new ListQuery { Name = name, Fields = IdAndName }, ct)),
                g => g.Id, g => g.Name, cancellationToken).ConfigureAwait(false)).Id;

        /// <summary>Neutron gives a new group two egress rules (everything out, IPv4 and IPv6).</summary>
        public Task<SecurityGroup> CreateSecurityGroupAsync(string name, string? description, CancellationToken cancellationToken) =>
            _cloud.CreateResourceAsync(SecurityGroup.Definition, new SecurityGroupCreateRequest { Name = name, Description = description },
                NetworkingJson.Default.SecurityGroupCreateRequest, cancellationToken);

        /// <summary>Neutron refuses (409) while ports use the group.</summary>
        public Task DeleteSecurityGroupAsync(string id, CancellationToken cancellationToken) => _cloud.DeleteResourceAsync(SecurityGroup.Definition, id, cancellationToken);

        public IAsyncEnumerable<SecurityGroupRule> ListSecurityGroupRulesAsync(SecurityGroupRuleListOptions options, CancellationToken cancellationToken = default) =>
            _cloud.ListResourcesAsync(SecurityGroupRule.Definition, Query(null, options.Limit)
                .Filter("SecurityGroupId", options.SecurityGroupId)
                .Filter("Direction", options.Direction)
                .Filter("Protocol", options.Protocol)
                .Filter("EtherType", options.EtherType), cancellationToken);

        public Task<SecurityGroupRule> GetSecurityGroupRuleAsync(string id, CancellationToken cancellationToken) =>
            _cloud.GetResourceAsync(SecurityGroupRule.Definition, id, cancellationToken);

        /// <summary>A rule equal to an existing one is refused by Neutron (409, ConflictException naming the existing rule).</summary>
        public Task<SecurityGroupRule> CreateSecurityGroupRuleAsync(SecurityGroupRuleCreateRequest request, CancellationToken cancellationToken) =>
            _cloud.CreateResourceAsync(SecurityGroupRule.Definition, request, NetworkingJson.Default.SecurityGroupRuleCreateRequest, cancellationToken);

        public Task DeleteSecurityGroupRuleAsync(string id, CancellationToken cancellationToken) =>
            _cloud.DeleteResourceAsync(SecurityGroupRule.Definition, id, cancellationToken);
    }
}
