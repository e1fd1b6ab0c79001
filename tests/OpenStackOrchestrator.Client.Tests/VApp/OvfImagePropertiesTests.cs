using System.Collections.Generic;
using System.IO;
using OpenStackOrchestrator.Client.VApp;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.VApp
{
    public class OvfImagePropertiesTests
    {
        [Fact]
        public void A_BIOS_ubuntu_on_lsilogic_with_e1000()
        {
            var ovf = OvfReader.ReadFile(OvfReaderTests.Fixture("bios-one-disk.ovf"));
            var p = OvfImageProperties.For(ovf, ovf.Disks[0]);
            Assert.Equal(new Dictionary<string, string>
            {
                ["hw_disk_bus"] = "scsi",
                ["hw_scsi_model"] = "virtio-scsi",
                ["hw_vif_model"] = "e1000",
                ["hw_firmware_type"] = "bios",
                ["os_type"] = "linux",
                ["os_distro"] = "ubuntu",
                ["vmware_disktype"] = "streamOptimized",
                ["vmware_adaptertype"] = "lsiLogic",
                ["vmware_ostype"] = "ubuntu64Guest",
            }, p);
        }

        [Fact]
        public void An_EFI_windows_on_pvscsi_with_vmxnet3_converted_to_raw()
        {
            var ovf = OvfReader.ReadFile(OvfReaderTests.Fixture("efi-two-disks-two-nics.ovf"));
            var p = OvfImageProperties.For(ovf, ovf.Disks[1], "raw");
            Assert.Equal("uefi", p["hw_firmware_type"]);
            Assert.Equal("q35", p["hw_machine_type"]);
            Assert.Equal("virtio", p["hw_vif_model"]);
            Assert.Equal("windows", p["os_type"]);
            Assert.Equal("windows", p["os_distro"]);
            Assert.Equal("paraVirtual", p["vmware_adaptertype"]);
            Assert.Equal("windows9Server64Guest", p["vmware_ostype"]);
            Assert.False(p.ContainsKey("vmware_disktype"));
        }

        [Theory]
        [InlineData(OvfControllerKind.Ide, null, "ide", "ide")]
        [InlineData(OvfControllerKind.Sata, "vmware.sata.ahci", "sata", null)]
        [InlineData(OvfControllerKind.Nvme, "vmware.nvme.controller", "virtio", null)]
        [InlineData(OvfControllerKind.Scsi, "lsilogicsas", "scsi", "lsiLogicsas")]
        [InlineData(OvfControllerKind.Scsi, "buslogic", "scsi", "busLogic")]
        [InlineData(OvfControllerKind.Scsi, "VirtualSCSI", "scsi", "paraVirtual")]
        public void Controllers_map_to_a_bus_and_a_vmware_adapter(OvfControllerKind kind, string? subtype, string bus, string? adapter)
        {
            var disk = new OvfDisk { ControllerKind = kind, ControllerSubtype = subtype };
            Assert.Equal(bus, OvfImageProperties.DiskBus(disk));
            Assert.Equal(adapter, OvfImageProperties.VmwareAdapterType(disk));
        }

        [Theory]
        [InlineData("streamOptimized", "streamOptimized")]
        [InlineData("monolithicSparse", "sparse")]
        [InlineData("sparse", "sparse")]
        [InlineData("monolithicFlat", "preallocated")]
        [InlineData(null, null)]
        public void VMDK_subformats_map_to_vmware_disktype(string? format, string? type) => Assert.Equal(type, OvfImageProperties.VmwareDiskType(format));

        [Theory]
        [InlineData("windows2019srv_64Guest", "windows", "windows")]
        [InlineData("winNetStandardGuest", "windows", "windows")]
        [InlineData("rhel8_64Guest", "linux", "rhel")]
        [InlineData("centos7_64Guest", "linux", "centos")]
        [InlineData("debian11_64Guest", "linux", "debian")]
        [InlineData("sles15_64Guest", "linux", "sles")]
        [InlineData("other4xLinux64Guest", "linux", null)]
        [InlineData("rockylinux_64Guest", "linux", "rocky")]
        [InlineData("freebsd13_64Guest", null, "freebsd")]
        [InlineData("otherGuest", null, null)]
        public void Guest_ids_map_to_os_type_and_os_distro(string guest, string? osType, string? distro)
        {
            Assert.Equal(osType, OvfImageProperties.OsType(guest));
            Assert.Equal(distro, OvfImageProperties.OsDistro(guest));
        }

        [Theory]
        [InlineData("E1000", "e1000")]
        [InlineData("E1000e", "e1000e")]
        [InlineData("VmxNet3", "virtio")]
        [InlineData("PCNet32", "pcnet")]
        public void Adapters_map_to_hw_vif_model(string adapter, string vif) => Assert.Equal(vif, OvfImageProperties.VifModel(adapter));

        [Theory]
        [InlineData("http://www.vmware.com/interfaces/specifications/vmdk.html#streamOptimized", "a.vmdk", "vmdk")]
        [InlineData("http://www.gnome.org/~markmc/qcow-image-format.html", "a.qcow2", "qcow2")]
        [InlineData(null, "a.img", "raw")]
        [InlineData(null, "a.bin", "vmdk")]
        public void The_disk_format_comes_from_ovf_format_or_the_extension(string? format, string href, string diskFormat) =>
            Assert.Equal(diskFormat, OvfImageProperties.DiskFormat(new OvfDisk { Format = format, FileHref = href }));
    }
}
