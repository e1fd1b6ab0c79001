using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Resolution;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>Security groups and their rules.</summary>
    public sealed partial class NetworkClient
    {
        public IAsyncEnumerable<SecurityGroup> ListSecurityGroupsAsync(SecurityGroupListOptions options, CancellationToken cancellationToken = default)
        {
            var query = Query();
            if (options.Name != null) query["name"] = options.Name;
            return ListResourcesAsync("security-groups", "security_groups", query, options.Limit, j => new SecurityGroup(j, _cloud), cancellationToken);
        }

        public async Task<SecurityGroup> GetSecurityGroupAsync(string id, CancellationToken cancellationToken) =>
            new SecurityGroup(await GetResourceAsync("security-groups", id, "security_group", cancellationToken).ConfigureAwait(false), _cloud);

        /// <summary>Names are not unique ("default" exists in every project; an admin sees them all): several matches
        /// are an AmbiguousNameException listing the ids.</summary>
        public Task<SecurityGroup> ResolveSecurityGroupAsync(string nameOrId, CancellationToken cancellationToken) =>
            NameResolver.ResolveOneAsync("security group", nameOrId, GetSecurityGroupAsync,
                (name, ct) => NameResolver.ToListAsync(ListSecurityGroupsAsync(new SecurityGroupListOptions { Name = name }, ct)), g => g.Id, g => g.Name, cancellationToken);

        /// <summary>The id of the group a name or id names, read without the group's rules: Neutron embeds every rule in a
        /// group, so a lookup of a group of 2,000 rules would otherwise cost as much as listing them.</summary>
        public async Task<string> ResolveSecurityGroupIdAsync(string nameOrId, CancellationToken cancellationToken) =>
            (await NameResolver.ResolveOneAsync("security group", nameOrId,
                async (id, ct) => new SecurityGroup(await GetResourceAsync("security-groups", id, "security_group", ct, IdAndName).ConfigureAwait(false), _cloud),
                (name, ct) => NameResolver.ToListAsync(ListResourcesAsync("security-groups" + IdAndName, "security_groups",
                    new Dictionary<string, string> { ["name"] = name }, null, j => new SecurityGroup(j, _cloud), ct)),
                g => g.Id, g => g.Name, cancellationToken).ConfigureAwait(false)).Id;

        /// <summary>Neutron gives a new group two egress rules (everything out, IPv4 and IPv6).</summary>
        public async Task<SecurityGroup> CreateSecurityGroupAsync(string name, string? description, CancellationToken cancellationToken)
        {
            var fields = new Dictionary<string, object?> { ["name"] = name };
            if (description != null) fields["description"] = description;
            return new SecurityGroup(await CreateResourceAsync("security-groups", "security_group", fields, cancellationToken).ConfigureAwait(false), _cloud);
        }

        /// <summary>Neutron refuses (409) while ports use the group.</summary>
        public Task DeleteSecurityGroupAsync(string id, CancellationToken cancellationToken) => DeleteResourceAsync("security-groups", id, cancellationToken);

        public IAsyncEnumerable<SecurityGroupRule> ListSecurityGroupRulesAsync(SecurityGroupRuleListOptions options, CancellationToken cancellationToken = default)
        {
            var query = Query();
            if (options.SecurityGroupId != null) query["security_group_id"] = options.SecurityGroupId;
            if (options.Direction != null) query["direction"] = options.Direction;
            if (options.Protocol != null) query["protocol"] = options.Protocol;
            if (options.EtherType != null) query["ethertype"] = options.EtherType;
            return ListResourcesAsync("security-group-rules", "security_group_rules", query, options.Limit, j => new SecurityGroupRule(j, _cloud), cancellationToken);
        }

        public async Task<SecurityGroupRule> GetSecurityGroupRuleAsync(string id, CancellationToken cancellationToken) =>
            new SecurityGroupRule(await GetResourceAsync("security-group-rules", id, "security_group_rule", cancellationToken).ConfigureAwait(false), _cloud);

        /// <summary>A rule equal to an existing one is refused by Neutron (409, ConflictException naming the existing rule).</summary>
        public async Task<SecurityGroupRule> CreateSecurityGroupRuleAsync(SecurityGroupRuleCreateRequest request, CancellationToken cancellationToken) =>
            new SecurityGroupRule(await CreateResourceAsync("security-group-rules", "security_group_rule", request.ToFields(), cancellationToken).ConfigureAwait(false), _cloud);

        public Task DeleteSecurityGroupRuleAsync(string id, CancellationToken cancellationToken) => DeleteResourceAsync("security-group-rules", id, cancellationToken);
    }
}
