using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace OpenStackOrchestrator.Cmdlets.Images
{
    /// <summary>Glance disk formats: the one a file's extension names, and the extension a saved image gets.</summary>
    internal static class DiskFormats
    {
        private static readonly Dictionary<string, string> ByExtension = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [".qcow2"] = "qcow2", [".qcow"] = "qcow2", [".raw"] = "raw", [".vmdk"] = "vmdk", [".iso"] = "iso", [".vhd"] = "vhd",
            [".vhdx"] = "vhdx", [".vdi"] = "vdi", [".ploop"] = "ploop", [".hds"] = "ploop", [".ami"] = "ami", [".aki"] = "aki", [".ari"] = "ari",
        };

        /// <summary>From the extension; for .img and unknown extensions the file is looked at, because cloud images
        /// published as .img (cirros, Ubuntu) are usually qcow2. Anything unrecognised is raw.</summary>
        public static string ForFile(string path)
        {
            if (ByExtension.TryGetValue(Path.GetExtension(path), out var format))
                return format;
            return StartsWithQcowMagic(path) ? "qcow2" : "raw";
        }

        /// <summary>From the name's extension alone (a URL's path), else raw.</summary>
        public static string ForName(string name) => ByExtension.TryGetValue(Path.GetExtension(name), out var format) ? format : "raw";

        /// <summary>The file extension for an image of this format when saved (raw as .img, the usual name).</summary>
        public static string ExtensionFor(string? diskFormat)
        {
            if (string.IsNullOrEmpty(diskFormat) || string.Equals(diskFormat, "raw", StringComparison.OrdinalIgnoreCase))
                return ".img";
            return ByExtension.FirstOrDefault(e => string.Equals(e.Value, diskFormat, StringComparison.OrdinalIgnoreCase)).Key ?? "." + diskFormat!.ToLowerInvariant();
        }

        private static bool StartsWithQcowMagic(string path)
        {
            var magic = new byte[4];
            using (var stream = File.OpenRead(path))
                return stream.Read(magic, 0, 4) == 4 && magic[0] == 'Q' && magic[1] == 'F' && magic[2] == 'I' && magic[3] == 0xFB;
        }
    }
}
