using System;
using System.Collections.Generic;

namespace OpenStackOrchestrator.Client.VApp
{
    /// <summary>One virtual machine as an OVF descriptor describes it (what vSphere's Export-VApp writes), read by
    /// <see cref="OvfReader"/> or built by hand to be written. Immutable: build it with an object initializer.</summary>
    public sealed class OvfDescriptor
    {
        /// <summary>"1.0" or "2.0": the DMTF OVF envelope version (from its namespace).</summary>
        public string OvfVersion { get; init; } = "1.0";
        /// <summary>The VirtualSystem's ovf:id.</summary>
        public string VirtualSystemId { get; init; } = "";
        /// <summary>The VirtualSystem's Name (falls back to its ovf:id).</summary>
        public string Name { get; init; } = "";
        public int NumCpu { get; init; }
        /// <summary>vmw:CoresPerSocket of the CPU item, when written.</summary>
        public int? CoresPerSocket { get; init; }
        public long MemoryMB { get; init; }
        /// <summary>vmw:osType of the OperatingSystemSection: ubuntu64Guest, windows9Server64Guest, other3xLinux64Guest...</summary>
        public string? GuestOsId { get; init; }
        /// <summary>The OperatingSystemSection's ovf:id (the CIM operating system number).</summary>
        public int? OsCimId { get; init; }
        /// <summary>The OperatingSystemSection's Description: "Ubuntu Linux (64-bit)".</summary>
        public string? OsDescription { get; init; }
        /// <summary>The virtual hardware family (vssd:VirtualSystemType): "vmx-19".</summary>
        public string? HardwareVersion { get; init; }
        public OvfFirmware Firmware { get; init; } = OvfFirmware.Bios;
        /// <summary>vmw:Config uefi.secureBoot.enabled.</summary>
        public bool SecureBoot { get; init; }
        /// <summary>The disks, in the order of their controller and their address on it (the first is the boot disk).</summary>
        public IReadOnlyList<OvfDisk> Disks { get; init; } = Array.Empty<OvfDisk>();
        /// <summary>The network adapters, in the order of their address on the bus.</summary>
        public IReadOnlyList<OvfNic> Nics { get; init; } = Array.Empty<OvfNic>();
        /// <summary>The References section: every file of the package (disks, nvram, ISOs).</summary>
        public IReadOnlyList<OvfFile> Files { get; init; } = Array.Empty<OvfFile>();
        /// <summary>The networks the NetworkSection declares.</summary>
        public IReadOnlyList<string> Networks { get; init; } = Array.Empty<string>();
    }

    public enum OvfFirmware
    {
        Bios,
        Efi,
    }

    public enum OvfControllerKind
    {
        Scsi,
        Ide,
        Sata,
        Nvme,
    }

    /// <summary>A virtual disk: its Disk entry of the DiskSection joined with its hardware item and controller.</summary>
    public sealed class OvfDisk
    {
        /// <summary>ovf:diskId: "vmdisk1".</summary>
        public string DiskId { get; init; } = "";
        /// <summary>ovf:fileRef, the id of its file in <see cref="OvfDescriptor.Files"/>; null for a blank disk.</summary>
        public string? FileId { get; init; }
        /// <summary>The file's ovf:href: "app01-disk1.vmdk"; null for a blank disk.</summary>
        public string? FileHref { get; init; }
        /// <summary>The file's ovf:size in bytes, when written.</summary>
        public long? FileSize { get; init; }
        /// <summary>The virtual size in bytes (ovf:capacity times ovf:capacityAllocationUnits).</summary>
        public long CapacityBytes { get; init; }
        /// <summary>ovf:populatedSize in bytes, when written.</summary>
        public long? PopulatedSizeBytes { get; init; }
        /// <summary>ovf:format: "http://www.vmware.com/interfaces/specifications/vmdk.html#streamOptimized".</summary>
        public string? Format { get; init; }
        public OvfControllerKind ControllerKind { get; init; } = OvfControllerKind.Scsi;
        /// <summary>The controller's ResourceSubType as written: lsilogic, lsilogicsas, VirtualSCSI, buslogic,
        /// vmware.sata.ahci, vmware.nvme.controller, PIIX4; null when the item has none.</summary>
        public string? ControllerSubtype { get; init; }
        /// <summary>The controller's bus number (its rasd:Address), 0 when not written.</summary>
        public int ControllerBus { get; init; }
        /// <summary>The unit on the controller (rasd:AddressOnParent).</summary>
        public int UnitNumber { get; init; }
        /// <summary>The item's ElementName: "Hard disk 1".</summary>
        public string? Label { get; init; }

        /// <summary>The part of <see cref="Format"/> after '#': "streamOptimized", "sparse", "monolithicSparse".</summary>
        public string? FormatName => Format == null ? null
            : Format.IndexOf('#') is var i && i >= 0 ? Format.Substring(i + 1) : Format;

        public int CapacityGB => (int)Math.Max(1, (CapacityBytes + (1L << 30) - 1) >> 30);
    }

    /// <summary>A network adapter.</summary>
    public sealed class OvfNic
    {
        /// <summary>The network it connects to (rasd:Connection): "VM Network".</summary>
        public string NetworkName { get; init; } = "";
        /// <summary>ResourceSubType as written: E1000, E1000e, VmxNet3, VmxNet2, PCNet32, Vlance, SriovEthernetCard.</summary>
        public string AdapterType { get; init; } = "";
        /// <summary>"00:50:56:aa:bb:cc" when the export kept it (rasd:Address or a vmw:Config key); lower case.</summary>
        public string? MacAddress { get; init; }
        /// <summary>The item's ElementName: "Network adapter 1".</summary>
        public string? Label { get; init; }
        /// <summary>rasd:AddressOnParent (the PCI slot order vSphere writes).</summary>
        public int? AddressOnParent { get; init; }
    }

    /// <summary>A file of the References section.</summary>
    public sealed class OvfFile
    {
        public string Id { get; init; } = "";
        public string Href { get; init; } = "";
        public long? Size { get; init; }
        /// <summary>ovf:compression ("gzip") when the file is stored compressed (ovftool --compress).</summary>
        public string? Compression { get; init; }
        /// <summary>ovf:chunkSize when the file is split into href.000000000, href.000000001... (ovftool --chunkSize).</summary>
        public long? ChunkSize { get; init; }
    }
}
