using System;
using System.Collections.Generic;
using System.Linq;

namespace OpenStackOrchestrator.Client.VApp
{
    /// <summary>One disk file of an export as downloaded: what the descriptor says about it.</summary>
    internal sealed class ExportedDisk
    {
        public VAppExportDisk Disk { get; init; } = new VAppExportDisk();
        public string FileName { get; init; } = "";
        public long FileSize { get; init; }
        public long CapacityBytes { get; init; }
        /// <summary>Glance's disk_format: vmdk, raw, qcow2...</summary>
        public string DiskFormat { get; init; } = "";
        /// <summary>The VMDK's createType once downloaded (streamOptimized, monolithicSparse); null before, or when not a VMDK.</summary>
        public string? VmdkSubFormat { get; set; }
    }

    /// <summary>Maps a server (and its image's properties) to the OVF model: vSphere's names for its controller,
    /// NIC model, firmware and guest OS.</summary>
    internal static class VAppExportDescriptor
    {
        public static OvfDescriptor Build(VAppExportPlan plan, IReadOnlyList<ExportedDisk> disks)
        {
            var p = plan.ImageProperties;
            var (kind, subtype) = Controller(p);
            var guest = GuestOsId(p);
            var files = new List<OvfFile>();
            var ovfDisks = new List<OvfDisk>();
            var unit = 0;
            foreach (var d in disks)
            {
                var fileId = "file" + d.Disk.Index;
                files.Add(new OvfFile { Id = fileId, Href = d.FileName, Size = d.FileSize });
                // unit 7 of a SCSI bus is the controller itself
                if (kind == OvfControllerKind.Scsi && unit == 7)
                    unit++;
                ovfDisks.Add(new OvfDisk
                {
                    DiskId = "vmdisk" + d.Disk.Index,
                    FileId = fileId,
                    FileHref = d.FileName,
                    FileSize = d.FileSize,
                    CapacityBytes = d.CapacityBytes,
                    Format = FormatUrl(d),
                    ControllerKind = kind,
                    ControllerSubtype = subtype,
                    ControllerBus = kind == OvfControllerKind.Ide ? unit / 2 : 0,
                    UnitNumber = kind == OvfControllerKind.Ide ? unit % 2 : unit,
                    Label = "Hard disk " + d.Disk.Index,
                });
                unit++;
            }
            var adapter = NicModel(p);
            return new OvfDescriptor
            {
                OvfVersion = "1.0",
                VirtualSystemId = plan.PackageName,
                Name = plan.ServerName.Length > 0 ? plan.ServerName : plan.PackageName,
                NumCpu = plan.NumCpu,
                MemoryMB = plan.MemoryMB,
                GuestOsId = guest,
                OsCimId = guest.StartsWith("win", StringComparison.OrdinalIgnoreCase) ? 1 : guest == "otherGuest64" ? 102 : 101,
                HardwareVersion = "vmx-14",
                Firmware = Is(p, "hw_firmware_type", "uefi") ? OvfFirmware.Efi : OvfFirmware.Bios,
                SecureBoot = Is(p, "os_secure_boot", "required"),
                Disks = ovfDisks,
                Files = files,
                Nics = plan.Nics.Select((n, i) => new OvfNic
                {
                    NetworkName = n.NetworkName, AdapterType = adapter, MacAddress = n.MacAddress.Length > 0 ? n.MacAddress : null,
                    Label = $"Network adapter {i + 1}", AddressOnParent = 7 + i,
                }).ToList(),
                Networks = plan.Nics.Select(n => n.NetworkName).Distinct(StringComparer.Ordinal).ToList(),
            };
        }

        /// <summary>VMware's ovf:format for a VMDK of the given subformat; none for a disk that is not VMDK.</summary>
        private static string? FormatUrl(ExportedDisk d)
        {
            if (!string.Equals(d.DiskFormat, "vmdk", StringComparison.OrdinalIgnoreCase))
                return null;
            var sub = d.VmdkSubFormat ?? "streamOptimized";
            return sub.Equals("monolithicSparse", StringComparison.OrdinalIgnoreCase) ? OvfWriter.VmdkFormatBase + "sparse" : OvfWriter.VmdkFormatBase + sub;
        }

        /// <summary>vmware_adaptertype (VMware's driver) first, then hw_disk_bus/hw_scsi_model (libvirt's); LSI Logic when neither says.</summary>
        internal static (OvfControllerKind Kind, string? Subtype) Controller(IReadOnlyDictionary<string, string> p)
        {
            switch (Get(p, "vmware_adaptertype")?.ToLowerInvariant())
            {
                case "ide": return (OvfControllerKind.Ide, null);
                case "buslogic": return (OvfControllerKind.Scsi, "buslogic");
                case "lsilogicsas": return (OvfControllerKind.Scsi, "lsilogicsas");
                case "paravirtual": return (OvfControllerKind.Scsi, "VirtualSCSI");
                case "lsilogic": return (OvfControllerKind.Scsi, "lsilogic");
            }
            switch (Get(p, "hw_disk_bus")?.ToLowerInvariant())
            {
                case "ide": return (OvfControllerKind.Ide, null);
                case "sata": return (OvfControllerKind.Sata, "vmware.sata.ahci");
            }
            switch (Get(p, "hw_scsi_model")?.ToLowerInvariant())
            {
                case "buslogic": return (OvfControllerKind.Scsi, "buslogic");
                case "lsisas1068": return (OvfControllerKind.Scsi, "lsilogicsas");
                case "vmpvscsi": return (OvfControllerKind.Scsi, "VirtualSCSI");
            }
            return (OvfControllerKind.Scsi, "lsilogic");
        }

        internal static string NicModel(IReadOnlyDictionary<string, string> p)
        {
            switch (Get(p, "hw_vif_model")?.ToLowerInvariant())
            {
                case "e1000": return "E1000";
                case "e1000e": return "E1000e";
                case "pcnet": return "PCNet32";
                default: return "VmxNet3";
            }
        }

        /// <summary>vmware_ostype as it is; else a guest id from os_distro, then os_type.</summary>
        internal static string GuestOsId(IReadOnlyDictionary<string, string> p)
        {
            if (Get(p, "vmware_ostype") is string vmware && vmware.Length > 0)
                return vmware;
            switch (Get(p, "os_distro")?.ToLowerInvariant())
            {
                case "ubuntu": return "ubuntu64Guest";
                case "debian": return "debian10_64Guest";
                case "centos": return "centos7_64Guest";
                case "rhel": return "rhel8_64Guest";
                case "fedora": return "fedora64Guest";
                case "sles": return "sles15_64Guest";
                case "opensuse": return "opensuse64Guest";
                case "rocky": return "rockylinux_64Guest";
                case "freebsd": return "freebsd12_64Guest";
                case "windows": return "windows9Server64Guest";
            }
            switch (Get(p, "os_type")?.ToLowerInvariant())
            {
                case "windows": return "windows9Server64Guest";
                case "linux": return "otherLinux64Guest";
            }
            return "otherGuest64";
        }

        private static string? Get(IReadOnlyDictionary<string, string> p, string key) =>
            p.TryGetValue(key, out var v) ? v.Trim() : p.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase)).Value?.Trim();

        private static bool Is(IReadOnlyDictionary<string, string> p, string key, string value) =>
            string.Equals(Get(p, key), value, StringComparison.OrdinalIgnoreCase);
    }
}
