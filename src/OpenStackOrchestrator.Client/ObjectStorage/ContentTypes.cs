using System;
using System.Collections.Generic;

namespace OpenStackOrchestrator.Client.ObjectStorage
{
    /// <summary>The Content-Type of an upload from its name's extension. Chosen here rather than by Swift
    /// (X-Detect-Content-Type) because a large object's manifest must carry its type itself: Swift's detection
    /// would drop the total size that Swift records in the listing for a static large object.</summary>
    internal static class ContentTypes
    {
        public const string Default = "application/octet-stream";

        private static readonly Dictionary<string, string> ByExtension = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [".txt"] = "text/plain", [".log"] = "text/plain", [".md"] = "text/markdown", [".csv"] = "text/csv",
            [".html"] = "text/html", [".htm"] = "text/html", [".css"] = "text/css", [".js"] = "text/javascript",
            [".mjs"] = "text/javascript", [".json"] = "application/json", [".xml"] = "application/xml",
            [".yaml"] = "application/yaml", [".yml"] = "application/yaml", [".svg"] = "image/svg+xml",
            [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".gif"] = "image/gif",
            [".webp"] = "image/webp", [".ico"] = "image/vnd.microsoft.icon", [".pdf"] = "application/pdf",
            [".zip"] = "application/zip", [".gz"] = "application/gzip", [".tgz"] = "application/gzip",
            [".tar"] = "application/x-tar", [".iso"] = "application/x-iso9660-image", [".wasm"] = "application/wasm",
            [".mp4"] = "video/mp4", [".mp3"] = "audio/mpeg", [".woff"] = "font/woff", [".woff2"] = "font/woff2",
        };

        public static string ForName(string name)
        {
            // Not Path.GetExtension: on .NET Framework it throws for characters a file name cannot have.
            var dot = name.LastIndexOf('.');
            var extension = dot > name.LastIndexOf('/') ? name.Substring(dot) : "";
            return ByExtension.TryGetValue(extension, out var type) ? type : Default;
        }
    }
}
