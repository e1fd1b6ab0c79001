using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.VApp
{
    /// <summary>Reads an OVF 1.x or 2.x descriptor as vSphere 6/7/8 write it. Elements are matched by local name, so
    /// rasd/sasd/epasd items (OVF 2 StorageItem, EthernetPortItem) and prefix choices do not matter.</summary>
    public static class OvfReader
    {
        private const string VmwNamespace = "http://www.vmware.com/schema/ovf";
        private static readonly Regex MacPattern = new Regex("^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$", RegexOptions.CultureInvariant);

        public static OvfDescriptor ReadFile(string path)
        {
            using var stream = File.OpenRead(path);
            return Read(stream, Path.GetFileName(path));
        }

        public static OvfDescriptor Read(Stream stream, string? fileName = null)
        {
            XDocument doc;
            try
            {
                // No DTDs: a descriptor is data from elsewhere, and entity expansion is not needed to read one.
                var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = false };
                using var reader = XmlReader.Create(stream, settings);
                doc = XDocument.Load(reader);
            }
            catch (XmlException ex)
            {
                throw new InvalidOvfException(OvfProblem.Malformed, $"{Describe(fileName)} is not well-formed XML: {ex.Message}", fileName, ex);
            }
            return Parse(doc, fileName);
        }

        public static OvfDescriptor Parse(string xml, string? fileName = null)
        {
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml));
            return Read(stream, fileName);
        }

        private static OvfDescriptor Parse(XDocument doc, string? fileName)
        {
            var envelope = doc.Root;
            if (envelope == null || envelope.Name.LocalName != "Envelope")
                throw new InvalidOvfException(OvfProblem.Malformed, $"{Describe(fileName)} is not an OVF descriptor: its root element is not an Envelope.", fileName);
            var ovfVersion = envelope.Name.NamespaceName.EndsWith("/2", StringComparison.Ordinal) ? "2.0" : "1.0";

            var systems = envelope.Descendants().Where(e => e.Name.LocalName == "VirtualSystem").ToList();
            if (systems.Count == 0)
                throw new InvalidOvfException(OvfProblem.NoVirtualSystem, $"{Describe(fileName)} has no VirtualSystem: it describes no virtual machine.", fileName);
            if (systems.Count > 1)
                throw new InvalidOvfException(OvfProblem.SeveralVirtualSystems,
                    $"{Describe(fileName)} describes {systems.Count} virtual machines ({string.Join(", ", systems.Select(s => Attr(s, "id")))}); export and import them one at a time.", fileName);
            var system = systems[0];
            var systemId = Attr(system, "id") ?? "";
            var name = Child(system, "Name")?.Value.Trim();
            if (string.IsNullOrEmpty(name))
                name = systemId;

            var files = Children(Child(envelope, "References"), "File")
                .Select(f => new OvfFile
                {
                    Id = Attr(f, "id") ?? "", Href = Attr(f, "href") ?? "", Size = Long(Attr(f, "size")),
                    Compression = Attr(f, "compression"), ChunkSize = Long(Attr(f, "chunkSize")),
                })
                .ToList();
            var networks = Children(Child(envelope, "NetworkSection"), "Network").Select(n => Attr(n, "name") ?? "").Where(n => n.Length > 0).ToList();

            var os = Child(system, "OperatingSystemSection");
            var hardware = Child(system, "VirtualHardwareSection")
                ?? throw new InvalidOvfException(OvfProblem.NoCpu, $"VirtualSystem '{name}' of {Describe(fileName)} has no VirtualHardwareSection, so no CPU section.", fileName);
            var items = hardware.Elements().Where(e => e.Name.LocalName == "Item" || e.Name.LocalName == "StorageItem" || e.Name.LocalName == "EthernetPortItem").ToList();

            var cpu = items.FirstOrDefault(i => ResourceType(i) == 3)
                ?? throw new InvalidOvfException(OvfProblem.NoCpu, $"VirtualSystem '{name}' of {Describe(fileName)} has no CPU item (ResourceType 3): the number of CPUs is unknown.", fileName);
            var numCpu = (int)(Long(Value(cpu, "VirtualQuantity")) ?? 0);
            if (numCpu <= 0)
                throw new InvalidOvfException(OvfProblem.NoCpu, $"The CPU item of VirtualSystem '{name}' in {Describe(fileName)} has no VirtualQuantity.", fileName);
            var memory = items.FirstOrDefault(i => ResourceType(i) == 4)
                ?? throw new InvalidOvfException(OvfProblem.NoMemory, $"VirtualSystem '{name}' of {Describe(fileName)} has no memory item (ResourceType 4): its memory size is unknown.", fileName);
            var memoryQuantity = Long(Value(memory, "VirtualQuantity")) ?? 0;
            if (memoryQuantity <= 0)
                throw new InvalidOvfException(OvfProblem.NoMemory, $"The memory item of VirtualSystem '{name}' in {Describe(fileName)} has no VirtualQuantity.", fileName);
            var memoryUnits = Value(memory, "AllocationUnits") ?? "byte * 2^20";
            var memoryBytes = Multiply(memoryQuantity, OvfUnits.Parse(memoryUnits, fileName));
            var memoryMB = (memoryBytes + (1L << 20) - 1) >> 20;

            var config = hardware.Elements().Where(e => e.Name.LocalName == "Config" || e.Name.LocalName == "ExtraConfig").ToList();
            var firmware = ConfigValue(config, "firmware");
            var secureBoot = ConfigValue(config, "uefi.secureBoot.enabled");

            return new OvfDescriptor
            {
                OvfVersion = ovfVersion,
                VirtualSystemId = systemId,
                Name = name!,
                NumCpu = numCpu,
                CoresPerSocket = (int?)Long(cpu.Elements().FirstOrDefault(e => e.Name.LocalName == "CoresPerSocket")?.Value),
                MemoryMB = memoryMB,
                GuestOsId = os == null ? null : Attr(os, "osType"),
                OsCimId = os == null ? null : (int?)Long(Attr(os, "id")),
                OsDescription = os == null ? null : Child(os, "Description")?.Value.Trim(),
                HardwareVersion = Child(Child(hardware, "System"), "VirtualSystemType")?.Value.Trim(),
                Firmware = string.Equals(firmware, "efi", StringComparison.OrdinalIgnoreCase) ? OvfFirmware.Efi : OvfFirmware.Bios,
                SecureBoot = string.Equals(secureBoot, "true", StringComparison.OrdinalIgnoreCase),
                Disks = ReadDisks(envelope, items, files, name!, fileName),
                Nics = ReadNics(items),
                Files = files,
                Networks = networks,
            };
        }

        private static IReadOnlyList<OvfDisk> ReadDisks(XElement envelope, List<XElement> items, List<OvfFile> files, string name, string? fileName)
        {
            var diskEntries = Children(Child(envelope, "DiskSection"), "Disk").ToDictionary(d => Attr(d, "diskId") ?? "", StringComparer.Ordinal);
            var controllers = new Dictionary<string, (XElement Item, int Order)>(StringComparer.Ordinal);
            for (var i = 0; i < items.Count; i++)
            {
                var type = ResourceType(items[i]);
                if (type == 5 || type == 6 || type == 20 || type == 7)
                {
                    var id = Value(items[i], "InstanceID");
                    if (id != null)
                        controllers[id] = (items[i], i);
                }
            }

            var disks = new List<(OvfDisk Disk, int Order)>();
            foreach (var item in items.Where(i => ResourceType(i) == 17))
            {
                var host = Value(item, "HostResource") ?? "";
                var slash = host.LastIndexOf('/');
                var diskId = slash >= 0 ? host.Substring(slash + 1) : host;
                if (!diskEntries.TryGetValue(diskId, out var entry))
                    throw new InvalidOvfException(OvfProblem.Malformed, $"Disk item '{Value(item, "ElementName")}' of '{name}' in {Describe(fileName)} points at '{host}', which the DiskSection does not declare.", fileName);
                var fileRef = Attr(entry, "fileRef");
                OvfFile? file = null;
                if (!string.IsNullOrEmpty(fileRef))
                {
                    file = files.FirstOrDefault(f => f.Id == fileRef)
                        ?? throw new InvalidOvfException(OvfProblem.DiskFileNotListed, $"Disk '{diskId}' of '{name}' refers to file '{fileRef}', which the References section of {Describe(fileName)} does not list.", fileName);
                }
                var capacity = Long(Attr(entry, "capacity"))
                    ?? throw new InvalidOvfException(OvfProblem.Malformed, $"Disk '{diskId}' of '{name}' in {Describe(fileName)} has no ovf:capacity.", fileName);
                var units = Attr(entry, "capacityAllocationUnits") ?? "byte";

                var parent = Value(item, "Parent");
                var controllerKind = OvfControllerKind.Scsi;
                string? subtype = null;
                var bus = 0;
                var order = int.MaxValue;
                if (parent != null && controllers.TryGetValue(parent, out var controller))
                {
                    subtype = Value(controller.Item, "ResourceSubType");
                    controllerKind = KindOf(ResourceType(controller.Item), subtype);
                    bus = (int)(Long(Value(controller.Item, "Address")) ?? 0);
                    order = controller.Order;
                }
                var disk = new OvfDisk
                {
                    DiskId = diskId,
                    FileId = file?.Id,
                    FileHref = file?.Href,
                    FileSize = file?.Size,
                    CapacityBytes = Multiply(capacity, OvfUnits.Parse(units, fileName)),
                    PopulatedSizeBytes = Long(Attr(entry, "populatedSize")),
                    Format = Attr(entry, "format"),
                    ControllerKind = controllerKind,
                    ControllerSubtype = subtype,
                    ControllerBus = bus,
                    UnitNumber = (int)(Long(Value(item, "AddressOnParent")) ?? 0),
                    Label = Value(item, "ElementName"),
                };
                disks.Add((disk, order));
            }
            // The boot disk is the first: controllers by kind as they appear, then bus, then unit.
            var kindOrder = disks.GroupBy(d => d.Disk.ControllerKind).Select(g => (g.Key, g.Min(d => d.Order))).ToDictionary(k => k.Key, k => k.Item2);
            return disks.OrderBy(d => kindOrder[d.Disk.ControllerKind]).ThenBy(d => d.Disk.ControllerBus).ThenBy(d => d.Disk.UnitNumber).Select(d => d.Disk).ToList();
        }

        private static OvfControllerKind KindOf(int resourceType, string? subtype)
        {
            if (resourceType == 5)
                return OvfControllerKind.Ide;
            if (resourceType == 6)
                return OvfControllerKind.Scsi;
            // vSphere writes SATA (AHCI) and NVMe controllers as ResourceType 20 "Other storage device".
            if (subtype != null && subtype.IndexOf("nvme", StringComparison.OrdinalIgnoreCase) >= 0)
                return OvfControllerKind.Nvme;
            return OvfControllerKind.Sata;
        }

        private static IReadOnlyList<OvfNic> ReadNics(List<XElement> items)
        {
            return items.Where(i => ResourceType(i) == 10)
                .Select((item, index) => (Nic: new OvfNic
                {
                    NetworkName = Value(item, "Connection") ?? "",
                    AdapterType = Value(item, "ResourceSubType") ?? "",
                    MacAddress = MacOf(item),
                    Label = Value(item, "ElementName"),
                    AddressOnParent = (int?)Long(Value(item, "AddressOnParent")),
                }, Index: index))
                .OrderBy(n => n.Nic.AddressOnParent ?? int.MaxValue).ThenBy(n => n.Index)
                .Select(n => n.Nic).ToList();
        }

        private static string? MacOf(XElement item)
        {
            var address = Value(item, "Address");
            if (address != null && MacPattern.IsMatch(address))
                return address.Replace('-', ':').ToLowerInvariant();
            foreach (var config in item.Elements().Where(e => e.Name.LocalName == "Config"))
            {
                var key = Attr(config, "key") ?? "";
                var value = Attr(config, "value") ?? "";
                if (key.IndexOf("address", StringComparison.OrdinalIgnoreCase) >= 0 && MacPattern.IsMatch(value))
                    return value.Replace('-', ':').ToLowerInvariant();
            }
            return null;
        }

        private static string? ConfigValue(List<XElement> config, string key) =>
            config.Where(c => string.Equals(Attr(c, "key"), key, StringComparison.OrdinalIgnoreCase)).Select(c => Attr(c, "value")).FirstOrDefault();

        private static int ResourceType(XElement item) => (int)(Long(Value(item, "ResourceType")) ?? -1);

        private static string? Value(XElement item, string localName) =>
            item.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value.Trim();

        private static XElement? Child(XElement? parent, string localName) =>
            parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

        private static IEnumerable<XElement> Children(XElement? parent, string localName) =>
            parent == null ? Enumerable.Empty<XElement>() : parent.Elements().Where(e => e.Name.LocalName == localName);

        /// <summary>An attribute in the ovf or vmw namespace, or unqualified (hand-written descriptors drop the prefix).</summary>
        private static string? Attr(XElement element, string localName) =>
            element.Attributes().FirstOrDefault(a => a.Name.LocalName == localName && !a.IsNamespaceDeclaration)?.Value;

        private static long? Long(string? text) =>
            long.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : (long?)null;

        private static long Multiply(long quantity, long unit)
        {
            try
            {
                return checked(quantity * unit);
            }
            catch (OverflowException)
            {
                throw new InvalidOvfException(OvfProblem.Unsupported, $"A size of {quantity} x {unit} bytes is too large.");
            }
        }

        private static string Describe(string? fileName) => fileName == null ? "The descriptor" : $"'{fileName}'";

        internal static string VmwareNamespace => VmwNamespace;
    }
}
