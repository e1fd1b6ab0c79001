using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.ObjectStorage;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.ObjectStorage
{
    /// <summary>Swift pages listings with markers: every page is asked for with the last name of the one before,
    /// until a page comes back shorter than the page size.</summary>
    public class ObjectListingTests
    {
        private static async Task<List<StorageObject>> ListAsync(CloudConnection cloud, ObjectListOptions options)
        {
            var items = new List<StorageObject>();
            await foreach (var item in cloud.ObjectStorage.ListObjectsAsync("logs", options, CancellationToken.None))
                items.Add(item);
            return items;
        }

        private static string? Query(Flurl.Http.FlurlCall call, string name) => call.Request.Url.QueryParams.FirstOrDefault(name)?.ToString();

        private static string Page(params string[] names) =>
            "[" + string.Join(",", names.Select(n => n.EndsWith("/")
                ? $"{{\"subdir\": \"{n}\"}}"
                : $"{{\"name\": \"{n}\", \"bytes\": 3, \"hash\": \"acbd18db4cc2f85cedef654fccc4a4d8\", \"content_type\": \"text/plain\", \"last_modified\": \"2026-11-24T10:21:49.385510\"}}")) + "]";

        [Fact]
        public async Task Every_page_is_followed_with_the_last_name_as_the_marker()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(SwiftFake.Url("logs") + "?*").WithVerb("GET")
                .RespondWith(Page("a", "b"), 200, FakeCloud.JsonType)
                .RespondWith(Page("c", "d"), 200, FakeCloud.JsonType)
                .RespondWith(Page("e"), 200, FakeCloud.JsonType);
            using var cloud = await SwiftFake.ConnectAsync(fake);
            cloud.ObjectStorage.ListPageSize = 2;

            var items = await ListAsync(cloud, new ObjectListOptions());

            Assert.Equal(new[] { "a", "b", "c", "d", "e" }, items.Select(i => i.Name));
            var calls = fake.CallsTo(SwiftFake.Url("logs"));
            Assert.Equal(3, calls.Count);
            Assert.Equal(new string?[] { null, "b", "d" }, calls.Select(c => Query(c, "marker")));
            Assert.All(calls, c => Assert.Equal("json", Query(c, "format")));
            Assert.All(calls, c => Assert.Equal("2", Query(c, "limit")));
            Assert.Equal(3, items[0].SizeBytes);
            Assert.Equal("logs", items[0].Container);
        }

        [Fact]
        public async Task A_full_last_page_costs_one_more_request_that_comes_back_empty()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(SwiftFake.Url("logs") + "?*").WithVerb("GET")
                .RespondWith(Page("a", "b"), 200, FakeCloud.JsonType)
                .RespondWith("[]", 200, FakeCloud.JsonType);
            using var cloud = await SwiftFake.ConnectAsync(fake);
            cloud.ObjectStorage.ListPageSize = 2;

            var items = await ListAsync(cloud, new ObjectListOptions());

            Assert.Equal(2, items.Count);
            Assert.Equal(2, fake.CallsTo(SwiftFake.Url("logs")).Count);
        }

        [Fact]
        public async Task With_a_delimiter_pseudo_folders_are_objects_with_IsFolder_and_serve_as_markers()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(SwiftFake.Url("logs") + "?*").WithVerb("GET")
                .RespondWith(Page("2025/", "2026/"), 200, FakeCloud.JsonType)
                .RespondWith(Page("readme.txt"), 200, FakeCloud.JsonType);
            using var cloud = await SwiftFake.ConnectAsync(fake);
            cloud.ObjectStorage.ListPageSize = 2;

            var items = await ListAsync(cloud, new ObjectListOptions { Delimiter = "/", Prefix = "" });

            Assert.Equal(new[] { "2025/", "2026/", "readme.txt" }, items.Select(i => i.Name));
            Assert.Equal(new[] { true, true, false }, items.Select(i => i.IsFolder));
            var calls = fake.CallsTo(SwiftFake.Url("logs"));
            Assert.Equal("2026/", calls[1].Request.Url.QueryParams.FirstOrDefault("marker"));
            Assert.All(calls, c => Assert.Equal("/", Query(c, "delimiter")));
        }

        [Fact]
        public async Task A_limit_is_pushed_down_and_stops_the_walk()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(SwiftFake.Url("logs") + "?*").WithVerb("GET")
                .RespondWith(Page("a", "b"), 200, FakeCloud.JsonType)
                .RespondWith(Page("c"), 200, FakeCloud.JsonType);
            using var cloud = await SwiftFake.ConnectAsync(fake);
            cloud.ObjectStorage.ListPageSize = 2;

            var items = await ListAsync(cloud, new ObjectListOptions { Limit = 3, Prefix = "x" });

            Assert.Equal(3, items.Count);
            var calls = fake.CallsTo(SwiftFake.Url("logs"));
            Assert.Equal(new[] { "2", "1" }, calls.Select(c => Query(c, "limit")));
            Assert.All(calls, c => Assert.Equal("x", Query(c, "prefix")));
        }

        [Fact]
        public async Task A_large_object_in_a_listing_shows_its_total_size_and_its_own_ETag()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(SwiftFake.Url("logs") + "?*").WithVerb("GET").RespondWith(
                "[{\"bytes\": 1500, \"hash\": \"46cfe53c3c7a6fa5d469a2758062e925\", \"name\": \"big.bin\", \"content_type\": \"application/octet-stream\"," +
                " \"last_modified\": \"2026-11-24T10:22:00.112500\", \"slo_etag\": \"\\\"64f6be03b646ce928015b139412ef3c6\\\"\"}]", 200, FakeCloud.JsonType);
            using var cloud = await SwiftFake.ConnectAsync(fake);

            var item = Assert.Single(await ListAsync(cloud, new ObjectListOptions()));

            Assert.True(item.IsLargeObject);
            Assert.Equal(1500, item.SizeBytes);
            Assert.Equal("64f6be03b646ce928015b139412ef3c6", item.Hash);
        }
    }
}
