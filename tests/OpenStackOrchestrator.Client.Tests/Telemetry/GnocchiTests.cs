using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Client.Telemetry;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Telemetry
{
    /// <summary>Gnocchi 4.4.2's answers, recorded from the local cloud (Fixtures/telemetry): bare lists paged by
    /// limit/marker, Python-style durations, [time, granularity, value] measures, the aggregates answer, and its error
    /// bodies (a description that is text, or an object with a cause and details).</summary>
    public class GnocchiTests
    {
        private const string GnocchiUrl = "http://127.0.0.1:8041";
        private const string CpuId = "566e2190-e7f8-479b-86fc-31c719f2a847";
        private const string MemId = "7566994a-1262-43ca-994b-e4465fd3ab17";
        private const string ResourceId = "07557cd5-c0d5-59d3-85f7-8e5cdc87fc85";

        /// <summary>A fake cloud whose catalog has the metric service (the recorded token has none: it was recorded before
        /// Gnocchi ran).</summary>
        private static FakeCloud WithGnocchi()
        {
            var fake = new FakeCloud();
            var body = JsonNode.Parse(FakeCloud.TokenBody())!;
            var catalog = body["token"]!["catalog"]!.AsArray();
            catalog.Add(JsonNode.Parse($@"{{""type"": ""metric"", ""name"": ""gnocchi"", ""id"": ""f00"", ""endpoints"": [
                {{""id"": ""e1"", ""interface"": ""public"", ""region"": ""RegionOne"", ""region_id"": ""RegionOne"", ""url"": ""{GnocchiUrl}""}}]}}"));
            fake.Http.ForCallsTo(FakeCloud.TokensUrl).WithVerb("POST").RespondWith(body.ToJsonString(), 201, new Dictionary<string, string>
            {
                ["Content-Type"] = "application/json",
                ["X-Subject-Token"] = "token-1",
            });
            return fake;
        }

        private static void Recorded(FakeCloud fake, string url, string file, string verb = "GET")
        {
            var response = RecordedResponse.Load("telemetry/" + file);
            fake.Http.ForCallsTo(url).WithVerb(verb).RespondWith(response.Body, response.Status, response.Headers);
        }

        private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
        {
            var list = new List<T>();
            await foreach (var item in items)
                list.Add(item);
            return list;
        }

        [Fact]
        public void The_metric_service_type_is_canonical()
        {
            Assert.Equal("metric", ServiceTypes.Canonical("metric"));
            Assert.Equal(new[] { "metric" }, ServiceTypes.Candidates("metric"));
        }

        [Fact]
        public async Task Metrics_page_with_limit_and_the_last_id_as_marker_until_an_empty_page()
        {
            using var fake = WithGnocchi();
            fake.Http.ForCallsTo(GnocchiUrl + "/v1/metric*").WithQueryParam("marker", MemId).RespondWith(Fixture.Text("telemetry/metrics-empty.json"), 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(GnocchiUrl + "/v1/metric*").WithQueryParam("marker", CpuId).RespondWith(Fixture.Text("telemetry/metrics-page2.json"), 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(GnocchiUrl + "/v1/metric*").RespondWith(Fixture.Text("telemetry/metrics-page1.json"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var metrics = await ToListAsync(cloud.ListResourcesAsync(Metric.Definition, new ListQuery { PageSize = 1 }));

            Assert.Equal(new[] { "cpu", "mem" }, metrics.Select(m => m.Name));
            var calls = fake.CallsTo(GnocchiUrl + "/v1/metric");
            Assert.Equal(3, calls.Count);
            Assert.All(calls, c => Assert.Contains("limit=1", c.Request.Url.ToString()));
            Assert.Contains("marker=" + CpuId, calls[1].Request.Url.ToString());
            Assert.Contains("marker=" + MemId, calls[2].Request.Url.ToString());
        }

        [Fact]
        public async Task A_name_is_matched_here_not_sent_as_a_filter()
        {
            using var fake = WithGnocchi();
            fake.Http.ForCallsTo(GnocchiUrl + "/v1/metric/mem").RespondWith(Fixture.Text("telemetry/metric-404.json"), 404, FakeCloud.JsonType);
            fake.Http.ForCallsTo(GnocchiUrl + "/v1/metric*").RespondWith(Fixture.Text("telemetry/resource-metrics.json"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var metric = await cloud.ResolveMetricAsync("mem", default);

            Assert.Equal(MemId, metric.Id);
            Assert.DoesNotContain(fake.CallsTo(GnocchiUrl + "/v1/metric"), c => c.Request.Url.ToString().Contains("name="));
        }

        [Fact]
        public async Task A_resource_s_metrics_carry_unit_archive_policy_and_resource_id()
        {
            using var fake = WithGnocchi();
            fake.Http.ForCallsTo($"{GnocchiUrl}/v1/resource/generic/{ResourceId}/metric").RespondWith(Fixture.Text("telemetry/resource-metrics.json"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var metrics = await cloud.ListResourceMetricsAsync(ResourceId, default);

            var cpu = Assert.Single(metrics, m => m.Name == "cpu");
            Assert.Equal("%", cpu.Unit);
            Assert.Equal("high", cpu.ArchivePolicyName);
            Assert.Equal(ResourceId, cpu.ResourceId);
            Assert.Equal(TimeSpan.FromDays(7), cpu.ArchivePolicy!.Definitions[1].Timespan);
            Assert.Equal("MB", metrics.Single(m => m.Name == "mem").Unit);
        }

        [Fact]
        public async Task A_resource_is_named_by_its_original_id_and_lists_its_metrics_by_name()
        {
            using var fake = WithGnocchi();
            fake.Http.ForCallsTo($"{GnocchiUrl}/v1/resource/generic/oso-fixture-web01").RespondWith(Fixture.Text("telemetry/resource.json"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var resource = await cloud.ResolveMetricResourceAsync("oso-fixture-web01", default);

            Assert.Equal(ResourceId, resource.Id);
            Assert.Equal("oso-fixture-web01", resource.Name);
            Assert.Equal("generic", resource.Type);
            Assert.Equal(CpuId, resource.Metrics["cpu"]);
            Assert.Equal(MemId, resource.Metrics["mem"]);
        }

        [Fact]
        public async Task Archive_policy_durations_are_read_from_Python_s_timedelta_text()
        {
            using var fake = WithGnocchi();
            fake.Http.ForCallsTo(GnocchiUrl + "/v1/archive_policy").RespondWith(Fixture.Text("telemetry/archive-policies.json"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var policies = await ToListAsync(cloud.ListResourcesAsync(ArchivePolicy.Definition));

            var high = policies.Single(p => p.Name == "high");
            Assert.Equal("high", high.Id);
            Assert.Equal(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), TimeSpan.FromHours(1) }, high.Definitions.Select(d => d.Granularity));
            Assert.Equal(new[] { TimeSpan.FromHours(1), TimeSpan.FromDays(7), TimeSpan.FromDays(365) }, high.Definitions.Select(d => d.Timespan));
            Assert.Equal("00:00:01, 00:01:00, 01:00:00", high.Granularities);
            Assert.Contains("mean", high.AggregationMethods);
            Assert.Equal(3600, policies.Single(p => p.Name == "bool").BackWindow);
            Assert.Equal(new[] { "last" }, policies.Single(p => p.Name == "bool").AggregationMethods);
        }

        [Theory]
        [InlineData("0:05:00", 300)]
        [InlineData("1 day, 0:00:00", 86400)]
        [InlineData("365 days, 0:00:00", 31536000)]
        [InlineData("0:00:00.500000", 0.5)]
        [InlineData("60", 60)]
        public void Gnocchi_durations_parse(string text, double seconds) =>
            Assert.Equal(TimeSpan.FromSeconds(seconds), GnocchiTimeSpanConverter.Parse(text));

        [Fact]
        public async Task Measures_are_read_as_time_granularity_value_with_the_query_asked()
        {
            using var fake = WithGnocchi();
            fake.Http.ForCallsTo($"{GnocchiUrl}/v1/metric/{CpuId}/measures*").RespondWith(Fixture.Text("telemetry/measures.json"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var measures = await cloud.GetMeasuresAsync(CpuId, new MeasureQuery
            {
                Aggregation = "max",
                Start = new DateTimeOffset(2026, 12, 3, 13, 0, 0, TimeSpan.FromHours(1)),
                GranularitySeconds = 60,
                Refresh = true,
            }, default);

            Assert.Equal(6, measures.Count);
            Assert.Equal(new[] { 3600.0, 60, 60, 1, 1, 1 }, measures.Select(m => m.GranularitySeconds));
            Assert.Equal(new DateTimeOffset(2026, 12, 3, 12, 0, 30, TimeSpan.Zero), measures[4].Timestamp);
            Assert.Equal(5.5, measures[4].Value);
            var url = Assert.Single(fake.CallsTo(GnocchiUrl + "/v1/metric")).Request.Url;
            Assert.Equal("max", url.QueryParams.FirstOrDefault("aggregation"));
            Assert.Equal("true", url.QueryParams.FirstOrDefault("refresh"));
            Assert.Equal("60", url.QueryParams.FirstOrDefault("granularity"));
            Assert.Equal("2026-12-03T12:00:00.000000Z", url.QueryParams.FirstOrDefault("start"));
        }

        [Fact]
        public async Task Measures_are_pushed_in_one_POST_as_UTC_times_and_values()
        {
            using var fake = WithGnocchi();
            fake.Http.ForCallsTo($"{GnocchiUrl}/v1/metric/{CpuId}/measures").WithVerb("POST").RespondWith("", 202);
            using var cloud = fake.Connect();

            await cloud.AddMeasuresAsync(CpuId, new[]
            {
                new MeasureInput(new DateTimeOffset(2026, 12, 3, 13, 0, 0, TimeSpan.FromHours(1)), 3),
                new MeasureInput(new DateTimeOffset(2026, 12, 3, 12, 0, 30, TimeSpan.Zero), 5.5),
            }, default);

            var call = Assert.Single(fake.CallsTo(GnocchiUrl + "/v1/metric"));
            var body = JsonDocument.Parse(await call.HttpRequestMessage.Content!.ReadAsStringAsync()).RootElement;
            Assert.Equal(2, body.GetArrayLength());
            Assert.Equal("2026-12-03T12:00:00.000000Z", body[0].GetProperty("timestamp").GetString());
            Assert.Equal(3, body[0].GetProperty("value").GetDouble());
            Assert.Equal(5.5, body[1].GetProperty("value").GetDouble());
        }

        [Fact]
        public async Task An_aggregate_across_resources_sends_the_operation_type_and_ids_and_reads_one_series()
        {
            using var fake = WithGnocchi();
            fake.Http.ForCallsTo(GnocchiUrl + "/v1/aggregates*").WithVerb("POST").RespondWith(Fixture.Text("telemetry/aggregates.json"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var series = await cloud.AggregateAsync(Gnocchi.AggregateOperation("max", "cpu", "mean"), "generic", new[] { ResourceId, "other" },
                new MeasureQuery { GranularitySeconds = 60, Refresh = true }, default);

            Assert.Equal(new double?[] { 4.25, 7.0 }, series.Select(m => m.Value));
            var call = Assert.Single(fake.CallsTo(GnocchiUrl + "/v1/aggregates"));
            var body = JsonDocument.Parse(await call.HttpRequestMessage.Content!.ReadAsStringAsync()).RootElement;
            Assert.Equal("(aggregate max (metric cpu mean))", body.GetProperty("operations").GetString());
            Assert.Equal("generic", body.GetProperty("resource_type").GetString());
            Assert.Equal(new[] { ResourceId, "other" }, body.GetProperty("search").GetProperty("in").GetProperty("id").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal("60", call.Request.Url.QueryParams.FirstOrDefault("granularity"));
            // Gnocchi 4.4.2 ignores refresh on aggregates: it is not sent there.
            Assert.DoesNotContain("refresh", call.Request.Url.QueryParams.Select(q => q.Name));
        }

        [Fact]
        public async Task A_missing_metric_is_MetricNotFound_with_Gnocchi_s_message()
        {
            using var fake = WithGnocchi();
            Recorded(fake, GnocchiUrl + "/v1/metric/*", "metric-404.json");
            using var cloud = fake.Connect();

            var ex = await Assert.ThrowsAsync<MetricNotFoundException>(() => cloud.GetMeasuresAsync("00000000-0000-0000-0000-000000000000", new MeasureQuery(), default));

            Assert.Equal("MetricNotFound", ex.ErrorId);
            Assert.Equal(404, ex.StatusCode);
            Assert.Equal("Metric 00000000-0000-0000-0000-000000000000 does not exist", ex.ServiceMessage);
            Assert.Contains("does not exist", ex.Message);
        }

        [Fact]
        public async Task A_missing_resource_is_MetricResourceNotFound_after_the_names_are_looked_at()
        {
            using var fake = WithGnocchi();
            Recorded(fake, GnocchiUrl + "/v1/resource/generic/oso-fixture-nosuch", "resource-404.json");
            fake.Http.ForCallsTo(GnocchiUrl + "/v1/resource/generic*").RespondWith("[" + Fixture.Text("telemetry/resource.json") + "]", 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var ex = await Assert.ThrowsAsync<MetricNotFoundException>(() => cloud.ResolveMetricResourceAsync("oso-fixture-nosuch", default));

            Assert.Equal("MetricResourceNotFound", ex.ErrorId);
            Assert.Equal("oso-fixture-nosuch", ex.What);
            Assert.Matches("^Resource [0-9a-f-]{36} does not exist$", ex.ServiceMessage);
            Assert.Equal(2, fake.CallsTo(GnocchiUrl + "/v1/resource/generic").Count);
        }

        [Fact]
        public async Task An_aggregation_the_policy_lacks_is_a_404_whose_object_description_is_read()
        {
            using var fake = WithGnocchi();
            Recorded(fake, GnocchiUrl + "/v1/metric/*", "aggregation-404.json");
            using var cloud = fake.Connect();

            var ex = await Assert.ThrowsAsync<ResourceNotFoundException>(() => cloud.GetMeasuresAsync(CpuId, new MeasureQuery { Aggregation = "bogus" }, default));

            Assert.StartsWith("Aggregation method does not exist for this metric", ex.ServiceMessage);
            Assert.Contains("aggregation_method bogus", ex.ServiceMessage);
        }

        [Fact]
        public async Task An_aggregate_of_a_metric_no_resource_has_is_a_bad_request_naming_it()
        {
            using var fake = WithGnocchi();
            Recorded(fake, GnocchiUrl + "/v1/aggregates", "aggregates-400.json", "POST");
            using var cloud = fake.Connect();

            var ex = await Assert.ThrowsAsync<BadRequestException>(() => cloud.AggregateAsync(Gnocchi.AggregateOperation("max", "nosuch", "mean"), "generic",
                new[] { ResourceId }, new MeasureQuery(), default));

            Assert.Equal("Metrics not found: nosuch", ex.ServiceMessage);
        }

        [Fact]
        public async Task A_metric_of_an_unknown_archive_policy_is_ArchivePolicyNotFound()
        {
            using var fake = WithGnocchi();
            Recorded(fake, GnocchiUrl + "/v1/metric", "archive-policy-400.json", "POST");
            using var cloud = fake.Connect();

            var ex = await Assert.ThrowsAsync<MetricNotFoundException>(() => cloud.CreateMetricAsync(new MetricCreateRequest { Name = "x", ArchivePolicyName = "oso-nosuch" }, default));

            Assert.Equal("ArchivePolicyNotFound", ex.ErrorId);
            Assert.Equal("Archive policy oso-nosuch does not exist", ex.ServiceMessage);
            var body = JsonDocument.Parse(await Assert.Single(fake.CallsTo(GnocchiUrl + "/v1/metric")).HttpRequestMessage.Content!.ReadAsStringAsync()).RootElement;
            Assert.Equal("oso-nosuch", body.GetProperty("archive_policy_name").GetString());
            Assert.False(body.TryGetProperty("metric", out _), "Gnocchi takes the metric unwrapped");
        }

        [Fact]
        public async Task A_marker_that_is_gone_is_a_bad_request_with_Gnocchi_s_reason()
        {
            using var fake = WithGnocchi();
            Recorded(fake, GnocchiUrl + "/v1/metric*", "invalid-marker-400.json");
            using var cloud = fake.Connect();

            var ex = await Assert.ThrowsAsync<BadRequestException>(() => ToListAsync(cloud.ListResourcesAsync(Metric.Definition, new ListQuery { PageSize = 1 })));

            Assert.StartsWith("Invalid pagination", ex.ServiceMessage);
        }

        [Fact]
        public async Task A_metric_is_deleted_accepting_anything_not_only_JSON()
        {
            using var fake = WithGnocchi();
            fake.Http.ForCallsTo($"{GnocchiUrl}/v1/metric/{CpuId}").WithVerb("DELETE").RespondWith("", 204);
            using var cloud = fake.Connect();

            await cloud.DeleteResourceAsync(Metric.Definition, CpuId, default);

            Assert.Equal("*/*", FakeCloud.RequestHeader(Assert.Single(fake.CallsTo(GnocchiUrl + "/v1/metric")), "Accept"));
        }
    }
}
