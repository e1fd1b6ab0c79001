using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Images;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Orchestration.Export
{
    /// <summary>Reads what a project has (one list per kind: a project's worth is a handful of requests) and narrows it
    /// to a selection with <see cref="StackExportScope"/>.</summary>
    public static class StackExportCollector
    {
        private const string UserDataField = "OS-EXT-SRV-ATTR:user_data";

        public static async Task<StackExportSet> CollectAsync(CloudConnection cloud, StackExportSelection selection, CancellationToken cancellationToken)
        {
            var project = new StackExportSet();
            var servers = ListAsync(cloud, Server.Definition, cancellationToken);
            var ports = ListAsync(cloud, Port.Definition, cancellationToken);
            var networks = ListAsync(cloud, Network.Definition, cancellationToken);
            var subnets = ListAsync(cloud, Subnet.Definition, cancellationToken);
            var routers = ListAsync(cloud, Router.Definition, cancellationToken);
            var groups = ListAsync(cloud, SecurityGroup.Definition, cancellationToken);
            var floatingIps = ListAsync(cloud, FloatingIP.Definition, cancellationToken);
            var volumes = ListAsync(cloud, Volume.Definition, cancellationToken);
            var serverGroups = ListAsync(cloud, ServerGroup.Definition, cancellationToken);
            var keyPairs = ListAsync(cloud, KeyPair.Definition, cancellationToken);
            Add(project.Servers, await servers.ConfigureAwait(false));
            Add(project.Ports, await ports.ConfigureAwait(false));
            Add(project.Networks, await networks.ConfigureAwait(false));
            Add(project.Subnets, await subnets.ConfigureAwait(false));
            Add(project.Routers, await routers.ConfigureAwait(false));
            Add(project.SecurityGroups, await groups.ConfigureAwait(false));
            Add(project.FloatingIPs, await floatingIps.ConfigureAwait(false));
            Add(project.Volumes, await volumes.ConfigureAwait(false));
            Add(project.ServerGroups, await serverGroups.ConfigureAwait(false));
            Add(project.KeyPairs, await keyPairs.ConfigureAwait(false));
            Refuse(selection, project);

            var set = StackExportScope.Select(project, selection, cloud.ProjectId);
            foreach (var server in set.Servers)
                if (UserData(server) is string text)
                    set.UserData[server.Id] = text;
            var imageIds = set.Servers.Select(s => s.ImageId).Concat(set.Volumes.Select(v => v.ImageId))
                .Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.OrdinalIgnoreCase);
            foreach (var id in imageIds)
                set.ImageNames[id!] = await ImageNameAsync(cloud, id!, cancellationToken).ConfigureAwait(false);
            return set;
        }

        private static async Task<List<T>> ListAsync<T>(CloudConnection cloud, ResourceDefinition<T> definition, CancellationToken cancellationToken) where T : OSResource
        {
            var items = new List<T>();
            await foreach (var item in cloud.ListResourcesAsync(definition, null, cancellationToken).ConfigureAwait(false))
                items.Add(item);
            return items;
        }

        private static void Add<T>(IList<T> target, IEnumerable<T> items)
        {
            foreach (var item in items)
                target.Add(item);
        }

        /// <summary>A selected id the project does not have is an error (a typo would otherwise export less than asked).</summary>
        private static void Refuse(StackExportSelection selection, StackExportSet project)
        {
            void Check<T>(IEnumerable<string> ids, IEnumerable<T> items, Func<T, string> key, string kind)
            {
                var known = new HashSet<string>(items.Select(key), StringComparer.OrdinalIgnoreCase);
                var missing = ids.FirstOrDefault(id => !known.Contains(id));
                if (missing != null)
                    throw new ResourceNotFoundException($"No {kind} '{missing}' is visible to the project to export.");
            }
            Check(selection.Servers, project.Servers, x => x.Id, "server");
            Check(selection.Ports, project.Ports, x => x.Id, "port");
            Check(selection.Networks, project.Networks, x => x.Id, "network");
            Check(selection.Subnets, project.Subnets, x => x.Id, "subnet");
            Check(selection.Routers, project.Routers, x => x.Id, "router");
            Check(selection.SecurityGroups, project.SecurityGroups, x => x.Id, "security group");
            Check(selection.FloatingIPs, project.FloatingIPs, x => x.Id, "floating IP");
            Check(selection.Volumes, project.Volumes, x => x.Id, "volume");
            Check(selection.ServerGroups, project.ServerGroups, x => x.Id, "server group");
            Check(selection.KeyPairs, project.KeyPairs, x => x.Name, "key pair");
        }

        /// <summary>Nova shows user data (base64) from microversion 2.3 to admins only; others get nothing to export.</summary>
        internal static string? UserData(Server server)
        {
            if (!server.ExtensionData.TryGetValue(UserDataField, out var value) || !(value is string encoded) || encoded.Length == 0)
                return null;
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            }
            catch (FormatException)
            {
                return null;
            }
        }

        private static async Task<string> ImageNameAsync(CloudConnection cloud, string id, CancellationToken cancellationToken)
        {
            try
            {
                var image = await cloud.GetResourceAsync(Image.Definition, id, cancellationToken).ConfigureAwait(false);
                return image.Name.Length > 0 ? image.Name : id;
            }
            catch (ResourceNotFoundException)
            {
                return id; // deleted since: the parameter keeps the id, and Heat's constraint will say it is gone
            }
        }
    }
}
