using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>The short text forms the networking cmdlets take: "first-last" pools, "subnet=ip" fixed IPs,
    /// "ip=mac" address pairs, "8000-8100" port ranges. A malformed value is an ArgumentException naming the form.</summary>
    internal static class NetworkArguments
    {
        public static (string Start, string End) AllocationPool(string text)
        {
            var parts = text.Split('-');
            if (parts.Length != 2 || !IsAddress(parts[0].Trim()) || !IsAddress(parts[1].Trim()))
                throw new ArgumentException($"'{text}' is not an allocation pool: write first-last, e.g. 10.0.0.10-10.0.0.99.");
            return (parts[0].Trim(), parts[1].Trim());
        }

        /// <summary>"subnet=ip", "subnet" (any free address of it) or "ip"; the subnet is a name or an id.</summary>
        public static async Task<FixedIPRequest> FixedIPAsync(string text, CloudConnection cloud, CancellationToken ct)
        {
            var equals = text.IndexOf('=');
            var subnet = equals < 0 ? (IsAddress(text) ? null : text) : text.Substring(0, equals).Trim();
            var address = equals < 0 ? (IsAddress(text) ? text : null) : text.Substring(equals + 1).Trim();
            if (subnet?.Length == 0 || (address != null && !IsAddress(address)))
                throw new ArgumentException($"'{text}' is not a fixed IP: write subnet=address, subnet, or address (the subnet by name or id).");
            return new FixedIPRequest
            {
                SubnetId = subnet == null ? null : await new ResourceReference(subnet).SubnetIdAsync(cloud, ct).ConfigureAwait(false),
                IPAddress = address,
            };
        }

        /// <summary>"ip", "cidr", or either followed by "=mac".</summary>
        public static AllowedAddressPair AddressPair(string text)
        {
            var equals = text.IndexOf('=');
            var ip = (equals < 0 ? text : text.Substring(0, equals)).Trim();
            var mac = equals < 0 ? null : text.Substring(equals + 1).Trim();
            var slash = ip.IndexOf('/');
            if (!IsAddress(slash < 0 ? ip : ip.Substring(0, slash)) || mac?.Length == 0)
                throw new ArgumentException($"'{text}' is not an allowed address pair: write an address or CIDR, optionally =mac, e.g. 10.0.0.100 or 10.0.0.0/24=fa:16:3e:00:00:01.");
            return new AllowedAddressPair(ip, mac);
        }

        public static (int Min, int Max) PortRange(string text)
        {
            var parts = text.Split('-');
            if (parts.Length == 2 && int.TryParse(parts[0].Trim(), out var min) && int.TryParse(parts[1].Trim(), out var max) &&
                min >= 1 && max <= 65535 && min <= max)
                return (min, max);
            throw new ArgumentException($"'{text}' is not a port range: write first-last with 1 <= first <= last <= 65535, e.g. 8000-8100.");
        }

        public static bool IsAddress(string text) => IPAddress.TryParse(text, out _);

        public static IList<T> Each<T>(IEnumerable<string>? texts, Func<string, T> parse)
        {
            var list = new List<T>();
            foreach (var text in texts ?? Array.Empty<string>())
                list.Add(parse(text));
            return list;
        }
    }
}
