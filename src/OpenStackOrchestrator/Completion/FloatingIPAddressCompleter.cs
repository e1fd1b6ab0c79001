using OpenStackOrchestrator.Client.Networking;

namespace OpenStackOrchestrator.Completion
{
    /// <summary>Floating IP addresses (-FloatingIP, Get-OSFloatingIP -Address): floating IPs are named by address.</summary>
    public sealed class FloatingIPAddressCompleter : DefinitionNameCompleter<FloatingIP> { public FloatingIPAddressCompleter() : base(FloatingIP.Definition) { } }
}
