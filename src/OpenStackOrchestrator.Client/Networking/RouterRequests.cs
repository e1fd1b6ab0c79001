using System.Collections.Generic;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>What New-OSRouter sends to POST /v2.0/routers.</summary>
    public sealed class RouterCreateRequest
    {
        public string Name { get; set; } = "";
        public string? Description { get; set; }
        /// <summary>The network for the router's gateway; null: no gateway.</summary>
        public string? ExternalNetworkId { get; set; }
        /// <summary>enable_snat (changing it is an administrator's setting by default policy).</summary>
        public bool? SnatEnabled { get; set; }

        internal Dictionary<string, object?> ToFields()
        {
            var fields = new Dictionary<string, object?> { ["name"] = Name };
            if (Description != null) fields["description"] = Description;
            if (ExternalNetworkId != null) fields["external_gateway_info"] = RouterUpdate.Gateway(ExternalNetworkId, SnatEnabled);
            return fields;
        }
    }

    /// <summary>The changes Set-OSRouter sends to PUT /v2.0/routers/{id}; null fields stay as they are.</summary>
    public sealed class RouterUpdate
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public string? ExternalNetworkId { get; set; }
        /// <summary>Removes the gateway.</summary>
        public bool ClearExternalNetwork { get; set; }
        public bool? SnatEnabled { get; set; }

        internal Dictionary<string, object?> ToFields()
        {
            var fields = new Dictionary<string, object?>();
            if (Name != null) fields["name"] = Name;
            if (Description != null) fields["description"] = Description;
            if (ClearExternalNetwork) fields["external_gateway_info"] = new Dictionary<string, object>();
            else if (ExternalNetworkId != null) fields["external_gateway_info"] = Gateway(ExternalNetworkId, SnatEnabled);
            return fields;
        }

        internal static Dictionary<string, object> Gateway(string networkId, bool? snat)
        {
            var gateway = new Dictionary<string, object> { ["network_id"] = networkId };
            if (snat.HasValue) gateway["enable_snat"] = snat.Value;
            return gateway;
        }
    }
}
