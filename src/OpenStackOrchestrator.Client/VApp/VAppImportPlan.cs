using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using OpenStackOrchestrator.Client.Compute;

namespace OpenStackOrchestrator.Client.VApp
{
    /// <summary>Everything Import-OSVApp will create, decided before anything is: one image and one volume per disk
    /// (the first boots), one port per NIC, the flavor and the server.</summary>
    public sealed class VAppImportPlan
    {
        public OvfPackage Package { get; init; } = null!;
        public string ServerName { get; init; } = "";
        public Flavor Flavor { get; init; } = null!;
        public IReadOnlyList<PlannedDisk> Disks { get; init; } = Array.Empty<PlannedDisk>();
        public IReadOnlyList<PlannedPort> Ports { get; init; } = Array.Empty<PlannedPort>();
        /// <summary>"glance-direct" (Glance's import, which converts VMDK when its image_conversion plugin runs) or "upload".</summary>
        public string ImportMethod { get; init; } = "upload";
        public string? VolumeType { get; init; }

        public OvfDescriptor Descriptor => Package.Descriptor;

        /// <summary>The plan as -WhatIf prints it, one line per thing created.</summary>
        public string Describe()
        {
            var sb = new StringBuilder();
            var d = Descriptor;
            sb.Append($"Import '{System.IO.Path.GetFileName(Package.Path)}' ({d.Name}: {d.NumCpu} vCPU, {Gb(d.MemoryMB)} GB, {d.GuestOsId ?? "unknown guest"}, {d.Firmware.ToString().ToUpperInvariant()}) as server '{ServerName}':");
            if (Package.Manifest != null)
                sb.Append($"\n  check {Package.Manifest.Entries.Count} digest(s) of {Package.ManifestName}");
            else
                sb.Append("\n  no manifest: file digests are not checked");
            foreach (var disk in Disks)
            {
                var props = string.Join(", ", disk.Properties.Select(p => p.Key + "=" + p.Value));
                sb.Append($"\n  image  '{disk.ImageName}' from {disk.Disk.FileHref} ({disk.Disk.FileSize?.ToString(CultureInfo.InvariantCulture) ?? "?"} bytes, {disk.DiskFormat} by {ImportMethod}): {props}");
            }
            foreach (var disk in Disks)
                sb.Append($"\n  volume '{disk.VolumeName}' {disk.SizeGB} GB{(VolumeType != null ? " of type " + VolumeType : "")} from image '{disk.ImageName}'{(disk.Boot ? " (boot)" : "")}");
            foreach (var port in Ports)
                sb.Append($"\n  port   '{port.Name}' on network '{port.NetworkName}' (OVF '{port.Nic.NetworkName}', {port.Nic.AdapterType}){(port.MacAddress != null ? " MAC " + port.MacAddress : "")}");
            sb.Append($"\n  server '{ServerName}' flavor '{Flavor.Name}' ({Flavor.VCpus} vCPU, {Gb(Flavor.MemoryMB)} GB), booting from '{Disks.FirstOrDefault()?.VolumeName}'");
            if (Disks.Count > 1)
                sb.Append(", data volumes " + string.Join(", ", Disks.Skip(1).Select(x => "'" + x.VolumeName + "'")));
            if (Ports.Count > 0)
                sb.Append(", ports " + string.Join(", ", Ports.Select(p => "'" + p.Name + "'")));
            else
                sb.Append(", no network");
            return sb.ToString();
        }

        private static string Gb(long mb) => (mb / 1024.0).ToString("0.##", CultureInfo.InvariantCulture);
    }

    public sealed class PlannedDisk
    {
        public OvfDisk Disk { get; init; } = null!;
        public string ImageName { get; init; } = "";
        public string VolumeName { get; init; } = "";
        public int SizeGB { get; init; }
        public bool Boot { get; init; }
        /// <summary>The disk_format the image is created with: vmdk for what vSphere exports.</summary>
        public string DiskFormat { get; init; } = "vmdk";
        public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
    }

    public sealed class PlannedPort
    {
        public OvfNic Nic { get; init; } = null!;
        public string Name { get; init; } = "";
        public string NetworkId { get; init; } = "";
        public string NetworkName { get; init; } = "";
        /// <summary>The MAC the port gets (-KeepMacAddress), else null (Neutron picks one).</summary>
        public string? MacAddress { get; init; }
    }
}
