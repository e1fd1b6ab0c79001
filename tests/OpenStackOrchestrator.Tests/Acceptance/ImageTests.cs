using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security.Cryptography;
using OpenStackOrchestrator.Tests.Hosting;
using OpenStackOrchestrator.Tests.Shared;
using Xunit;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    /// <summary>Images uploaded, downloaded, changed, snapshotted and removed through the cmdlets against the local
    /// Glance (file store) and Nova (fake driver).</summary>
    public class ImageTests : CloudTestBase
    {
        private const string Cmdlets = "OpenStackOrchestrator.Cmdlets.Images.";
        private readonly ModuleSession _session = new ModuleSession();
        private readonly string _prefix = UniqueName("oso-img");
        private readonly string _folder = Directory.CreateTempSubdirectory("oso-img-").FullName;

        public ImageTests()
        {
            if (LocalCloud.IsAvailable)
                _session.Run("Connect-OSCloud -Cloud los-demo").AssertNoErrors();
        }

        public override void Dispose()
        {
            _session.Run($"Get-OSImage -Name '{_prefix}*' | Remove-OSImage -Confirm:$false");
            _session.Run($"Get-OSServer -Name '{_prefix}*' | Remove-OSServer -Confirm:$false");
            _session.Dispose();
            Directory.Delete(_folder, recursive: true);
            base.Dispose();
        }

        private string WriteRandomFile(string name, int size)
        {
            var bytes = new byte[size];
            Random.Shared.NextBytes(bytes);
            var path = Path.Combine(_folder, name);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        private PSObject NewImage(string name, int size = 4096) =>
            _session.Run($"New-OSImage -Name {name} -Path '{WriteRandomFile(name + ".raw", size)}'").AssertNoErrors().Output.Single();

        private string[] ImageIdsNamed(string name) =>
            _session.Run($"Get-OSImage -Name '{name}' -ErrorAction SilentlyContinue | ForEach-Object Id").Output.Select(o => o.ToString()).ToArray();

        [CloudFact]
        public void An_8_MiB_file_uploaded_with_New_OSImage_comes_back_byte_identical_with_Save_OSImage()
        {
            var name = _prefix + "-roundtrip";
            var source = WriteRandomFile("disk.qcow2.raw", 8 * 1024 * 1024);
            var sourceBytes = File.ReadAllBytes(source);

            var image = _session.Run($"New-OSImage -Name {name} -Path '{source}' -DiskFormat raw").AssertNoErrors().Output.Single();

            Assert.Equal("OpenStackOrchestrator.Image", image.TypeNames[0]);
            Assert.Equal("active", image.Properties["Status"].Value);
            Assert.Equal(8L * 1024 * 1024, image.Properties["SizeBytes"].Value);
            Assert.Equal(Convert.ToHexString(MD5.HashData(sourceBytes)).ToLowerInvariant(), image.Properties["Checksum"].Value);
            Assert.Equal(Convert.ToHexString(SHA512.HashData(sourceBytes)).ToLowerInvariant(), image.Properties["HashValue"].Value);

            var target = Path.Combine(_folder, "downloaded.raw");
            var file = _session.Run($"Get-OSImage -Name {name} | Save-OSImage -Path '{target}'").AssertNoErrors().Output.Single();
            Assert.Equal(target, ((FileInfo)file.BaseObject).FullName);
            Assert.Equal(sourceBytes, File.ReadAllBytes(target));
            Assert.Empty(Directory.GetFiles(_folder, "*.partial"));
        }

        [CloudFact]
        public void Save_OSImage_into_a_folder_names_the_file_after_the_image_and_its_disk_format()
        {
            var name = _prefix + "-named";
            NewImage(name);
            var saved = Path.Combine(_folder, "into");
            Directory.CreateDirectory(saved);

            _session.Run($"Save-OSImage -Image {name} -Path '{saved}'").AssertNoErrors();

            Assert.Equal(new[] { Path.Combine(saved, name + ".img") }, Directory.GetFiles(saved));
        }

        [CloudFact]
        public void Set_OSImage_changes_name_tags_and_properties_and_Get_OSImage_Tag_finds_the_image()
        {
            var name = _prefix + "-set";
            var tag = _prefix + "-tag";
            _session.Run($"New-OSImage -Name {name} -Path '{WriteRandomFile("set.raw", 1024)}' -Tag old, kept -Property @{{ stale = 'x'; kept_property = 'y' }}").AssertNoErrors();

            var updated = _session.Run($"Set-OSImage -Image {name} -Name {name}-renamed -AddTag {tag} -RemoveTag old -Property @{{ os_distro = 'cirros' }} -RemoveProperty stale")
                .AssertNoErrors().Output.Single();

            Assert.Equal(name + "-renamed", updated.Properties["Name"].Value);
            Assert.Equal(new[] { "kept", tag }, ((string[])updated.Properties["Tags"].Value).OrderBy(t => t, StringComparer.Ordinal));
            var properties = _session.Run($"(Get-OSImage -Name {name}-renamed).Properties").AssertNoErrors().Output.Single().BaseObject
                as System.Collections.Generic.IReadOnlyDictionary<string, string>;
            Assert.Equal("cirros", properties!["os_distro"]);
            Assert.Equal("y", properties["kept_property"]);
            Assert.False(properties.ContainsKey("stale"));
            var found = _session.Run($"Get-OSImage -Tag {tag} | ForEach-Object Name").AssertNoErrors().Output.Select(o => o.ToString());
            Assert.Equal(new[] { name + "-renamed" }, found);
        }

        [CloudFact]
        public void New_OSImage_Server_snapshots_a_server_into_an_active_image()
        {
            var server = _prefix + "-srv";
            var snapshot = _prefix + "-snap";
            var serverId = _session.Run($"(New-OSServer -Name {server} -Image los-fake-image -Flavor m1.tiny -Network none).Id").AssertNoErrors().Output.Single().ToString();

            // Nova here runs the fake virt driver, whose snapshot uploads nothing. The test plays the part a real
            // driver plays while New-OSImage waits: it sets the formats and uploads the disk into the queued image.
            var image = _session.Run($@"
                $task = New-OSImage -Server {server} -Name {snapshot} -Property @{{ purpose = 'template' }} -RunAsync
                $deadline = [datetime]::UtcNow.AddSeconds(30)
                do {{ [Threading.Thread]::Sleep(200); $queued = Get-OSImage -Name {snapshot} -ErrorAction SilentlyContinue }}
                until ($queued -or [datetime]::UtcNow -gt $deadline)
                $formats = [OpenStackOrchestrator.Client.Image.ImageUpdate]::new()
                $formats.DiskFormat = 'raw'; $formats.ContainerFormat = 'bare'
                $none = [Threading.CancellationToken]::None
                $null = $DefaultOSCloud.Image.UpdateAsync($queued.Id, $formats, $none).GetAwaiter().GetResult()
                $disk = [IO.MemoryStream]::new([byte[]]::new(1MB))
                $null = $DefaultOSCloud.Image.UploadDataAsync($queued.Id, $disk, $null, $null, $none).GetAwaiter().GetResult()
                $task | Wait-OSTask").AssertNoErrors().Output.Single();

            Assert.Equal("OpenStackOrchestrator.Image", image.TypeNames[0]);
            Assert.Equal(snapshot, image.Properties["Name"].Value);
            Assert.Equal("active", image.Properties["Status"].Value);
            var properties = (System.Collections.Generic.IReadOnlyDictionary<string, string>)image.Properties["Properties"].Value;
            Assert.Equal(serverId, properties["instance_uuid"]);
            Assert.Equal("template", properties["purpose"]);
        }

        [CloudFact]
        public void A_snapshot_that_never_gets_data_fails_as_ImageFailed_and_leaves_no_image()
        {
            var server = _prefix + "-srv2";
            var snapshot = _prefix + "-empty";
            _session.Run($"New-OSServer -Name {server} -Image los-fake-image -Flavor m1.tiny -Network none").AssertNoErrors();

            var error = _session.Run($"New-OSImage -Server {server} -Name {snapshot}").SingleError();

            Assert.Equal("ImageFailed,OpenStackOrchestrator.Cmdlets.Images.NewOSImageCommand", error.FullyQualifiedErrorId);
            Assert.Contains("received no data", error.Exception.Message);
            Assert.Empty(ImageIdsNamed(snapshot));
        }

        [CloudFact]
        public void An_ambiguous_image_name_is_an_AmbiguousName_error_that_lists_both_ids()
        {
            var name = _prefix + "-twin";
            var first = NewImage(name).Properties["Id"].Value.ToString();
            var second = NewImage(name).Properties["Id"].Value.ToString();

            var saved = Directory.CreateDirectory(Path.Combine(_folder, "twins")).FullName;
            var save = _session.Run($"Save-OSImage -Image {name} -Path '{saved}'").SingleError();
            var remove = _session.Run($"Remove-OSImage -Image {name} -Confirm:$false").SingleError();

            Assert.Equal("AmbiguousName," + Cmdlets + "SaveOSImageCommand", save.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, save.CategoryInfo.Category);
            Assert.Contains(first!, save.Exception.Message);
            Assert.Contains(second!, save.Exception.Message);
            Assert.Equal("AmbiguousName," + Cmdlets + "RemoveOSImageCommand", remove.FullyQualifiedErrorId);
            Assert.Equal(new[] { first, second }.OrderBy(i => i), ImageIdsNamed(name).OrderBy(i => i));
            Assert.Empty(Directory.GetFiles(saved));
        }

        [CloudFact]
        public void A_missing_file_is_a_PathNotFound_error_and_creates_no_image()
        {
            var name = _prefix + "-missing";

            var error = _session.Run($"New-OSImage -Name {name} -Path '{Path.Combine(_folder, "no-such-disk.qcow2")}'").SingleError();

            Assert.Equal("PathNotFound," + Cmdlets + "NewOSImageCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Empty(ImageIdsNamed(name));
        }

        [CloudFact]
        public void Save_OSImage_does_not_overwrite_an_existing_file_without_Force()
        {
            var name = _prefix + "-keep";
            NewImage(name, size: 2048);
            var target = Path.Combine(_folder, "existing.img");
            File.WriteAllText(target, "precious");

            var error = _session.Run($"Save-OSImage -Image {name} -Path '{target}'").SingleError();

            Assert.Equal("FileExists," + Cmdlets + "SaveOSImageCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
            Assert.Equal("precious", File.ReadAllText(target));

            _session.Run($"Save-OSImage -Image {name} -Path '{target}' -Force").AssertNoErrors();
            Assert.Equal(2048, new FileInfo(target).Length);
        }

        [CloudFact]
        public void Remove_OSImage_WhatIf_leaves_the_image_and_Confirm_false_removes_it()
        {
            var name = _prefix + "-rm";
            var id = NewImage(name).Properties["Id"].Value.ToString();
            _session.UI.Clear();

            _session.Run($"Get-OSImage -Name {name} | Remove-OSImage -WhatIf").AssertNoErrors();

            Assert.Contains(_session.UI.Output.Split('\n'), l => l.Contains("What if:") && l.Contains($"{name} ({id})"));
            Assert.Equal(new[] { id }, ImageIdsNamed(name));

            _session.Run($"Remove-OSImage -Image {id} -Confirm:$false").AssertNoErrors();
            Assert.Empty(ImageIdsNamed(name));
        }
    }
}
