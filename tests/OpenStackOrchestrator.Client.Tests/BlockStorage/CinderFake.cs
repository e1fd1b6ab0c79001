using System;
using System.Threading;
using System.Text.Json.Nodes;
using OpenStackOrchestrator.Client.Tests.TestSupport;

namespace OpenStackOrchestrator.Client.Tests.BlockStorage
{
    /// <summary>Cinder as HttpTest plays it, from the bodies recorded in Fixtures/block-storage (see Fixtures/README.md):
    /// the recorded volume oso-probe-1, attached to server oso-probe-vm as /dev/sdb.</summary>
    internal static class CinderFake
    {
        public const string ProjectId = "165212a519914e96bcc22f8bf4cae8fc";
        public const string Url = "http://127.0.0.1:8776/v3/" + ProjectId;
        public const string VersionUrl = "http://127.0.0.1:8776/v3/";
        public const string VolumeId = "a26ba38c-1933-4e6d-b30d-0abf5b011fec";
        public const string ServerId = "02dff3a2-cd54-4788-b3f4-e1d3beb341f2";
        public const string VolumesUrl = Url + "/volumes";
        public const string VolumeUrl = VolumesUrl + "/" + VolumeId;
        public const string ActionUrl = VolumeUrl + "/action";
        public const string VolumesDetailUrl = VolumesUrl + "/detail";
        public const string SnapshotsUrl = Url + "/snapshots";
        public const string MessagesUrl = Url + "/messages";
        public const string AttachmentsUrl = FakeCloud.ComputeUrl + "/servers/" + ServerId + "/os-volume_attachments";

        /// <summary>Keystone, Nova's and Cinder's version documents (Cinder's highest microversion replaced when given).</summary>
        public static FakeCloud Cloud(string? maxVersion = null)
        {
            var fake = new FakeCloud().WithTokens(1).WithComputeVersion();
            var version = JsonNode.Parse(Fixture.Text("block-storage/version.json"))!;
            if (maxVersion != null)
                version["versions"]![0]!["version"] = maxVersion;
            fake.Http.ForCallsTo(VersionUrl).RespondWith(version.ToJsonString(), 200, FakeCloud.JsonType);
            return fake;
        }

        /// <summary>A deadline for waits, so that a wait that never ends fails the test instead of hanging it.</summary>
        public static CancellationToken Soon() => new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token;

        public static CloudConnection FastPolling(FakeCloud fake)
        {
            var cloud = fake.Connect();
            cloud.BlockStorage.FirstPollInterval = cloud.BlockStorage.MaxPollInterval = TimeSpan.FromMilliseconds(10);
            return cloud;
        }

        /// <summary>The recorded volume as GET /volumes/{id} returns it, with another status, size, id or without its attachment.</summary>
        public static string VolumeJson(string status, int size = 1, bool attached = false, string id = VolumeId, string name = "oso-probe-1")
        {
            var body = JsonNode.Parse(Fixture.Text("block-storage/volume-in-use.json"))!;
            var volume = body["volume"]!;
            volume["id"] = id;
            volume["name"] = name;
            volume["status"] = status;
            volume["size"] = size;
            if (!attached)
                volume["attachments"] = new JsonArray();
            return body.ToJsonString();
        }

        /// <summary>{"volumes": [...]} of the given volume bodies, as GET /volumes/detail returns them.</summary>
        public static string VolumeList(params string[] volumeBodies)
        {
            var list = new JsonArray();
            foreach (var body in volumeBodies)
                list.Add(JsonNode.Parse(body)!["volume"]!.DeepClone());
            return new JsonObject { ["volumes"] = list }.ToJsonString();
        }
    }
}
