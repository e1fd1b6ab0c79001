using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Compute
{
    /// <summary>What New-OSServer's request puts in POST /servers: only what was given, in Nova's names.</summary>
    public class ServerCreateBodyTests
    {
        private const string ServersUrl = FakeCloud.ComputeUrl + "/servers";

        private static async Task<JsonNode> PostedServerAsync(ServerCreateRequest request)
        {
            using var fake = new FakeCloud().WithTokens(1).WithComputeVersion();
            fake.Http.ForCallsTo(ServersUrl).WithVerb("POST").RespondWith(@"{""server"": {""id"": ""new-id"", ""adminPass"": ""x"", ""links"": []}}", 202, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            Assert.Equal("new-id", await cloud.Compute.CreateServerAsync(request, CancellationToken.None));

            var call = Assert.Single(fake.CallsTo(ServersUrl));
            Assert.Equal("compute 2.47", FakeCloud.RequestHeader(call, "OpenStack-API-Version"));
            return JsonNode.Parse(await call.HttpRequestMessage.Content!.ReadAsStringAsync())!["server"]!;
        }

        [Fact]
        public async Task A_server_on_networks_and_ports_with_user_data_and_metadata()
        {
            var request = new ServerCreateRequest { Name = "web", ImageId = "img", FlavorId = "1", KeyName = "k", UserData = "#cloud-config", AvailabilityZone = "nova" };
            request.NetworkIds.Add("net-1");
            request.PortIds.Add("port-1");
            request.SecurityGroups.Add("default");
            request.Metadata["role"] = "web";

            var server = await PostedServerAsync(request);

            Assert.Equal(@"{""name"":""web"",""flavorRef"":""1"",""key_name"":""k"",""availability_zone"":""nova"",""imageRef"":""img""," +
                @"""networks"":[{""port"":""port-1""},{""uuid"":""net-1""}],""security_groups"":[{""name"":""default""}]," +
                @"""user_data"":""I2Nsb3VkLWNvbmZpZw=="",""metadata"":{""role"":""web""}}", server.ToJsonString());
        }

        [Fact]
        public async Task A_server_without_network_booted_from_a_new_volume_sends_none_and_no_imageRef()
        {
            var server = await PostedServerAsync(new ServerCreateRequest { Name = "db", ImageId = "img", FlavorId = "1", NoNetwork = true, BootVolumeSizeGB = 10 });

            Assert.Equal(@"{""name"":""db"",""flavorRef"":""1"",""block_device_mapping_v2"":[{""boot_index"":0,""uuid"":""img"",""source_type"":""image""," +
                @"""destination_type"":""volume"",""volume_size"":10,""delete_on_termination"":true}],""networks"":""none""}", server.ToJsonString());
        }
    

        [Fact]
        public async Task A_server_from_an_existing_volume_with_data_disks_sends_one_mapping_and_its_ports_first()
        {
            var request = new ServerCreateRequest { Name = "app", FlavorId = "1", BootVolumeId = "boot", ConfigDrive = true };
            request.DataVolumeIds.Add("data");
            request.NewVolumeSizesGB.Add(5);
            request.PortIds.Add("p1");
            request.NetworkIds.Add("n1");

            var server = await PostedServerAsync(request);

            Assert.Null(server["imageRef"]);
            Assert.Equal(@"[{""boot_index"":0,""uuid"":""boot"",""source_type"":""volume"",""destination_type"":""volume"",""delete_on_termination"":false}," +
                @"{""boot_index"":-1,""uuid"":""data"",""source_type"":""volume"",""destination_type"":""volume"",""delete_on_termination"":false}," +
                @"{""boot_index"":-1,""source_type"":""blank"",""destination_type"":""volume"",""volume_size"":5,""delete_on_termination"":false}]",
                server["block_device_mapping_v2"]!.ToJsonString());
            Assert.Equal(@"[{""port"":""p1""},{""uuid"":""n1""}]", server["networks"]!.ToJsonString());
            Assert.True(server["config_drive"]!.GetValue<bool>());
        }

        [Fact]
        public async Task An_image_server_with_new_data_disks_keeps_its_image_as_the_local_boot_disk()
        {
            var request = new ServerCreateRequest { Name = "app", FlavorId = "1", ImageId = "img", NoNetwork = true, DeleteNewVolumesOnTermination = true };
            request.NewVolumeSizesGB.Add(2);

            var server = await PostedServerAsync(request);

            Assert.Equal("img", server["imageRef"]!.GetValue<string>());
            Assert.Equal(@"[{""boot_index"":0,""uuid"":""img"",""source_type"":""image"",""destination_type"":""local"",""delete_on_termination"":true}," +
                @"{""boot_index"":-1,""source_type"":""blank"",""destination_type"":""volume"",""volume_size"":2,""delete_on_termination"":true}]",
                server["block_device_mapping_v2"]!.ToJsonString());
        }
    }
}
