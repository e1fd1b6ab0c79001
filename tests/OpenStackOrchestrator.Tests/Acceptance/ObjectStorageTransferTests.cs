using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Tests.Shared;
using Xunit;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    /// <summary>Send-OSObject and Receive-OSObject against the local Swift: byte-identical round trips of a plain object,
    /// of a static large object and of a folder, and the refusal to overwrite a file.</summary>
    public class ObjectStorageTransferTests : ObjectStorageTestBase
    {
        public ObjectStorageTransferTests() : base("oso-swx") { }

        [CloudFact]
        public void A_64_MiB_file_goes_up_and_comes_back_byte_identical_with_a_progress_bar()
        {
            var container = NewContainer("plain");
            var source = WriteRandomFile("big.bin", 64 * 1024 * 1024);
            Session.UI.Clear();

            var uploaded = Session.Run($"Send-OSObject -Path '{source}' -Container {container}").AssertNoErrors().Output.Single();

            Assert.Equal("OpenStackOrchestrator.StorageObject", uploaded.TypeNames[0]);
            Assert.Equal("big.bin", Value<string>(uploaded, "Name"));
            Assert.Equal(64L * 1024 * 1024, Value<long>(uploaded, "SizeBytes"));
            Assert.Equal(Md5Of(source), Value<string>(uploaded, "Hash"));
            Assert.False(Value<bool>(uploaded, "IsLargeObject"));
            Assert.Contains(Session.UI.Progress, p => p.Activity == "Uploading objects" && p.StatusDescription.Contains("uploading"));

            var target = Path.Combine(Folder, "back.bin");
            var file = Session.Run($"Receive-OSObject -Container {container} -Name big.bin -Destination '{target}'").AssertNoErrors().Output.Single();

            Assert.Equal(target, ((FileInfo)file.BaseObject).FullName);
            Assert.Equal(Md5Of(source), Md5Of(target));
            Assert.True(File.ReadAllBytes(source).AsSpan().SequenceEqual(File.ReadAllBytes(target)));
            Assert.Empty(Directory.GetFiles(Folder, "*.partial"));
        }

        [CloudFact]
        public void A_20_MiB_file_in_4_MiB_segments_is_one_object_that_round_trips_and_goes_with_its_segments()
        {
            var container = NewContainer("slo");
            var source = WriteRandomFile("disk.img", 20 * 1024 * 1024);

            var uploaded = Session.Run($"Send-OSObject -Path '{source}' -Container {container} -Name images/disk.img -SegmentSizeMB 4 -Metadata @{{ Kind = 'disk' }}")
                .AssertNoErrors().Output.Single();

            Assert.True(Value<bool>(uploaded, "IsLargeObject"));
            var listed = Session.Run($"Get-OSObject -Container {container}").AssertNoErrors().Output.Single();
            Assert.Equal("images/disk.img", Value<string>(listed, "Name"));
            Assert.Equal(20L * 1024 * 1024, Value<long>(listed, "SizeBytes"));
            Assert.True(Value<bool>(listed, "IsLargeObject"));
            var read = Session.Run($"Get-OSObject -Container {container} -Name images/disk.img").AssertNoErrors().Output.Single();
            Assert.Equal("disk", Value<System.Collections.Generic.IReadOnlyDictionary<string, string>>(read, "Metadata")["Kind"]);
            Assert.Equal(5, SegmentCount(container));

            var target = Path.Combine(Folder, "disk.back");
            Session.Run($"Receive-OSObject -Container {container} -Name images/disk.img -Destination '{target}'").AssertNoErrors();
            Assert.True(File.ReadAllBytes(source).AsSpan().SequenceEqual(File.ReadAllBytes(target)));

            Session.Run($"Get-OSObject -Container {container} | Remove-OSObject -Confirm:$false").AssertNoErrors();
            Assert.Equal(0, SegmentCount(container));
        }

        private int SegmentCount(string container) =>
            Session.Run($"@(Get-OSObject -Container {container}_segments).Count").AssertNoErrors().Output.Single().BaseObject is int n ? n : -1;

        [CloudFact]
        public void A_folder_sent_with_Recurse_keeps_its_relative_paths_and_Receive_Prefix_brings_it_back()
        {
            var container = NewContainer("tree");
            var site = Path.Combine(Folder, "site");
            var files = new[] { "index.html", "css/site.css", "img/logo/logo.png", "a b/c+d.txt" }
                .ToDictionary(f => f, f => WriteRandomFile(Path.Combine("site", f), 1000 + f.Length));

            var uploaded = Session.Run($"Send-OSObject -Path '{site}' -Container {container} -Recurse -Name www").AssertNoErrors().Output;

            Assert.Equal(files.Keys.Select(f => "www/" + f).OrderBy(n => n), uploaded.Select(o => Value<string>(o, "Name")).OrderBy(n => n));
            Assert.Equal("text/css", Value<string>(uploaded.Single(o => Value<string>(o, "Name") == "www/css/site.css"), "ContentType"));

            var copy = Path.Combine(Folder, "copy");
            var received = Session.Run($"Receive-OSObject -Container {container} -Prefix www/ -Destination '{copy}'").AssertNoErrors().Output;

            Assert.Equal(files.Count, received.Count);
            foreach (var (relative, original) in files)
                Assert.Equal(File.ReadAllBytes(original), File.ReadAllBytes(Path.Combine(copy, "www", relative)));
        }

        [CloudFact]
        public void A_folder_without_Recurse_is_an_error_and_uploads_nothing()
        {
            var container = NewContainer("norec");
            WriteRandomFile("lone/x.txt", 10);

            var error = Session.Run($"Send-OSObject -Path '{Path.Combine(Folder, "lone")}' -Container {container}").SingleError();

            Assert.Equal("FolderWithoutRecurse," + Cmdlets + "SendOSObjectCommand", error.FullyQualifiedErrorId);
            Assert.Empty(Session.Run($"Get-OSObject -Container {container}").AssertNoErrors().Output);
        }

        [CloudFact]
        public void Receive_OSObject_does_not_overwrite_an_existing_file_without_Force()
        {
            var container = NewContainer("keep");
            var source = WriteRandomFile("data.bin", 2048);
            Session.Run($"Send-OSObject -Path '{source}' -Container {container}").AssertNoErrors();
            var target = Path.Combine(Folder, "existing.bin");
            File.WriteAllText(target, "precious");

            var error = Session.Run($"Receive-OSObject -Container {container} -Name data.bin -Destination '{target}'").SingleError();

            Assert.Equal("FileExists," + Cmdlets + "ReceiveOSObjectCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
            Assert.Equal("precious", File.ReadAllText(target));

            Session.Run($"Receive-OSObject -Container {container} -Name data.bin -Destination '{target}' -Force").AssertNoErrors();
            Assert.Equal(File.ReadAllBytes(source), File.ReadAllBytes(target));
        }

        [CloudFact]
        public void RunAsync_returns_a_task_that_Wait_OSTask_turns_into_the_object()
        {
            var container = NewContainer("async");
            var source = WriteRandomFile("later.bin", 100_000);

            var result = Session.Run($"Send-OSObject -Path '{source}' -Container {container} -RunAsync | Wait-OSTask").AssertNoErrors().Output.Single();

            Assert.Equal("later.bin", Value<string>(result, "Name"));
            Assert.Equal(Md5Of(source), Value<string>(result, "Hash"));
        }
    }
}
