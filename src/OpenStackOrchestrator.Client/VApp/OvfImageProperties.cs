using System;
using System.Collections.Generic;
using System.Linq;

namespace OpenStackOrchestrator.Client.VApp
{
    /// <summary>What an OVF says about a disk, as the Glance image properties Nova reads (libvirt's hw_* and os_*)
    /// and those VMware Integrated OpenStack's vmwareapi driver reads (vmware_*).</summary>
    public static class OvfImageProperties
    {
        /// <summary>The properties of the image made from <paramref name="disk"/>. The vmware_disktype is set only
        /// while the image stays VMDK (<paramref name="diskFormat"/> "vmdk"); a converted image has no VMDK subformat.</summary>
        public static IReadOnlyDictionary<string, string> For(OvfDescriptor ovf, OvfDisk disk, string diskFormat = "vmdk")
        {
            var p = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var bus = DiskBus(disk);
            p["hw_disk_bus"] = bus;
            if (bus == "scsi")
                p["hw_scsi_model"] = "virtio-scsi";
            var nic = ovf.Nics.FirstOrDefault();
            if (nic != null && VifModel(nic.AdapterType) is string vif)
                p["hw_vif_model"] = vif;
            p["hw_firmware_type"] = ovf.Firmware == OvfFirmware.Efi ? "uefi" : "bios";
            if (ovf.Firmware == OvfFirmware.Efi)
                p["hw_machine_type"] = "q35";
            if (OsType(ovf.GuestOsId) is string osType)
                p["os_type"] = osType;
            if (OsDistro(ovf.GuestOsId) is string distro)
                p["os_distro"] = distro;
            if (string.Equals(diskFormat, "vmdk", StringComparison.OrdinalIgnoreCase) && VmwareDiskType(disk.FormatName) is string diskType)
                p["vmware_disktype"] = diskType;
            if (VmwareAdapterType(disk) is string adapter)
                p["vmware_adaptertype"] = adapter;
            if (!string.IsNullOrEmpty(ovf.GuestOsId))
                p["vmware_ostype"] = ovf.GuestOsId!;
            return p;
        }

        /// <summary>The Glance disk_format of a disk's file: vmdk (what vSphere writes), else what ovf:format or the file's
        /// extension names (qcow2, vhd, raw).</summary>
        public static string DiskFormat(OvfDisk disk)
        {
            var format = (disk.Format ?? "").ToLowerInvariant();
            var ext = System.IO.Path.GetExtension(disk.FileHref ?? "").ToLowerInvariant();
            if (format.Contains("vmdk") || ext == ".vmdk")
                return "vmdk";
            if (format.Contains("qcow") || ext == ".qcow2")
                return "qcow2";
            if (format.Contains("vhd") || ext == ".vhd")
                return "vhd";
            if (ext == ".img" || ext == ".raw")
                return "raw";
            return "vmdk";
        }

        /// <summary>scsi, ide or sata as the controller was; NVMe (which libvirt's hw_disk_bus has no value for) as virtio.</summary>
        public static string DiskBus(OvfDisk disk)
        {
            switch (disk.ControllerKind)
            {
                case OvfControllerKind.Ide: return "ide";
                case OvfControllerKind.Sata: return "sata";
                case OvfControllerKind.Nvme: return "virtio";
                default: return "scsi";
            }
        }

        /// <summary>E1000 as e1000, E1000e as e1000e, PCNet32/Vlance as pcnet; VMXNET (paravirtual) as virtio.</summary>
        public static string? VifModel(string adapterType)
        {
            switch (adapterType.Trim().ToLowerInvariant())
            {
                case "e1000": return "e1000";
                case "e1000e": return "e1000e";
                case "pcnet32":
                case "vlance": return "pcnet";
                case "vmxnet":
                case "vmxnet2":
                case "vmxnet3":
                case "vmxnet3vrdma":
                case "sriovethernetcard": return "virtio";
                case "": return null;
                default: return "virtio";
            }
        }

        /// <summary>"windows" for vSphere's win*/windows* guest ids, "linux" for the Linux distributions' ones.</summary>
        public static string? OsType(string? guestId)
        {
            if (string.IsNullOrEmpty(guestId))
                return null;
            var g = guestId!.ToLowerInvariant();
            if (g.StartsWith("win", StringComparison.Ordinal))
                return "windows";
            if (g.Contains("linux") || LinuxPrefixes.Any(g.StartsWith))
                return "linux";
            return null;
        }

        private static readonly string[] LinuxPrefixes =
        {
            "ubuntu", "debian", "rhel", "centos", "sles", "opensuse", "suse", "fedora", "oracle", "asianux", "mandrake",
            "mandriva", "turbolinux", "redhat", "nld", "genericlinux", "coreos", "vmwarephoton", "amazonlinux", "almalinux", "rockylinux", "crxpod", "crxsys",
        };

        /// <summary>The os_distro value (Glance's metadefs list) the guest id names, when it names one.</summary>
        public static string? OsDistro(string? guestId)
        {
            if (string.IsNullOrEmpty(guestId))
                return null;
            var g = guestId!.ToLowerInvariant();
            if (g.StartsWith("win", StringComparison.Ordinal)) return "windows";
            if (g.StartsWith("ubuntu", StringComparison.Ordinal)) return "ubuntu";
            if (g.StartsWith("debian", StringComparison.Ordinal)) return "debian";
            if (g.StartsWith("rhel", StringComparison.Ordinal)) return "rhel";
            if (g.StartsWith("centos", StringComparison.Ordinal)) return "centos";
            if (g.StartsWith("sles", StringComparison.Ordinal)) return "sles";
            if (g.StartsWith("opensuse", StringComparison.Ordinal)) return "opensuse";
            if (g.StartsWith("fedora", StringComparison.Ordinal)) return "fedora";
            if (g.StartsWith("rockylinux", StringComparison.Ordinal)) return "rocky";
            if (g.StartsWith("freebsd", StringComparison.Ordinal)) return "freebsd";
            if (g.StartsWith("mandriva", StringComparison.Ordinal)) return "mandriva";
            if (g.StartsWith("mandrake", StringComparison.Ordinal)) return "mandrake";
            if (g.StartsWith("solaris", StringComparison.Ordinal)) return "opensolaris";
            return null;
        }

        /// <summary>streamOptimized stays streamOptimized; monolithicSparse/twoGbMaxExtentSparse are "sparse"; flat
        /// and eager-zeroed layouts are "preallocated".</summary>
        public static string? VmwareDiskType(string? formatName)
        {
            if (string.IsNullOrEmpty(formatName))
                return null;
            var f = formatName!.ToLowerInvariant();
            if (f == "streamoptimized")
                return "streamOptimized";
            if (f.Contains("sparse"))
                return "sparse";
            if (f.Contains("flat") || f.Contains("preallocated") || f.Contains("eagerzeroed") || f.Contains("thick"))
                return "preallocated";
            return null;
        }

        /// <summary>The vmwareapi driver's adapter names: lsiLogic, lsiLogicsas, paraVirtual, busLogic, ide.</summary>
        public static string? VmwareAdapterType(OvfDisk disk)
        {
            if (disk.ControllerKind == OvfControllerKind.Ide)
                return "ide";
            if (disk.ControllerKind != OvfControllerKind.Scsi)
                return null;
            switch ((disk.ControllerSubtype ?? "lsilogic").ToLowerInvariant())
            {
                case "lsilogicsas": return "lsiLogicsas";
                case "virtualscsi":
                case "pvscsi": return "paraVirtual";
                case "buslogic": return "busLogic";
                default: return "lsiLogic";
            }
        }
    }
}
