using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Core
{
    /// <summary>Gnocchi and Aodh answer a list as a bare JSON array, page with limit and marker=&lt;last id&gt;, and
    /// take and answer one item unwrapped. Shown here on a made-up resource under the image endpoint of the fake cloud.</summary>
    public class BareListPagingTests
    {
        private const string ThingsUrl = FakeCloud.ImageUrl + "/v1/things";

        public sealed class Thing : OSResource
        {
        }

        public sealed class ThingRequest
        {
            public string? name { get; init; }
        }

        private static readonly ResourceDefinition<Thing> Things = new ResourceDefinition<Thing>
        {
            Kind = "thing",
            ServiceType = "image",
            Path = "/v1/things",
            Key = "thing",
            CollectionKey = "",
            Unwrapped = true,
            Paging = PagingStyle.Marker,
            DeleteAccept = "*/*",
            Json = (JsonTypeInfo<Thing>)JsonSerializerOptions.Default.GetTypeInfo(typeof(Thing)),
        };

        private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
        {
            var list = new List<T>();
            await foreach (var item in items)
                list.Add(item);
            return list;
        }

        [Fact]
        public async Task Pages_follow_the_last_id_as_marker_until_a_short_page()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(ThingsUrl + "*").WithQueryParam("marker", "b").RespondWith(@"[{""id"":""c"",""name"":""three""}]", 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(ThingsUrl + "*").RespondWith(@"[{""id"":""a"",""name"":""one""},{""id"":""b"",""name"":""two""}]", 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var things = await ToListAsync(cloud.ListResourcesAsync(Things, new ListQuery { PageSize = 2 }));

            Assert.Equal(new[] { "one", "two", "three" }, things.Select(t => t.Name));
            Assert.Equal(2, fake.CallsTo(ThingsUrl).Count);
        }

        [Fact]
        public async Task An_object_where_a_bare_list_belongs_is_an_invalid_response()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(ThingsUrl + "*").RespondWith(@"{""things"": []}", 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var ex = await Assert.ThrowsAsync<InvalidResponseException>(() => ToListAsync(cloud.ListResourcesAsync(Things)));

            Assert.Contains("not a list of things", ex.Message);
        }

        [Fact]
        public async Task A_create_sends_and_reads_the_item_unwrapped()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(ThingsUrl).WithVerb("POST").RespondWith(@"{""id"":""n"",""name"":""new""}", 201, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var created = await cloud.CreateResourceAsync(Things, new ThingRequest { name = "new" },
                (JsonTypeInfo<ThingRequest>)JsonSerializerOptions.Default.GetTypeInfo(typeof(ThingRequest)), default);

            Assert.Equal("n", created.Id);
            var call = Assert.Single(fake.CallsTo(ThingsUrl));
            Assert.Equal(@"{""name"":""new""}", await call.HttpRequestMessage.Content!.ReadAsStringAsync());
        }

        [Fact]
        public async Task A_delete_sends_the_declared_accept_header()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(ThingsUrl + "/x").WithVerb("DELETE").RespondWith("", 204);
            using var cloud = fake.Connect();

            await cloud.DeleteResourceAsync(Things, "x", default);

            Assert.Equal("*/*", FakeCloud.RequestHeader(Assert.Single(fake.CallsTo(ThingsUrl)), "Accept"));
        }
    }
}
