using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.VApp;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.VApp
{
    public class OvfManifestTests
    {
        private static readonly byte[] Disk = Encoding.ASCII.GetBytes(new string('d', 70000));

        private static string Hex(byte[] digest) => string.Concat(digest.Select(b => b.ToString("x2")));

        [Fact]
        public void Reads_SHA1_SHA256_and_SHA512_lines_as_ovftool_writes_them()
        {
            var text = $"SHA256(app01.ovf)= {Hex(SHA256.HashData(Encoding.ASCII.GetBytes("x")))}\n" +
                       $"SHA1(app01-disk1.vmdk)= {Hex(SHA1.HashData(Disk)).ToUpperInvariant()}\r\n" +
                       $"SHA512(app01-file1.nvram)= {Hex(SHA512.HashData(Disk))}\n\n";
            var mf = OvfManifest.Parse(text);
            Assert.Equal(new[] { "SHA256", "SHA1", "SHA512" }, mf.Entries.Select(e => e.Algorithm));
            Assert.Equal("app01-disk1.vmdk", mf.Entries[1].FileName);
            Assert.Equal(Hex(SHA1.HashData(Disk)), mf.Find("app01-disk1.vmdk")!.Digest);
            mf.Verify("app01-disk1.vmdk", new MemoryStream(Disk));
            mf.Verify("app01-file1.nvram", new MemoryStream(Disk));
        }

        [Fact]
        public void Writes_what_it_reads()
        {
            var entry = OvfManifest.Compute("sha256", "a b.vmdk", new MemoryStream(Disk));
            var mf = new OvfManifest(new[] { entry });
            Assert.Equal($"SHA256(a b.vmdk)= {Hex(SHA256.HashData(Disk))}\n", mf.ToText());
            var again = OvfManifest.Parse(mf.ToText());
            Assert.Equal(entry.Digest, again.Find("a b.vmdk")!.Digest);
        }

        [Fact]
        public void A_changed_file_fails_when_its_stream_ends_naming_file_and_digests()
        {
            var mf = OvfManifest.Parse($"SHA256(app01-disk1.vmdk)= {Hex(SHA256.HashData(Disk))}\n");
            var changed = (byte[])Disk.Clone();
            changed[12345] ^= 1;
            using var verifying = mf.OpenVerifying("app01-disk1.vmdk", new MemoryStream(changed));
            var buffer = new byte[4096];
            var ex = Assert.Throws<InvalidOvfException>(() => { while (verifying.Read(buffer, 0, buffer.Length) > 0) { } });
            Assert.Equal("OvfDigestMismatch", ex.ErrorId);
            Assert.Equal("app01-disk1.vmdk", ex.File);
            Assert.Contains(Hex(SHA256.HashData(changed)), ex.Message);
        }

        [Fact]
        public void A_garbled_line_or_a_short_digest_is_refused()
        {
            Assert.Equal(OvfProblem.DigestMismatch, Assert.Throws<InvalidOvfException>(() => OvfManifest.Parse("SHA256 app01.ovf 1234\n", "app01.mf")).Problem);
            Assert.Contains("64", Assert.Throws<InvalidOvfException>(() => OvfManifest.Parse("SHA256(app01.ovf)= 1234\n")).Message);
        }

        [Fact]
        public void A_file_the_manifest_does_not_list_passes_through()
        {
            var mf = OvfManifest.Parse("");
            mf.Verify("other.vmdk", new MemoryStream(Disk));
        }
    }
}
