using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.ObjectStorage;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.ObjectStorage
{
    /// <summary>Swift's JSON listings (top-level arrays) as the source-generated entries read them: every field this
    /// client uses, and a newer Swift's extra fields do not get in the way.</summary>
    public class SwiftListingReadingTests
    {
        [Fact]
        public async Task An_account_listing_from_a_newer_Swift_reads_the_counts_and_the_date()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(SwiftFake.AccountUrl + "?*").WithVerb("GET").RespondWith(
                "[{\"name\": \"logs\", \"count\": 3, \"bytes\": 2097152, \"last_modified\": \"2026-11-24T10:21:49.385510\", \"storage_policy\": \"gold\"," +
                " \"future_quota\": {\"max\": 9}}]", 200, FakeCloud.JsonType);
            using var cloud = await SwiftFake.ConnectAsync(fake);

            var containers = new List<Container>();
            await foreach (var container in cloud.ObjectStorage.ListContainersAsync())
                containers.Add(container);

            var logs = Assert.Single(containers);
            Assert.Equal("logs", logs.Name);
            Assert.Equal(3, logs.ObjectCount);
            Assert.Equal(2097152, logs.SizeBytes);
            Assert.Equal(2.0, logs.SizeMB);
            Assert.Equal(new DateTime(2026, 11, 24, 10, 21, 49, DateTimeKind.Utc).AddTicks(3855100), logs.LastModified);
            Assert.Equal(DateTimeKind.Utc, logs.LastModified!.Value.Kind);
        }

        [Fact]
        public async Task A_container_listing_from_a_newer_Swift_reads_objects_large_objects_and_folders()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(SwiftFake.Url("logs") + "?*").WithVerb("GET").RespondWith("[" +
                "{\"name\": \"a.txt\", \"bytes\": 3, \"hash\": \"acbd18db4cc2f85cedef654fccc4a4d8\", \"content_type\": \"text/plain\", \"last_modified\": \"2026-11-24T10:21:49\", \"symlink_path\": \"/v1/x\", \"future\": [1]}," +
                "{\"name\": \"big.iso\", \"bytes\": 10485760, \"hash\": \"\\\"manifest-md5\\\"\", \"slo_etag\": \"\\\"whole-md5\\\"\", \"content_type\": \"application/octet-stream\", \"last_modified\": \"2026-11-24T10:21:50\"}," +
                "{\"name\": \"empty/\", \"bytes\": 0, \"hash\": \"d41d8cd98f00b204e9800998ecf8427e\", \"content_type\": \"application/directory\", \"last_modified\": \"2026-11-24T10:21:51\"}," +
                "{\"subdir\": \"2026/\", \"future\": true}]", 200, FakeCloud.JsonType);
            using var cloud = await SwiftFake.ConnectAsync(fake);

            var items = new List<StorageObject>();
            await foreach (var item in cloud.ObjectStorage.ListObjectsAsync("logs", new ObjectListOptions()))
                items.Add(item);

            Assert.Equal(new[] { "a.txt", "big.iso", "empty/", "2026/" }, items.Select(i => i.Name));
            Assert.Equal("acbd18db4cc2f85cedef654fccc4a4d8", items[0].Hash);
            Assert.Equal("text/plain", items[0].ContentType);
            Assert.Equal(new DateTime(2026, 11, 24, 10, 21, 49, DateTimeKind.Utc), items[0].LastModified);
            Assert.False(items[0].IsLargeObject);
            Assert.True(items[1].IsLargeObject);
            Assert.Equal("whole-md5", items[1].Hash);
            Assert.True(items[2].IsFolder);
            Assert.True(items[3].IsFolder);
            Assert.Equal(0, items[3].SizeBytes);
            Assert.All(items, i => Assert.Equal("logs", i.Container));
        }

        [Fact]
        public async Task A_listing_entry_without_a_name_reads_as_an_empty_name()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(SwiftFake.AccountUrl + "?*").WithVerb("GET").RespondWith("[{\"count\": 1}]", 200, FakeCloud.JsonType);
            using var cloud = await SwiftFake.ConnectAsync(fake);

            var containers = new List<Container>();
            await foreach (var container in cloud.ObjectStorage.ListContainersAsync())
                containers.Add(container);

            Assert.Equal("", Assert.Single(containers).Name);
        }

        [Fact]
        public async Task A_listing_entry_that_does_not_fit_is_an_invalid_response()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(SwiftFake.Url("logs") + "?*").WithVerb("GET").RespondWith("[{\"name\": \"a\", \"bytes\": \"many\"}]", 200, FakeCloud.JsonType);
            using var cloud = await SwiftFake.ConnectAsync(fake);

            var error = await Assert.ThrowsAsync<InvalidResponseException>(async () =>
            {
                await foreach (var _ in cloud.ObjectStorage.ListObjectsAsync("logs", new ObjectListOptions())) { }
            });
            Assert.Contains(SwiftFake.Url("logs"), error.Message);
        }
    }
}
