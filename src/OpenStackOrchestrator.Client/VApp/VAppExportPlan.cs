using System;
using System.Collections.Generic;

namespace OpenStackOrchestrator.Client.VApp
{
    public enum VAppPackageFormat
    {
        Ovf,
        Ova,
    }

    /// <summary>Where a disk of an export comes from.</summary>
    public enum VAppDiskSource
    {
        /// <summary>The root disk of an image-backed server: a Nova snapshot (createImage).</summary>
        ServerSnapshot,
        /// <summary>A Cinder volume (the boot volume of a volume-backed server, or an attached one): upload-to-image.</summary>
        Volume,
    }

    /// <summary>One disk an export will write, decided before anything changes in the cloud.</summary>
    public sealed class VAppExportDisk
    {
        public int Index { get; init; }
        public VAppDiskSource Source { get; init; }
        public string? VolumeId { get; init; }
        public string? VolumeName { get; init; }
        /// <summary>Attached to the server (not the root disk of an image-backed server): Cinder must read it in use.</summary>
        public bool InUse { get; init; }
        /// <summary>The device inside the server: /dev/vdb.</summary>
        public string? Device { get; init; }
        public bool IsBoot { get; init; }
        /// <summary>The disk's size as far as the plan knows it (volume size, flavor root disk); Glance's
        /// virtual_size of the image replaces it once known.</summary>
        public long? PlannedCapacityBytes { get; init; }

        public string Describe() => Source == VAppDiskSource.ServerSnapshot
            ? "the server's root disk (snapshot)"
            : (string.IsNullOrEmpty(VolumeName) ? $"volume {VolumeId}" : $"volume '{VolumeName}' ({VolumeId})") + (Device != null ? " at " + Device : "");
    }

    /// <summary>One network adapter: a port of the server.</summary>
    public sealed class VAppExportNic
    {
        public string PortId { get; init; } = "";
        public string NetworkId { get; init; } = "";
        public string NetworkName { get; init; } = "";
        public string MacAddress { get; init; } = "";
    }

    /// <summary>What Export-OSVApp will snapshot and write: everything resolved, nothing changed yet (-WhatIf shows it).</summary>
    public sealed class VAppExportPlan
    {
        public string ServerId { get; init; } = "";
        public string ServerName { get; init; } = "";
        public int NumCpu { get; init; }
        public long MemoryMB { get; init; }
        public IReadOnlyList<VAppExportDisk> Disks { get; init; } = Array.Empty<VAppExportDisk>();
        public IReadOnlyList<VAppExportNic> Nics { get; init; } = Array.Empty<VAppExportNic>();
        /// <summary>The properties of the server's image (or its boot volume's volume_image_metadata).</summary>
        public IReadOnlyDictionary<string, string> ImageProperties { get; init; } = new Dictionary<string, string>();
        public VAppPackageFormat Format { get; init; }
        /// <summary>The package's base name (the server's name made safe for a file name).</summary>
        public string PackageName { get; init; } = "";
        /// <summary>The .ova file, or the folder holding the .ovf, .mf and disks.</summary>
        public string TargetPath { get; init; } = "";
        public bool Overwrite { get; init; }

        /// <summary>The -WhatIf text: what is snapshotted and what is written.</summary>
        public string Describe()
        {
            var parts = new List<string>();
            foreach (var disk in Disks)
                parts.Add(disk.Source == VAppDiskSource.ServerSnapshot ? "snapshot the root disk" : $"upload {disk.Describe()} to a temporary image");
            return $"{string.Join(", ", parts)}; write {(Format == VAppPackageFormat.Ova ? "the OVA" : "the OVF package to")} {TargetPath} " +
                   $"({NumCpu} CPU, {MemoryMB} MB, {Disks.Count} disk(s), {Nics.Count} NIC(s))";
        }
    }
}
