using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>Which of the module's own DLLs may answer an assembly request that failed to bind. Windows
    /// PowerShell 5.1 binds strong names exactly and the shipped netstandard polyfills disagree on versions
    /// (System.Memory wants Unsafe 4.0.4.1, 6.0.0.0 ships), and a module cannot add binding redirects.</summary>
    public static class AssemblyResolution
    {
        /// <summary>The path of the module folder's DLL to load for <paramref name="requested"/>, or null to let
        /// the runtime fail as it would. Only the module's own folder is considered, never another module's copy,
        /// and only when the DLL's version is not below the requested one and its public key token matches.</summary>
        public static string? Decide(AssemblyName requested, string moduleFolder, Func<string, AssemblyName?> readName)
        {
            if (string.IsNullOrEmpty(requested.Name) || requested.Name!.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
                return null;
            var candidate = Path.Combine(moduleFolder, requested.Name + ".dll");
            var onDisk = readName(candidate);
            if (onDisk == null || !string.Equals(onDisk.Name, requested.Name, StringComparison.OrdinalIgnoreCase))
                return null;
            if (requested.Version != null && onDisk.Version != null && onDisk.Version < requested.Version)
                return null;
            var wantedToken = requested.GetPublicKeyToken();
            if (wantedToken != null && wantedToken.Length > 0 && !wantedToken.SequenceEqual(onDisk.GetPublicKeyToken() ?? new byte[0]))
                return null;
            return candidate;
        }

        /// <summary>The assembly name of a DLL on disk, or null when there is none or it is not an assembly.</summary>
        public static AssemblyName? ReadName(string path)
        {
            try
            {
                return File.Exists(path) ? AssemblyName.GetAssemblyName(path) : null;
            }
            catch (BadImageFormatException)
            {
                return null;
            }
        }
    }
}
