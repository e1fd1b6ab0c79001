using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.BlockStorage
{
    /// <summary>Names the servers volumes are attached to (Cinder gives only ids): the project's servers are listed
    /// once, on the first attached volume; a server the list does not show keeps a null name.</summary>
    internal sealed class AttachedServerNames
    {
        private readonly CloudConnection _cloud;
        private readonly string? _knownId;
        private readonly string? _knownName;
        private Dictionary<string, string>? _names;

        public AttachedServerNames(CloudConnection cloud, string? knownServerId = null, string? knownServerName = null)
        {
            _cloud = cloud;
            _knownId = knownServerId;
            _knownName = knownServerName;
        }

        public async Task FillAsync(Volume volume, CancellationToken cancellationToken)
        {
            foreach (var attachment in volume.Attachments)
            {
                if (attachment.ServerName != null)
                    continue;
                if (_knownName != null && string.Equals(attachment.ServerId, _knownId, StringComparison.OrdinalIgnoreCase))
                {
                    attachment.ServerName = _knownName;
                    continue;
                }
                var names = await NamesAsync(cancellationToken).ConfigureAwait(false);
                if (names.TryGetValue(attachment.ServerId, out var name))
                    attachment.ServerName = name;
            }
        }

        private async Task<Dictionary<string, string>> NamesAsync(CancellationToken cancellationToken)
        {
            if (_names != null)
                return _names;
            var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            try
            {
                await foreach (var server in _cloud.Compute.ListServersAsync(new ServerListOptions(), cancellationToken).ConfigureAwait(false))
                    names[server.Id] = server.Name;
            }
            catch (EndpointNotFoundException)
            {
                // a cloud without Nova: ids only
            }
            return _names = names;
        }
    }
}
