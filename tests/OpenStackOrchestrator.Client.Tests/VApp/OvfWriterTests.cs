using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using OpenStackOrchestrator.Client.VApp;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.VApp
{
    public class OvfWriterTests
    {
        private static readonly XNamespace O = OvfWriter.Ovf;
        private static readonly XNamespace R = OvfWriter.Rasd;

        private static VAppExportPlan Plan(IReadOnlyDictionary<string, string>? properties = null) => new VAppExportPlan
        {
            ServerId = "srv-1", ServerName = "web 01", PackageName = "web 01", NumCpu = 2, MemoryMB = 4096,
            Disks = new[]
            {
                new VAppExportDisk { Index = 1, Source = VAppDiskSource.ServerSnapshot, IsBoot = true },
                new VAppExportDisk { Index = 2, Source = VAppDiskSource.Volume, VolumeId = "vol-1", VolumeName = "data", InUse = true, Device = "/dev/vdb" },
            },
            Nics = new[]
            {
                new VAppExportNic { PortId = "p1", NetworkId = "n1", NetworkName = "front", MacAddress = "fa:16:3e:00:00:01" },
                new VAppExportNic { PortId = "p2", NetworkId = "n2", NetworkName = "back", MacAddress = "fa:16:3e:00:00:02" },
            },
            ImageProperties = properties ?? new Dictionary<string, string>(),
        };

        private static List<ExportedDisk> Disks(VAppExportPlan plan) => new List<ExportedDisk>
        {
            new ExportedDisk { Disk = plan.Disks[0], FileName = "web 01-disk1.vmdk", FileSize = 1234, CapacityBytes = 10L << 30, DiskFormat = "vmdk", VmdkSubFormat = "streamOptimized" },
            new ExportedDisk { Disk = plan.Disks[1], FileName = "web 01-disk2.vmdk", FileSize = 5678, CapacityBytes = 3L << 30, DiskFormat = "vmdk" },
        };

        private static XElement Written(IReadOnlyDictionary<string, string>? properties = null)
        {
            var plan = Plan(properties);
            return XDocument.Parse(OvfWriter.ToXml(VAppExportDescriptor.Build(plan, Disks(plan)))).Root!;
        }

        [Fact]
        public void The_descriptor_has_the_sections_Import_VApp_needs()
        {
            var envelope = Written();

            Assert.Equal(O + "Envelope", envelope.Name);
            var files = envelope.Element(O + "References")!.Elements(O + "File").ToList();
            Assert.Equal(new[] { "web 01-disk1.vmdk", "web 01-disk2.vmdk" }, files.Select(f => (string)f.Attribute(O + "href")!));
            Assert.Equal(new[] { "1234", "5678" }, files.Select(f => (string)f.Attribute(O + "size")!));

            var disks = envelope.Element(O + "DiskSection")!.Elements(O + "Disk").ToList();
            Assert.Equal(new[] { "10", "3" }, disks.Select(d => (string)d.Attribute(O + "capacity")!));
            Assert.All(disks, d => Assert.Equal("byte * 2^30", (string)d.Attribute(O + "capacityAllocationUnits")!));
            Assert.Equal(files.Select(f => (string)f.Attribute(O + "id")!), disks.Select(d => (string)d.Attribute(O + "fileRef")!));
            Assert.All(disks, d => Assert.Equal(OvfWriter.StreamOptimizedFormat, (string)d.Attribute(O + "format")!));

            Assert.Equal(new[] { "front", "back" }, envelope.Element(O + "NetworkSection")!.Elements(O + "Network").Select(n => (string)n.Attribute(O + "name")!));

            var system = envelope.Element(O + "VirtualSystem")!;
            Assert.Equal("web 01", system.Element(O + "Name")!.Value);
            Assert.NotNull(system.Element(O + "OperatingSystemSection"));
            var items = system.Element(O + "VirtualHardwareSection")!.Elements(O + "Item").ToList();
            string Of(XElement item, string name) => item.Element(R + name)?.Value ?? "";
            Assert.Equal("2", Of(items.Single(i => Of(i, "ResourceType") == "3"), "VirtualQuantity"));
            Assert.Equal("4096", Of(items.Single(i => Of(i, "ResourceType") == "4"), "VirtualQuantity"));
            var controller = items.Single(i => Of(i, "ResourceType") == "6");
            Assert.Equal("lsilogic", Of(controller, "ResourceSubType"));
            var diskItems = items.Where(i => Of(i, "ResourceType") == "17").ToList();
            Assert.Equal(new[] { "ovf:/disk/vmdisk1", "ovf:/disk/vmdisk2" }, diskItems.Select(i => Of(i, "HostResource")));
            Assert.All(diskItems, i => Assert.Equal(Of(controller, "InstanceID"), Of(i, "Parent")));
            Assert.Equal(new[] { "0", "1" }, diskItems.Select(i => Of(i, "AddressOnParent")));
            var nics = items.Where(i => Of(i, "ResourceType") == "10").ToList();
            Assert.Equal(new[] { "front", "back" }, nics.Select(i => Of(i, "Connection")));
            Assert.Equal(new[] { "fa:16:3e:00:00:01", "fa:16:3e:00:00:02" }, nics.Select(i => Of(i, "Address")));
            Assert.Equal(items.Count, items.Select(i => Of(i, "InstanceID")).Distinct().Count());
        }

        [Fact]
        public void What_the_writer_writes_the_reader_reads_back()
        {
            var plan = Plan(new Dictionary<string, string> { ["hw_firmware_type"] = "uefi", ["vmware_ostype"] = "ubuntu64Guest", ["vmware_adaptertype"] = "paraVirtual" });

            var read = OvfReader.Parse(OvfWriter.ToXml(VAppExportDescriptor.Build(plan, Disks(plan))));

            Assert.Equal("web 01", read.Name);
            Assert.Equal(2, read.NumCpu);
            Assert.Equal(4096, read.MemoryMB);
            Assert.Equal(OvfFirmware.Efi, read.Firmware);
            Assert.Equal("ubuntu64Guest", read.GuestOsId);
            Assert.Equal(new[] { 10L << 30, 3L << 30 }, read.Disks.Select(d => d.CapacityBytes));
            Assert.Equal(new[] { "web 01-disk1.vmdk", "web 01-disk2.vmdk" }, read.Disks.Select(d => d.FileHref));
            Assert.All(read.Disks, d => Assert.Equal("VirtualSCSI", d.ControllerSubtype));
            Assert.Equal(new[] { "fa:16:3e:00:00:01", "fa:16:3e:00:00:02" }, read.Nics.Select(n => n.MacAddress));
            Assert.Equal(new[] { "front", "back" }, read.Nics.Select(n => n.NetworkName));
            Assert.Equal(new[] { "front", "back" }, read.Networks);
        }

        [Fact]
        public void Bios_is_the_default_and_a_sparse_vmdk_is_named_as_such()
        {
            var plan = Plan();
            var disks = Disks(plan);
            disks[1].VmdkSubFormat = "monolithicSparse";

            var read = OvfReader.Parse(OvfWriter.ToXml(VAppExportDescriptor.Build(plan, disks)));

            Assert.Equal(OvfFirmware.Bios, read.Firmware);
            Assert.Equal("otherGuest64", read.GuestOsId);
            Assert.Equal(new[] { "streamOptimized", "sparse" }, read.Disks.Select(d => d.FormatName));
        }

        [Theory]
        [InlineData("vmware_adaptertype", "lsiLogicsas", OvfControllerKind.Scsi, "lsilogicsas")]
        [InlineData("vmware_adaptertype", "busLogic", OvfControllerKind.Scsi, "buslogic")]
        [InlineData("vmware_adaptertype", "ide", OvfControllerKind.Ide, null)]
        [InlineData("hw_scsi_model", "lsisas1068", OvfControllerKind.Scsi, "lsilogicsas")]
        [InlineData("hw_scsi_model", "virtio-scsi", OvfControllerKind.Scsi, "lsilogic")]
        [InlineData("hw_disk_bus", "sata", OvfControllerKind.Sata, "vmware.sata.ahci")]
        public void The_controller_comes_from_the_image(string key, string value, OvfControllerKind kind, string? subtype)
        {
            var (k, s) = VAppExportDescriptor.Controller(new Dictionary<string, string> { [key] = value });

            Assert.Equal(kind, k);
            Assert.Equal(subtype, s);
        }

        [Theory]
        [InlineData("os_distro", "ubuntu", "ubuntu64Guest")]
        [InlineData("os_type", "windows", "windows9Server64Guest")]
        [InlineData("os_type", "linux", "otherLinux64Guest")]
        [InlineData("vmware_ostype", "centos8_64Guest", "centos8_64Guest")]
        public void The_guest_id_comes_from_the_image(string key, string value, string guest) =>
            Assert.Equal(guest, VAppExportDescriptor.GuestOsId(new Dictionary<string, string> { [key] = value }));

        [Fact]
        public async Task An_ova_holds_the_descriptor_first_then_the_manifest_then_the_disks_with_matching_digests()
        {
            var dir = Path.Combine(Path.GetTempPath(), "ovfwriter-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                var target = Path.Combine(dir, "web.ova");
                var plan = Plan();
                var disks = Disks(plan);
                var data = new[] { Enumerable.Range(0, 1234).Select(i => (byte)i).ToArray(), Enumerable.Range(0, 5678).Select(i => (byte)(i * 3)).ToArray() };
                var zero = new string('0', 64);
                var names = new[] { "web 01.ovf", disks[0].FileName, disks[1].FileName };
                var manifestLength = new OvfManifest(names.Select(n => new OvfManifestEntry("SHA256", n, zero))).ToText().Length;
                using (var package = VAppPackageWriter.For(VAppPackageFormat.Ova, target, overwrite: false))
                {
                    await package.BeginAsync("web 01.ovf", OvfWriter.ToBytes(VAppExportDescriptor.Build(plan, disks)), "web 01.mf", manifestLength, CancellationToken.None);
                    for (var i = 0; i < 2; i++)
                    {
                        var bytes = data[i];
                        // the producer writes in small pieces, as a download does
                        await package.WriteDiskAsync(disks[i].FileName, bytes.Length, async s =>
                        {
                            for (var o = 0; o < bytes.Length; o += 100)
                                await s.WriteAsync(bytes, o, Math.Min(100, bytes.Length - o));
                        }, CancellationToken.None);
                    }
                    disks[1].VmdkSubFormat = "monolithicSparse";   // the final descriptor may differ from the provisional one
                    var ovf = package.Stored(OvfWriter.ToBytes(VAppExportDescriptor.Build(plan, disks)));
                    var entries = new[] { Sha(names[0], ovf), Sha(names[1], data[0]), Sha(names[2], data[1]) };
                    await package.FinishAsync(ovf, Encoding.UTF8.GetBytes(new OvfManifest(entries).ToText()), CancellationToken.None);
                }

                Assert.Equal(new[] { "web.ova" }, Directory.GetFiles(dir).Select(Path.GetFileName));
                using var reader = OvaReader.Open(target);
                var first = reader.NextEntry()!;
                Assert.Equal("web 01.ovf", first.Name);
                var ovfBytes = ReadAll(first.Content);
                var descriptor = OvfReader.Parse(Encoding.UTF8.GetString(ovfBytes));
                Assert.Equal("sparse", descriptor.Disks[1].FormatName);
                var mf = reader.NextEntry()!;
                Assert.Equal("web 01.mf", mf.Name);
                var manifest = OvfManifest.Parse(Encoding.UTF8.GetString(ReadAll(mf.Content)));
                manifest.Verify("web 01.ovf", new MemoryStream(ovfBytes));
                for (var i = 0; i < 2; i++)
                {
                    var entry = reader.NextEntry()!;
                    Assert.Equal(disks[i].FileName, entry.Name);
                    var content = ReadAll(entry.Content);
                    Assert.Equal(data[i], content);
                    manifest.Verify(entry.Name, new MemoryStream(content));
                }
                Assert.Null(reader.NextEntry());
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public async Task A_failed_download_leaves_no_ova_behind()
        {
            var dir = Path.Combine(Path.GetTempPath(), "ovfwriter-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                using (var package = VAppPackageWriter.For(VAppPackageFormat.Ova, Path.Combine(dir, "x.ova"), overwrite: false))
                {
                    await package.BeginAsync("x.ovf", new byte[10], "x.mf", 10, CancellationToken.None);
                    var failure = await Assert.ThrowsAsync<IOException>(() => package.WriteDiskAsync("x-disk1.vmdk", 1000, async s =>
                    {
                        await s.WriteAsync(new byte[10], 0, 10);
                        throw new IOException("network gone");
                    }, CancellationToken.None));
                    Assert.Equal("network gone", failure.Message);
                }
                Assert.Empty(Directory.GetFileSystemEntries(dir));
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public async Task A_download_longer_than_announced_fails_instead_of_hanging()
        {
            var dir = Path.Combine(Path.GetTempPath(), "ovfwriter-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                using (var package = VAppPackageWriter.For(VAppPackageFormat.Ova, Path.Combine(dir, "x.ova"), overwrite: false))
                {
                    await package.BeginAsync("x.ovf", new byte[10], "x.mf", 10, CancellationToken.None);
                    var writing = package.WriteDiskAsync("x-disk1.vmdk", 100, async s =>
                    {
                        for (var i = 0; i < 100; i++)
                            await s.WriteAsync(new byte[100], 0, 100);
                    }, CancellationToken.None);
                    Assert.Same(writing, await Task.WhenAny(writing, Task.Delay(TimeSpan.FromSeconds(10))));
                    var failure = await Assert.ThrowsAsync<IOException>(() => writing);
                    Assert.Contains("more data than the 100 bytes", failure.Message);
                }
                Assert.Empty(Directory.GetFileSystemEntries(dir));
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Theory]
        [InlineData("web01", "web01")]
        [InlineData(" web 01 ", "web_01")]
        [InlineData("a/b:c#d%e?f", "a_b_c_d_e_f")]
        [InlineData("..", "vm")]
        public void Package_names_are_safe_as_file_names_and_href_URIs(string server, string package) =>
            Assert.Equal(package, VAppExporter.SafeFileName(server));

        [Fact]
        public void The_sniffer_reads_the_create_type_of_a_sparse_vmdk()
        {
            var head = new byte[4096];
            Encoding.ASCII.GetBytes("KDMV").CopyTo(head, 0);
            BitConverter.GetBytes(1L).CopyTo(head, 28);    // descriptor at sector 1
            BitConverter.GetBytes(2L).CopyTo(head, 36);    // two sectors long
            Encoding.ASCII.GetBytes("# Disk DescriptorFile\nversion=1\ncreateType=\"streamOptimized\"\n").CopyTo(head, 512);

            Assert.Equal("streamOptimized", VmdkSniffer.Parse(head, head.Length));
            Assert.Null(VmdkSniffer.Parse(new byte[4096], 4096));
        }

        private static OvfManifestEntry Sha(string name, byte[] content) => OvfManifest.Compute("SHA256", name, new MemoryStream(content));

        private static byte[] ReadAll(Stream s)
        {
            var m = new MemoryStream();
            s.CopyTo(m);
            return m.ToArray();
        }
    }
}
