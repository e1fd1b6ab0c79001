using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace OpenStackOrchestrator.Client.VApp
{
    /// <summary>Writes an <see cref="OvfDescriptor"/> as the OVF 1.0 descriptor vSphere's Export-VApp writes (and its
    /// Import-VApp reads): References, DiskSection, NetworkSection, one VirtualSystem with its OperatingSystemSection
    /// and VirtualHardwareSection (CPU, memory, one disk controller, a disk item per disk, a NIC item per NIC with its
    /// MAC kept as a manual address, firmware as vmw:Config).</summary>
    public static class OvfWriter
    {
        public static readonly XNamespace Ovf = "http://schemas.dmtf.org/ovf/envelope/1";
        public static readonly XNamespace Rasd = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData";
        public static readonly XNamespace Vssd = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_VirtualSystemSettingData";
        public static readonly XNamespace Vmw = "http://www.vmware.com/schema/ovf";
        private static readonly XNamespace Cim = "http://schemas.dmtf.org/wbem/wscim/1/common";
        private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

        /// <summary>ovf:format of a streamOptimized VMDK, the only disk format vSphere deploys from an OVF.</summary>
        public const string StreamOptimizedFormat = "http://www.vmware.com/interfaces/specifications/vmdk.html#streamOptimized";
        public const string VmdkFormatBase = "http://www.vmware.com/interfaces/specifications/vmdk.html#";

        public static string ToXml(OvfDescriptor ovf)
        {
            var document = Build(ovf);
            var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", NewLineChars = "\n" };
            using (var buffer = new MemoryStream())
            {
                using (var writer = XmlWriter.Create(buffer, settings))
                {
                    writer.WriteStartDocument();
                    WriteElement(writer, document.Root!);
                    writer.WriteEndDocument();
                }
                return new UTF8Encoding(false).GetString(buffer.ToArray()) + "\n";
            }
        }

        /// <summary>LINQ to XML would prefix every envelope element with ovf:; vSphere writes them in the default
        /// namespace (same meaning, the shape people and tools expect).</summary>
        private static void WriteElement(XmlWriter writer, XElement element)
        {
            var ns = element.Name.Namespace;
            writer.WriteStartElement(ns == Ovf ? "" : element.GetPrefixOfNamespace(ns), element.Name.LocalName, ns.NamespaceName);
            foreach (var attribute in element.Attributes())
            {
                if (attribute.IsNamespaceDeclaration)
                    writer.WriteAttributeString(attribute.Name.Namespace == XNamespace.None ? "" : "xmlns", attribute.Name.LocalName, "http://www.w3.org/2000/xmlns/", attribute.Value);
                else if (attribute.Name.Namespace == XNamespace.None)
                    writer.WriteAttributeString(attribute.Name.LocalName, attribute.Value);
                else
                    writer.WriteAttributeString(element.GetPrefixOfNamespace(attribute.Name.Namespace), attribute.Name.LocalName, attribute.Name.NamespaceName, attribute.Value);
            }
            foreach (var node in element.Nodes())
            {
                if (node is XElement child)
                    WriteElement(writer, child);
                else if (node is XText text)
                    writer.WriteString(text.Value);
            }
            writer.WriteEndElement();
        }

        public static byte[] ToBytes(OvfDescriptor ovf) => new UTF8Encoding(false).GetBytes(ToXml(ovf));

        public static XDocument Build(OvfDescriptor ovf)
        {
            var files = ovf.Files.Count > 0 ? ovf.Files : ovf.Disks.Where(d => d.FileHref != null)
                .Select(d => new OvfFile { Id = d.FileId ?? "", Href = d.FileHref!, Size = d.FileSize }).ToList();
            var networks = ovf.Networks.Count > 0 ? ovf.Networks : ovf.Nics.Select(n => n.NetworkName).Distinct(StringComparer.Ordinal).ToList();

            // vSphere's shape: the envelope namespace is the default one (unprefixed elements) and also "ovf" (for attributes)
            var envelope = new XElement(Ovf + "Envelope",
                new XAttribute("xmlns", Ovf.NamespaceName),
                new XAttribute(XNamespace.Xmlns + "ovf", Ovf),
                new XAttribute(XNamespace.Xmlns + "cim", Cim),
                new XAttribute(XNamespace.Xmlns + "rasd", Rasd),
                new XAttribute(XNamespace.Xmlns + "vmw", Vmw),
                new XAttribute(XNamespace.Xmlns + "vssd", Vssd),
                new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
                new XElement(Ovf + "References", files.Select(f => new XElement(Ovf + "File",
                    new XAttribute(Ovf + "href", f.Href), new XAttribute(Ovf + "id", f.Id),
                    f.Size.HasValue ? new XAttribute(Ovf + "size", Num(f.Size.Value)) : null))),
                new XElement(Ovf + "DiskSection",
                    new XElement(Ovf + "Info", "Virtual disk information"),
                    ovf.Disks.Select(DiskEntry)),
                new XElement(Ovf + "NetworkSection",
                    new XElement(Ovf + "Info", "The list of logical networks"),
                    networks.Select(n => new XElement(Ovf + "Network", new XAttribute(Ovf + "name", n),
                        new XElement(Ovf + "Description", $"The {n} network")))),
                VirtualSystem(ovf));
            return new XDocument(new XDeclaration("1.0", "UTF-8", null), envelope);
        }

        private static XElement DiskEntry(OvfDisk disk)
        {
            // capacity in whole MiB when it divides, else in bytes (vSphere writes GiB for round sizes)
            var (quantity, units) = disk.CapacityBytes % (1L << 30) == 0 ? (disk.CapacityBytes >> 30, OvfUnits.PowerOfTwo(30))
                : disk.CapacityBytes % (1L << 20) == 0 ? (disk.CapacityBytes >> 20, OvfUnits.PowerOfTwo(20)) : (disk.CapacityBytes, OvfUnits.PowerOfTwo(0));
            return new XElement(Ovf + "Disk",
                new XAttribute(Ovf + "capacity", Num(quantity)),
                new XAttribute(Ovf + "capacityAllocationUnits", units),
                new XAttribute(Ovf + "diskId", disk.DiskId),
                disk.FileId != null ? new XAttribute(Ovf + "fileRef", disk.FileId) : null,
                disk.Format != null ? new XAttribute(Ovf + "format", disk.Format) : null,
                disk.PopulatedSizeBytes.HasValue ? new XAttribute(Ovf + "populatedSize", Num(disk.PopulatedSizeBytes.Value)) : null);
        }

        private static XElement VirtualSystem(OvfDescriptor ovf)
        {
            var id = ovf.VirtualSystemId.Length > 0 ? ovf.VirtualSystemId : ovf.Name;
            var items = new List<XElement>();
            var instance = 0;
            items.Add(Item(++instance, 3, $"{ovf.NumCpu} virtual CPU(s)", "Number of Virtual CPUs",
                ("AllocationUnits", "hertz * 10^6"), ("VirtualQuantity", Num(ovf.NumCpu))));
            if (ovf.CoresPerSocket.HasValue)
                items[items.Count - 1].Add(Config("CoresPerSocket", Num(ovf.CoresPerSocket.Value)));
            items.Add(Item(++instance, 4, $"{Num(ovf.MemoryMB)}MB of memory", "Memory Size",
                ("AllocationUnits", "byte * 2^20"), ("VirtualQuantity", Num(ovf.MemoryMB))));

            // one controller per kind and bus the disks use, in the order they first appear
            var controllers = new Dictionary<(OvfControllerKind, int), int>();
            foreach (var disk in ovf.Disks)
            {
                var key = (disk.ControllerKind, disk.ControllerBus);
                if (controllers.ContainsKey(key))
                    continue;
                controllers[key] = ++instance;
                items.Add(Controller(instance, disk));
            }
            var diskNumber = 0;
            foreach (var disk in ovf.Disks)
            {
                diskNumber++;
                items.Add(Item(++instance, 17, disk.Label ?? $"Hard disk {diskNumber}", null,
                    ("AddressOnParent", Num(disk.UnitNumber)), ("HostResource", "ovf:/disk/" + disk.DiskId),
                    ("Parent", Num(controllers[(disk.ControllerKind, disk.ControllerBus)]))));
            }
            var nicNumber = 0;
            foreach (var nic in ovf.Nics)
            {
                nicNumber++;
                var adapter = nic.AdapterType.Length > 0 ? nic.AdapterType : "VmxNet3";
                var item = Item(++instance, 10, nic.Label ?? $"Network adapter {nicNumber}", $"{adapter} ethernet adapter on \"{nic.NetworkName}\"",
                    ("Address", nic.MacAddress), ("AddressOnParent", Num(nic.AddressOnParent ?? 6 + nicNumber)), ("AutomaticAllocation", "true"),
                    ("Connection", nic.NetworkName), ("ResourceSubType", adapter));
                if (nic.MacAddress != null)
                    item.Add(Config("addressType", "Manual"));   // keep the MAC: vSphere would generate one otherwise
                items.Add(item);
            }

            var hardware = new XElement(Ovf + "VirtualHardwareSection",
                new XElement(Ovf + "Info", "Virtual hardware requirements"),
                new XElement(Ovf + "System",
                    new XElement(Vssd + "ElementName", "Virtual Hardware Family"),
                    new XElement(Vssd + "InstanceID", "0"),
                    new XElement(Vssd + "VirtualSystemIdentifier", id),
                    new XElement(Vssd + "VirtualSystemType", ovf.HardwareVersion ?? "vmx-14")),
                items);
            hardware.Add(Config("firmware", ovf.Firmware == OvfFirmware.Efi ? "efi" : "bios"));
            if (ovf.Firmware == OvfFirmware.Efi && ovf.SecureBoot)
                hardware.Add(Config("uefi.secureBoot.enabled", "true"));

            return new XElement(Ovf + "VirtualSystem", new XAttribute(Ovf + "id", id),
                new XElement(Ovf + "Info", "A virtual machine"),
                new XElement(Ovf + "Name", ovf.Name),
                new XElement(Ovf + "OperatingSystemSection",
                    new XAttribute(Ovf + "id", Num(ovf.OsCimId ?? 1)),
                    ovf.GuestOsId != null ? new XAttribute(Vmw + "osType", ovf.GuestOsId) : null,
                    new XElement(Ovf + "Info", "The kind of installed guest operating system"),
                    ovf.OsDescription != null ? new XElement(Ovf + "Description", ovf.OsDescription) : null),
                hardware);
        }

        private static XElement Controller(int instance, OvfDisk disk)
        {
            switch (disk.ControllerKind)
            {
                case OvfControllerKind.Ide:
                    return Item(instance, 5, $"IDE {disk.ControllerBus}", "IDE Controller", ("Address", Num(disk.ControllerBus)));
                case OvfControllerKind.Sata:
                    return Item(instance, 20, $"SATA controller {disk.ControllerBus}", "SATA Controller",
                        ("Address", Num(disk.ControllerBus)), ("ResourceSubType", disk.ControllerSubtype ?? "vmware.sata.ahci"));
                case OvfControllerKind.Nvme:
                    return Item(instance, 20, $"NVME controller {disk.ControllerBus}", "NVME Controller",
                        ("Address", Num(disk.ControllerBus)), ("ResourceSubType", disk.ControllerSubtype ?? "vmware.nvme.controller"));
                default:
                    return Item(instance, 6, $"SCSI controller {disk.ControllerBus}", "SCSI Controller",
                        ("Address", Num(disk.ControllerBus)), ("ResourceSubType", disk.ControllerSubtype ?? "lsilogic"));
            }
        }

        /// <summary>A rasd Item; the CIM schema wants its elements in alphabetical order.</summary>
        private static XElement Item(int instance, int resourceType, string elementName, string? description, params (string Name, string? Value)[] values)
        {
            var all = values.Where(v => v.Value != null).Select(v => (v.Name, Value: v.Value!)).ToList();
            all.Add(("ElementName", elementName));
            all.Add(("InstanceID", Num(instance)));
            all.Add(("ResourceType", Num(resourceType)));
            if (description != null)
                all.Add(("Description", description));
            return new XElement(Ovf + "Item", all.OrderBy(v => v.Name, StringComparer.Ordinal).Select(v => new XElement(Rasd + v.Name, v.Value)));
        }

        private static XElement Config(string key, string value) =>
            new XElement(Vmw + "Config", new XAttribute(Ovf + "required", "false"), new XAttribute(Vmw + "key", key), new XAttribute(Vmw + "value", value));

        private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
