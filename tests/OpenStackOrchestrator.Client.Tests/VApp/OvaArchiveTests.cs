using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.VApp;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.VApp
{
    public class OvaArchiveTests
    {
        private static readonly byte[] Ovf = Encoding.UTF8.GetBytes("<Envelope/>");
        private static readonly byte[] Disk = Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray();

        [Fact]
        public void What_the_writer_writes_the_reader_reads_in_order_streaming()
        {
            var longName = new string('n', 120) + ".vmdk";
            var ova = new MemoryStream();
            using (var writer = new OvaWriter(ova, leaveOpen: true))
            {
                writer.AddEntry("app01.ovf", Ovf);
                writer.AddEntry("app01.mf", Encoding.ASCII.GetBytes("SHA256(app01.ovf)= 00\n"));
                writer.AddEntry(longName, Disk);
            }
            Assert.Equal(0, ova.Length % 512);
            ova.Position = 0;
            using var reader = new OvaReader(new NonSeekable(ova));
            var first = reader.NextEntry()!;
            Assert.Equal("app01.ovf", first.Name);
            Assert.Equal(Ovf, ReadAll(first.Content));
            // The manifest is skipped unread: the next entry still starts where it should.
            Assert.Equal("app01.mf", reader.NextEntry()!.Name);
            var disk = reader.NextEntry()!;
            Assert.Equal(longName, disk.Name);
            Assert.Equal(Disk.Length, disk.Size);
            Assert.Equal(Disk, ReadAll(disk.Content));
            Assert.Null(reader.NextEntry());
        }

        [Fact]
        public void Reads_what_GNU_tar_writes_and_tar_reads_what_it_writes()
        {
            var dir = Directory.CreateTempSubdirectory("oso-ova").FullName;
            try
            {
                File.WriteAllBytes(Path.Combine(dir, "x.ovf"), Ovf);
                File.WriteAllBytes(Path.Combine(dir, "x-disk1.vmdk"), Disk);
                if (!Run("tar", $"-C {dir} --format=pax -cf {dir}/gnu.ova x.ovf x-disk1.vmdk"))
                    return; // no tar on this machine
                var list = OvaReader.List(File.OpenRead(Path.Combine(dir, "gnu.ova")));
                Assert.Equal(new[] { ("x.ovf", (long)Ovf.Length), ("x-disk1.vmdk", (long)Disk.Length) }, list);

                using (var writer = OvaWriter.Create(Path.Combine(dir, "ours.ova")))
                {
                    writer.AddFile("x.ovf", Path.Combine(dir, "x.ovf"));
                    writer.AddFile("x-disk1.vmdk", Path.Combine(dir, "x-disk1.vmdk"));
                }
                Directory.CreateDirectory(Path.Combine(dir, "out"));
                Assert.True(Run("tar", $"-C {dir}/out -xf {dir}/ours.ova"));
                Assert.Equal(Disk, File.ReadAllBytes(Path.Combine(dir, "out", "x-disk1.vmdk")));
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void Not_a_tar_is_a_clear_error()
        {
            var junk = new MemoryStream(Enumerable.Repeat((byte)'A', 1024).ToArray());
            var ex = Assert.Throws<InvalidOvfException>(() => new OvaReader(junk, "app01.ova").NextEntry());
            Assert.Equal(OvfProblem.Malformed, ex.Problem);
            Assert.Contains("app01.ova", ex.Message);
        }

        [Fact]
        public void A_truncated_archive_is_a_clear_error()
        {
            var ova = new MemoryStream();
            using (var writer = new OvaWriter(ova, leaveOpen: true))
                writer.AddEntry("d.vmdk", Disk);
            var cut = new MemoryStream(ova.ToArray().Take(2048).ToArray());
            using var reader = new OvaReader(cut);
            var entry = reader.NextEntry()!;
            Assert.Throws<InvalidOvfException>(() => ReadAll(entry.Content));
        }

        private static byte[] ReadAll(Stream s)
        {
            var m = new MemoryStream();
            s.CopyTo(m);
            return m.ToArray();
        }

        private static bool Run(string file, string args)
        {
            try
            {
                using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
                p.WaitForExit(30000);
                return p.ExitCode == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false;
            }
        }

        private sealed class NonSeekable : Stream
        {
            private readonly Stream _inner;
            public NonSeekable(Stream inner) => _inner = inner;
            public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new System.NotSupportedException();
            public override long Position { get => throw new System.NotSupportedException(); set => throw new System.NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new System.NotSupportedException();
            public override void SetLength(long value) => throw new System.NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new System.NotSupportedException();
        }
    }
}
