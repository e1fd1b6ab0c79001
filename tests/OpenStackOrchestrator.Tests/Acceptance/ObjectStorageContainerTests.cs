using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Threading.Tasks;
using OpenStackOrchestrator.Tests.Shared;
using Xunit;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    /// <summary>Containers and object operations against the local Swift: metadata, public access, temporary URLs,
    /// server-side copies, and the error paths.</summary>
    public class ObjectStorageContainerTests : ObjectStorageTestBase
    {
        public ObjectStorageContainerTests() : base("oso-swc") { }

        private const string SecureKey = "$k = [securestring]::new(); foreach ($c in 'oso-T3mp-key'.ToCharArray()) { $k.AppendChar($c) }";

        private string Upload(string container, string name, int size = 4096)
        {
            var file = WriteRandomFile(name.Replace('/', '_'), size);
            Session.Run($"Send-OSObject -Path '{file}' -Container {container} -Name '{name}'").AssertNoErrors();
            return file;
        }

        [CloudFact]
        public void A_new_container_has_its_metadata_and_counts_and_Get_OSContainer_finds_it_by_wildcard()
        {
            var container = NewContainer("meta", "-Metadata @{ Owner = 'ops'; Tier = 'gold' }");
            Upload(container, "one.txt", 1000);

            var found = Session.Run($"Get-OSContainer -Name '{Prefix}-me*'").AssertNoErrors().Output.Single();

            Assert.Equal("OpenStackOrchestrator.Container", found.TypeNames[0]);
            Assert.Equal(container, Value<string>(found, "Name"));
            Assert.Equal(1L, Value<long>(found, "ObjectCount"));
            Assert.Equal(1000L, Value<long>(found, "SizeBytes"));
            Assert.False(Value<bool>(found, "IsPublic"));
            var metadata = Value<IReadOnlyDictionary<string, string>>(found, "Metadata");
            Assert.Equal("ops", metadata["Owner"]);
            Assert.Equal("gold", metadata["Tier"]);

            var piped = Session.Run($"Get-OSContainer -Name {container} | Get-OSObject | ForEach-Object Name").AssertNoErrors().Output.Single();
            Assert.Equal("one.txt", piped.ToString());

            var table = Session.Render($"Get-OSContainer -Name {container}");
            Assert.Matches(@"Name\s+Objects\s+SizeMB\s+Public\s+LastModified", table);
            Assert.Matches(container + @"\s+1\s+0\s+False", table);
            var line = $"Get-OSObject -Container {Prefix}-me";
            var completions = Session.Run($"(TabExpansion2 -inputScript '{line}' -cursorColumn {line.Length}).CompletionMatches.CompletionText")
                .AssertNoErrors().Output.Select(o => o.ToString());
            Assert.Equal(new[] { container }, completions);

            var again = Session.Run($"New-OSContainer -Name {container}").SingleError();
            Assert.Equal("Conflict," + Cmdlets + "NewOSContainerCommand", again.FullyQualifiedErrorId);
        }

        [CloudFact]
        public async Task A_public_container_is_readable_without_a_token_until_it_is_made_private()
        {
            var container = NewContainer("pub", "-Public");
            var file = Upload(container, "dir/page one.html");
            var url = ObjectUrl(container, "dir/page one.html");

            Assert.Equal(System.IO.File.ReadAllBytes(file), await Anonymous.GetByteArrayAsync(url));
            var listing = await Anonymous.GetAsync(ObjectUrl(container, "").TrimEnd('/') + "?format=json");
            Assert.Equal(HttpStatusCode.OK, listing.StatusCode);

            var made = Session.Run($"Set-OSContainer -Container {container} -Public:$false").AssertNoErrors().Output.Single();

            Assert.False(Value<bool>(made, "IsPublic"));
            Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous.GetAsync(url)).StatusCode);
        }

        [CloudFact]
        public async Task A_temporary_URL_downloads_without_a_token_and_the_key_never_shows_in_Debug()
        {
            var container = NewContainer("temp");
            var file = Upload(container, "report 2026+final.pdf");
            Session.UI.Clear();

            var set = Session.Run($"{SecureKey}; Set-OSContainer -Container {container} -TempUrlKey $k -Debug").AssertNoErrors().Output.Single();
            var url = Session.Run($"Get-OSObjectTempUrl -Container {container} -Name 'report 2026+final.pdf' -Lifetime 00:10:00 -Debug")
                .AssertNoErrors().Output.Single().ToString()!;

            Assert.True(Value<bool>(set, "HasTempUrlKey"));
            Assert.Contains("temp_url_sig=", url);
            Assert.Equal(System.IO.File.ReadAllBytes(file), await Anonymous.GetByteArrayAsync(url));
            Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous.GetAsync(url.Replace("temp_url_sig=", "temp_url_sig=0"))).StatusCode);
            Assert.Contains(Session.UI.DebugLines, l => l.Contains("Temp-URL-Key: {SHA256}", System.StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(Session.UI.DebugLines, l => l.Contains("oso-T3mp-key"));
            Assert.DoesNotContain("oso-T3mp-key", string.Join(" ", Value<IReadOnlyDictionary<string, string>>(set, "Metadata").Values));
        }

        [CloudFact]
        public void Without_a_key_Get_OSObjectTempUrl_is_a_TempUrlKeyMissing_error()
        {
            var container = NewContainer("nokey");
            Upload(container, "a.bin");

            var error = Session.Run($"Get-OSObjectTempUrl -Container {container} -Name a.bin").SingleError();

            Assert.Equal("TempUrlKeyMissing," + Cmdlets + "GetOSObjectTempUrlCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        }

        [CloudFact]
        public void Copy_OSObject_copies_on_the_server_into_another_container_keeping_and_adding_metadata()
        {
            var source = NewContainer("src");
            var target = NewContainer("dst");
            var file = WriteRandomFile("orig.bin", 50_000);
            Session.Run($"Send-OSObject -Path '{file}' -Container {source} -Metadata @{{ Origin = 'lab' }}").AssertNoErrors();

            var copy = Session.Run($"Get-OSObject -Container {source} -Name orig.bin | Copy-OSObject -DestinationContainer {target} -DestinationName copies/orig.bin -Metadata @{{ Copied = 'yes' }}")
                .AssertNoErrors().Output.Single();

            Assert.Equal(target, Value<string>(copy, "Container"));
            Assert.Equal(Md5Of(file), Value<string>(copy, "Hash"));
            var metadata = Value<IReadOnlyDictionary<string, string>>(copy, "Metadata");
            Assert.Equal("lab", metadata["Origin"]);
            Assert.Equal("yes", metadata["Copied"]);
            Assert.Single(Session.Run($"Get-OSObject -Container {source}").AssertNoErrors().Output);
        }

        [CloudFact]
        public void Set_OSObject_sets_and_removes_metadata_and_keeps_the_rest()
        {
            var container = NewContainer("set");
            var file = WriteRandomFile("m.txt", 100);
            Session.Run($"Send-OSObject -Path '{file}' -Container {container} -Metadata @{{ Keep = '1'; Drop = '2'; Null = '3' }}").AssertNoErrors();

            var updated = Session.Run($"Set-OSObject -Container {container} -Name m.txt -Metadata @{{ Added = 'new'; Null = $null }} -RemoveMetadata Drop -ContentType text/x-test")
                .AssertNoErrors().Output.Single();

            var metadata = Value<IReadOnlyDictionary<string, string>>(updated, "Metadata");
            Assert.Equal(new[] { "Added", "Keep" }, metadata.Keys.OrderBy(k => k));
            Assert.Equal("new", metadata["Added"]);
            Assert.Equal("text/x-test", Value<string>(updated, "ContentType"));
            Assert.Equal(Md5Of(file), Value<string>(updated, "Hash"));
        }

        [CloudFact]
        public void A_missing_container_is_a_ResourceNotFound_error_that_names_it()
        {
            var missing = Prefix + "-none";

            var error = Session.Run($"Get-OSObject -Container {missing}").SingleError();

            Assert.Equal("ResourceNotFound," + Cmdlets + "GetOSObjectCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Contains($"Container '{missing}' does not exist", error.Exception.Message);
            var send = Session.Run($"Send-OSObject -Path '{WriteRandomFile("x.bin", 10)}' -Container {missing}").SingleError();
            Assert.Equal("ResourceNotFound," + Cmdlets + "SendOSObjectCommand", send.FullyQualifiedErrorId);
        }

        [CloudFact]
        public void Removing_a_container_with_objects_without_Recurse_gives_Swifts_409_and_keeps_it_and_Recurse_removes_it()
        {
            var container = NewContainer("full");
            Upload(container, "a.txt");
            Upload(container, "b/c.txt");

            var error = Session.Run($"Remove-OSContainer -Container {container} -Confirm:$false").SingleError();

            Assert.Equal("ContainerNotEmpty," + Cmdlets + "RemoveOSContainerCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceBusy, error.CategoryInfo.Category);
            Assert.Contains("HTTP 409", error.Exception.Message);
            Assert.Contains("There was a conflict when trying to complete your request.", error.Exception.Message);
            Assert.Contains("-Recurse", error.ErrorDetails.RecommendedAction);
            Assert.Single(Session.Run($"Get-OSContainer -Name {container}").AssertNoErrors().Output);

            Session.Run($"Remove-OSContainer -Container {container} -Recurse -Confirm:$false").AssertNoErrors();
            Assert.Empty(Session.Run($"Get-OSContainer -Name '{container}*' | Where-Object Name -eq '{container}'").AssertNoErrors().Output);
        }

        [CloudFact]
        public void Remove_OSObject_asks_first_and_WhatIf_removes_nothing()
        {
            var container = NewContainer("ask");
            Upload(container, "keep.txt");

            Session.Run($"Remove-OSObject -Container {container} -Name keep.txt -WhatIf").AssertNoErrors();
            Session.UI.Answers.Enqueue(2);   // [N] No
            Session.Run($"Remove-OSObject -Container {container} -Name keep.txt");

            Assert.Single(Session.UI.Prompts);
            Assert.Single(Session.Run($"Get-OSObject -Container {container}").AssertNoErrors().Output);
            var missing = Session.Run($"Remove-OSObject -Container {container} -Name nothing-here -Confirm:$false").SingleError();
            Assert.Equal("ResourceNotFound," + Cmdlets + "RemoveOSObjectCommand", missing.FullyQualifiedErrorId);
        }
    }
}
