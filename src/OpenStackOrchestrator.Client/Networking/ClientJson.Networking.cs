using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Networking;

namespace OpenStackOrchestrator.Client.Resources
{
    [JsonSerializable(typeof(Port))]
    [JsonSerializable(typeof(PortCreateRequest))]
    [JsonSerializable(typeof(PortUpdate))]
    internal sealed partial class ClientJson
    {
    }
}
