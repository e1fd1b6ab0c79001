using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.VApp;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.VApp
{
    /// <summary>A package as Export-VApp leaves it: a folder (.ovf, .mf, disks) or an .ova of the same files.</summary>
    public sealed class OvfPackageTests : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("oso-ovfpkg").FullName;
        private static readonly byte[] Disk = Enumerable.Range(0, 3000).Select(i => (byte)i).ToArray();

        public void Dispose() => Directory.Delete(_dir, true);

        private string Folder(bool withSize = true, byte[]? diskOnDisk = null, bool writeDisk = true)
        {
            var ovf = File.ReadAllText(OvfReaderTests.Fixture("bios-one-disk.ovf"))
                .Replace("ovf:size=\"1089536\"", withSize ? $"ovf:size=\"{Disk.Length}\"" : "");
            File.WriteAllText(Path.Combine(_dir, "app01.ovf"), ovf);
            if (writeDisk)
                File.WriteAllBytes(Path.Combine(_dir, "app01-disk1.vmdk"), diskOnDisk ?? Disk);
            var mf = new OvfManifest(new[]
            {
                OvfManifest.Compute("SHA256", "app01.ovf", new MemoryStream(Encoding.UTF8.GetBytes(ovf))),
                OvfManifest.Compute("SHA256", "app01-disk1.vmdk", new MemoryStream(Disk)),
            });
            File.WriteAllText(Path.Combine(_dir, "app01.mf"), mf.ToText());
            return Path.Combine(_dir, "app01.ovf");
        }

        private string Ova(string folderOvf)
        {
            var ova = Path.Combine(_dir, "app01.ova");
            using var writer = OvaWriter.Create(ova);
            writer.AddFile("app01.ovf", folderOvf);
            writer.AddFile("app01.mf", Path.ChangeExtension(folderOvf, ".mf"));
            writer.AddFile("app01-disk1.vmdk", Path.Combine(_dir, "app01-disk1.vmdk"));
            return ova;
        }

        [Fact]
        public void A_folder_and_an_ova_of_it_read_and_verify_the_same()
        {
            var folder = OvfPackage.Open(Folder());
            Assert.False(folder.IsOva);
            Assert.Equal(2, folder.Manifest!.Entries.Count);
            folder.Verify(null, default);

            var ova = OvfPackage.Open(Ova(folder.Path));
            Assert.True(ova.IsOva);
            Assert.Equal("app01.ovf", ova.DescriptorName);
            Assert.Equal("app01", ova.Descriptor.Name);
            Assert.Equal(Disk.Length, ova.SizeOf("app01-disk1.vmdk"));
            long last = 0;
            ova.Verify((done, total) => last = done, default);
            Assert.True(last >= Disk.Length);
            using var data = ova.OpenVerified("app01-disk1.vmdk");
            var copy = new MemoryStream();
            data.CopyTo(copy);
            Assert.Equal(Disk, copy.ToArray());
        }

        [Fact]
        public void A_changed_disk_is_a_digest_mismatch_naming_the_file()
        {
            var changed = (byte[])Disk.Clone();
            changed[100] ^= 0xff;
            var package = OvfPackage.Open(Ova(Folder(withSize: false, diskOnDisk: changed)));
            var ex = Assert.Throws<InvalidOvfException>(() => package.Verify(null, default));
            Assert.Equal(OvfProblem.DigestMismatch, ex.Problem);
            Assert.Equal("app01-disk1.vmdk", ex.File);
        }

        [Fact]
        public void A_disk_of_another_size_than_the_descriptor_says_is_refused_without_reading_it()
        {
            var package = OvfPackage.Open(Folder(diskOnDisk: Disk.Take(10).ToArray()));
            var ex = Assert.Throws<InvalidOvfException>(() => package.CheckFilesPresent());
            Assert.Equal(OvfProblem.DigestMismatch, ex.Problem);
            Assert.Contains("10 bytes", ex.Message);
        }

        [Fact]
        public void A_missing_disk_file_is_named()
        {
            var package = OvfPackage.Open(Folder(writeDisk: false));
            var ex = Assert.Throws<InvalidOvfException>(() => package.CheckFilesPresent());
            Assert.Equal("OvfFileMissing", ex.ErrorId);
            Assert.Contains("app01-disk1.vmdk", ex.Message);
        }

        [Fact]
        public void A_missing_path_is_FileMissing()
        {
            Assert.Equal(OvfProblem.FileMissing, Assert.Throws<InvalidOvfException>(() => OvfPackage.Open(Path.Combine(_dir, "none.ova"))).Problem);
        }

        [Theory]
        [InlineData("ovf:compression=\"gzip\"", "gzip-compressed")]
        [InlineData("ovf:chunkSize=\"2147483648\"", "in chunks")]
        public void A_compressed_or_chunked_disk_is_refused_as_unsupported(string attribute, string says)
        {
            var path = Folder();
            File.WriteAllText(path, File.ReadAllText(path).Replace("ovf:id=\"file1\"", "ovf:id=\"file1\" " + attribute));
            var ex = Assert.Throws<InvalidOvfException>(() => OvfPackage.Open(path).CheckFilesPresent());
            Assert.Equal(OvfProblem.Unsupported, ex.Problem);
            Assert.Contains(says, ex.Message);
        }
    }
}
