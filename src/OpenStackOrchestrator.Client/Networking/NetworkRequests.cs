using System.Collections.Generic;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>What New-OSNetwork sends to POST /v2.0/networks; null fields are left to Neutron's defaults.</summary>
    public sealed class NetworkCreateRequest
    {
        public string Name { get; set; } = "";
        public string? Description { get; set; }
        /// <summary>router:external (an administrator's setting by default policy).</summary>
        public bool? IsExternal { get; set; }
        public bool? IsShared { get; set; }
        public int? Mtu { get; set; }
        public bool? PortSecurityEnabled { get; set; }

        internal Dictionary<string, object?> ToFields()
        {
            var fields = new Dictionary<string, object?> { ["name"] = Name };
            NetworkUpdate.AddCommon(fields, Description, IsExternal, IsShared, Mtu, PortSecurityEnabled);
            return fields;
        }
    }

    /// <summary>The changes Set-OSNetwork sends to PUT /v2.0/networks/{id}; null fields stay as they are.</summary>
    public sealed class NetworkUpdate
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public bool? IsExternal { get; set; }
        public bool? IsShared { get; set; }
        public int? Mtu { get; set; }
        public bool? PortSecurityEnabled { get; set; }

        internal Dictionary<string, object?> ToFields()
        {
            var fields = new Dictionary<string, object?>();
            if (Name != null) fields["name"] = Name;
            AddCommon(fields, Description, IsExternal, IsShared, Mtu, PortSecurityEnabled);
            return fields;
        }

        internal static void AddCommon(Dictionary<string, object?> fields, string? description, bool? external, bool? shared, int? mtu, bool? portSecurity)
        {
            if (description != null) fields["description"] = description;
            if (external.HasValue) fields["router:external"] = external.Value;
            if (shared.HasValue) fields["shared"] = shared.Value;
            if (mtu.HasValue) fields["mtu"] = mtu.Value;
            if (portSecurity.HasValue) fields["port_security_enabled"] = portSecurity.Value;
        }
    }
}
