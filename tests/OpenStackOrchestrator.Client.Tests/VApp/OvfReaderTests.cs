using System;
using System.IO;
using System.Linq;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.VApp;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.VApp
{
    /// <summary>Descriptors in the exact shape vSphere's Export-VApp/ovftool write them.</summary>
    public class OvfReaderTests
    {
        internal static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "vapp", name);

        [Fact]
        public void A_one_disk_BIOS_machine_reads_its_size_os_disk_and_nic()
        {
            var ovf = OvfReader.ReadFile(Fixture("bios-one-disk.ovf"));

            Assert.Equal("1.0", ovf.OvfVersion);
            Assert.Equal("app01", ovf.Name);
            Assert.Equal(2, ovf.NumCpu);
            Assert.Equal(1, ovf.CoresPerSocket);
            Assert.Equal(4096, ovf.MemoryMB);
            Assert.Equal("ubuntu64Guest", ovf.GuestOsId);
            Assert.Equal(94, ovf.OsCimId);
            Assert.Equal("Ubuntu Linux (64-bit)", ovf.OsDescription);
            Assert.Equal("vmx-15", ovf.HardwareVersion);
            Assert.Equal(OvfFirmware.Bios, ovf.Firmware);
            Assert.False(ovf.SecureBoot);
            Assert.Equal(new[] { "VM Network" }, ovf.Networks);

            var disk = Assert.Single(ovf.Disks);
            Assert.Equal("vmdisk1", disk.DiskId);
            Assert.Equal("app01-disk1.vmdk", disk.FileHref);
            Assert.Equal(1089536, disk.FileSize);
            Assert.Equal(16L << 30, disk.CapacityBytes);
            Assert.Equal(16, disk.CapacityGB);
            Assert.Equal(2147483648, disk.PopulatedSizeBytes);
            Assert.Equal("streamOptimized", disk.FormatName);
            Assert.Equal(OvfControllerKind.Scsi, disk.ControllerKind);
            Assert.Equal("lsilogic", disk.ControllerSubtype);
            Assert.Equal(0, disk.UnitNumber);
            Assert.Equal("Hard disk 1", disk.Label);

            var nic = Assert.Single(ovf.Nics);
            Assert.Equal("VM Network", nic.NetworkName);
            Assert.Equal("E1000", nic.AdapterType);
            Assert.Null(nic.MacAddress);
            Assert.Equal("file1", Assert.Single(ovf.Files).Id);
        }

        [Fact]
        public void A_two_disk_two_nic_EFI_machine_reads_disks_in_address_order_pvscsi_vmxnet3_and_macs()
        {
            var ovf = OvfReader.ReadFile(Fixture("efi-two-disks-two-nics.ovf"));

            Assert.Equal("db01", ovf.Name);
            Assert.Equal(4, ovf.NumCpu);
            Assert.Equal(2, ovf.CoresPerSocket);
            Assert.Equal(8192, ovf.MemoryMB);
            Assert.Equal("windows9Server64Guest", ovf.GuestOsId);
            Assert.Equal(OvfFirmware.Efi, ovf.Firmware);
            Assert.True(ovf.SecureBoot);
            Assert.Equal(3, ovf.Files.Count);

            // The items list disk 2 first; the address (SCSI 0:0 before 0:1) decides.
            Assert.Equal(new[] { "vmdisk1", "vmdisk2" }, ovf.Disks.Select(d => d.DiskId));
            Assert.Equal(new[] { 40L << 30, 100L << 30 }, ovf.Disks.Select(d => d.CapacityBytes));
            Assert.Equal(new[] { "db01-disk1.vmdk", "db01-disk2.vmdk" }, ovf.Disks.Select(d => d.FileHref));
            Assert.All(ovf.Disks, d => Assert.Equal("VirtualSCSI", d.ControllerSubtype));
            Assert.All(ovf.Disks, d => Assert.Equal(OvfControllerKind.Scsi, d.ControllerKind));
            Assert.Equal(new[] { 0, 1 }, ovf.Disks.Select(d => d.UnitNumber));

            Assert.Equal(new[] { "Prod-Frontend", "Prod-Backend" }, ovf.Nics.Select(n => n.NetworkName));
            Assert.All(ovf.Nics, n => Assert.Equal("VmxNet3", n.AdapterType));
            Assert.Equal(new[] { "00:50:56:8e:1a:2b", "00:50:56:8e:3c:4d" }, ovf.Nics.Select(n => n.MacAddress));
        }

        [Fact]
        public void OVF_2_with_StorageItem_and_EthernetPortItem_reads_the_same()
        {
            var xml = File.ReadAllText(Fixture("bios-one-disk.ovf"))
                .Replace("http://schemas.dmtf.org/ovf/envelope/1", "http://schemas.dmtf.org/ovf/envelope/2")
                .Replace("<Item>\n        <rasd:AddressOnParent>7", "<EthernetPortItem xmlns:epasd=\"http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_EthernetPortAllocationSettingData\">\n        <rasd:AddressOnParent>7");
            xml = ReplaceItemEnd(xml, "Network adapter 1", "EthernetPortItem");
            var ovf = OvfReader.Parse(xml);
            Assert.Equal("2.0", ovf.OvfVersion);
            Assert.Equal("E1000", Assert.Single(ovf.Nics).AdapterType);
            Assert.Single(ovf.Disks);
        }

        private static string ReplaceItemEnd(string xml, string label, string element)
        {
            var at = xml.IndexOf(label, StringComparison.Ordinal);
            var end = xml.IndexOf("</Item>", at, StringComparison.Ordinal);
            return xml.Substring(0, end) + "</" + element + ">" + xml.Substring(end + "</Item>".Length);
        }

        [Fact]
        public void Memory_in_other_units_and_sata_nvme_ide_controllers_are_understood()
        {
            var xml = File.ReadAllText(Fixture("bios-one-disk.ovf"))
                .Replace("<rasd:AllocationUnits>byte * 2^20</rasd:AllocationUnits>", "<rasd:AllocationUnits>byte * 2^30</rasd:AllocationUnits>")
                .Replace("<rasd:VirtualQuantity>4096</rasd:VirtualQuantity>", "<rasd:VirtualQuantity>4</rasd:VirtualQuantity>")
                .Replace("<rasd:ResourceSubType>lsilogic</rasd:ResourceSubType>\n        <rasd:ResourceType>6</rasd:ResourceType>",
                         "<rasd:ResourceSubType>vmware.nvme.controller</rasd:ResourceSubType>\n        <rasd:ResourceType>20</rasd:ResourceType>");
            var ovf = OvfReader.Parse(xml);
            Assert.Equal(4096, ovf.MemoryMB);
            Assert.Equal(OvfControllerKind.Nvme, Assert.Single(ovf.Disks).ControllerKind);

            var ide = OvfReader.Parse(File.ReadAllText(Fixture("bios-one-disk.ovf")).Replace("<rasd:Parent>3</rasd:Parent>\n        <rasd:ResourceType>17", "<rasd:Parent>5</rasd:Parent>\n        <rasd:ResourceType>17"));
            Assert.Equal(OvfControllerKind.Ide, Assert.Single(ide.Disks).ControllerKind);
            Assert.Null(ide.Disks[0].ControllerSubtype);
        }

        [Theory]
        [InlineData("byte", 1L)]
        [InlineData("byte * 2^20", 1L << 20)]
        [InlineData("byte*2^30", 1L << 30)]
        [InlineData("byte * 10^3", 1000L)]
        [InlineData("MegaBytes", 1L << 20)]
        [InlineData("GB", 1L << 30)]
        public void Allocation_units_parse(string units, long bytes) => Assert.Equal(bytes, OvfUnits.Parse(units));

        [Fact]
        public void Without_a_VirtualSystem_it_says_so()
        {
            var xml = "<Envelope xmlns=\"http://schemas.dmtf.org/ovf/envelope/1\"><References/></Envelope>";
            var ex = Assert.Throws<InvalidOvfException>(() => OvfReader.Parse(xml, "empty.ovf"));
            Assert.Equal(OvfProblem.NoVirtualSystem, ex.Problem);
            Assert.Equal("OvfNoVirtualSystem", ex.ErrorId);
            Assert.Contains("empty.ovf", ex.Message);
        }

        [Fact]
        public void Without_a_CPU_item_it_says_so()
        {
            var xml = RemoveItem(File.ReadAllText(Fixture("bios-one-disk.ovf")), "2 virtual CPU(s)");
            var ex = Assert.Throws<InvalidOvfException>(() => OvfReader.Parse(xml, "nocpu.ovf"));
            Assert.Equal("OvfNoCpu", ex.ErrorId);
            Assert.Contains("CPU", ex.Message);
        }

        [Fact]
        public void Without_memory_it_says_so()
        {
            var xml = RemoveItem(File.ReadAllText(Fixture("bios-one-disk.ovf")), "4096MB of memory");
            var ex = Assert.Throws<InvalidOvfException>(() => OvfReader.Parse(xml));
            Assert.Equal("OvfNoMemory", ex.ErrorId);
        }

        [Fact]
        public void A_disk_whose_file_is_not_listed_is_named()
        {
            var xml = File.ReadAllText(Fixture("bios-one-disk.ovf")).Replace("<File ovf:href=\"app01-disk1.vmdk\" ovf:id=\"file1\" ovf:size=\"1089536\"/>", "");
            var ex = Assert.Throws<InvalidOvfException>(() => OvfReader.Parse(xml, "app01.ovf"));
            Assert.Equal(OvfProblem.DiskFileNotListed, ex.Problem);
            Assert.Contains("vmdisk1", ex.Message);
            Assert.Contains("file1", ex.Message);
        }

        [Fact]
        public void Malformed_XML_is_reported_with_the_file()
        {
            var ex = Assert.Throws<InvalidOvfException>(() => OvfReader.Parse("<Envelope><VirtualSystem>", "broken.ovf"));
            Assert.Equal("OvfMalformed", ex.ErrorId);
            Assert.Contains("broken.ovf", ex.Message);
            var notOvf = Assert.Throws<InvalidOvfException>(() => OvfReader.Parse("<html/>"));
            Assert.Equal(OvfProblem.Malformed, notOvf.Problem);
        }

        [Fact]
        public void A_DTD_is_refused_not_expanded()
        {
            var xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><Envelope>&a;</Envelope>";
            Assert.Equal(OvfProblem.Malformed, Assert.Throws<InvalidOvfException>(() => OvfReader.Parse(xml)).Problem);
        }

        internal static string RemoveItem(string xml, string elementName)
        {
            var at = xml.IndexOf("<rasd:ElementName>" + elementName, StringComparison.Ordinal);
            var start = xml.LastIndexOf("<Item", at, StringComparison.Ordinal);
            var end = xml.IndexOf("</Item>", at, StringComparison.Ordinal) + "</Item>".Length;
            return xml.Substring(0, start) + xml.Substring(end);
        }
    }
}
