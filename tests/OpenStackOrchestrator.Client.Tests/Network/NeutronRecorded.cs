using System.Text.Json.Nodes;
using OpenStackOrchestrator.Client.Tests.TestSupport;

namespace OpenStackOrchestrator.Client.Tests.Network
{
    /// <summary>The recorded Neutron answers (Fixtures/network, see its README), and what a newer Neutron makes of them.</summary>
    internal static class NeutronRecorded
    {
        public const string Url = "http://127.0.0.1:9696/v2.0";
        public const string NetworkId = "37a43118-8324-4951-8a24-f0a5f5bf0236";
        public const string SubnetId = "71b97dee-4fb0-4759-b54e-c0c95524a47c";
        public const string RouterId = "57c2b445-c31e-4fe6-b9d5-e5da212b04eb";
        public const string SecurityGroupId = "e7aa50b0-1f15-49e7-8103-9a1648b8f932";
        public const string FloatingIPId = "28177f97-48a5-456c-b4f2-3e1a83c4ca2f";
        public const string PublicNetworkId = "195b4b95-d017-4dce-9346-e312498007c1";

        /// <summary>A recorded list, e.g. List("networks").</summary>
        public static JsonObject List(string collection) => JsonNode.Parse(Fixture.Text($"network/{collection}.json"))!.AsObject();

        /// <summary>The first item of a recorded list, as the answer to a get, create or update: {"key": {...}}.</summary>
        public static JsonObject Single(string collection, string key) =>
            new JsonObject { [key] = List(collection)[collection]![0]!.DeepClone() };
    }
}
