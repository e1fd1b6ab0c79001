using System.Diagnostics;
using System.Linq;
using OpenStackOrchestrator.Tests.Shared;
using Xunit;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    /// <summary>Get-OSObject against the local Swift: long listings followed page by page, pseudo-folders.</summary>
    public class ObjectStorageListingTests : ObjectStorageTestBase
    {
        public ObjectStorageListingTests() : base("oso-swl") { }

        /// <summary>Empty objects put straight through the client, 32 requests at a time (Swift's bulk upload may be
        /// missing on other clouds, and Send-OSObject reads a file per object).</summary>
        private void PutEmptyObjects(string container, int count) =>
            Session.Run($@"
                $storage = $DefaultOSCloud.ObjectStorage
                $options = [OpenStackOrchestrator.Client.ObjectStorage.ObjectUploadOptions]::new()
                $none = [Threading.CancellationToken]::None
                for ($start = 0; $start -lt {count}; $start += 32) {{
                    $batch = foreach ($i in $start..([Math]::Min($start + 31, {count} - 1))) {{
                        $storage.UploadAsync('{container}', ('item-{{0:D5}}' -f $i), [IO.MemoryStream]::new(), 0, $options, $null, $none)
                    }}
                    [Threading.Tasks.Task]::WaitAll([Threading.Tasks.Task[]]$batch)
                }}").AssertNoErrors();

        [CloudFact]
        public void Listing_5000_objects_follows_every_page()
        {
            var container = NewContainer("many");
            var watch = Stopwatch.StartNew();
            PutEmptyObjects(container, 5000);
            Assert.True(watch.Elapsed.TotalSeconds < 90, $"creating the objects took {watch.Elapsed.TotalSeconds:0} s");
            Session.Run("$DefaultOSCloud.ObjectStorage.ListPageSize = 1000").AssertNoErrors();
            Session.UI.Clear();

            var names = Session.Run($"Get-OSObject -Container {container} -Debug | ForEach-Object Name").AssertNoErrors().Output.Select(o => o.ToString()).ToList();

            Assert.Equal(Enumerable.Range(0, 5000).Select(i => $"item-{i:D5}"), names);
            var pages = Session.UI.DebugLines.Where(l => l.StartsWith("REQ: ") && l.Contains($"/{container}?format=json")).ToList();
            Assert.Equal(6, pages.Count);   // five full pages, then an empty one that ends the walk
            Assert.Contains("marker=item-00999", pages[1]);
            Assert.Contains("marker=item-04999", pages[5]);
            var window = Session.Run($"Get-OSObject -Container {container} -Skip 1000 -First 3 | ForEach-Object Name").AssertNoErrors().Output.Select(o => o.ToString());
            Assert.Equal(new[] { "item-01000", "item-01001", "item-01002" }, window);
        }

        [CloudFact]
        public void Delimiter_rolls_names_up_into_pseudo_folders_and_Prefix_opens_one()
        {
            var container = NewContainer("tree");
            var file = WriteRandomFile("f.txt", 10);
            foreach (var name in new[] { "logs/2025/a.log", "logs/2026/b.log", "logs/top.log", "readme.txt" })
                Session.Run($"Send-OSObject -Path '{file}' -Container {container} -Name {name}").AssertNoErrors();

            var top = Session.Run($"Get-OSObject -Container {container} -Delimiter /").AssertNoErrors().Output;
            var logs = Session.Run($"Get-OSObject -Container {container} -Prefix logs/ -Delimiter /").AssertNoErrors().Output;

            Assert.Equal(new[] { "logs/", "readme.txt" }, top.Select(o => Value<string>(o, "Name")));
            Assert.Equal(new[] { true, false }, top.Select(o => Value<bool>(o, "IsFolder")));
            Assert.Equal(new[] { "logs/2025/", "logs/2026/", "logs/top.log" }, logs.Select(o => Value<string>(o, "Name")));
            var table = Session.Render($"Get-OSObject -Container {container} -Delimiter /");
            Assert.Matches(@"Name\s+Size\s+LastModified\s+ContentType", table);
            Assert.Matches(@"logs/\s+<folder>", table);
            Assert.Matches(@"readme.txt\s+10 B\s+\S+.*text/plain", table);
            var wildcard = Session.Run($"Get-OSObject -Container {container} -Name *.log").AssertNoErrors().Output;
            Assert.Equal(3, wildcard.Count);
        }
    }
}
