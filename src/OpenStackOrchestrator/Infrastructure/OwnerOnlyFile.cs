using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>A file for a private key that only its owner can read (mode 600, as ssh requires). netstandard2.0 has
    /// neither File.SetUnixFileMode nor file ACLs, so chmod (Unix) or icacls (Windows) set the permissions.</summary>
    internal static class OwnerOnlyFile
    {
        /// <summary>Creates the file empty and restricts it before any key is written, so the key is never readable
        /// by others. An existing file is never overwritten.</summary>
        public static void Create(string path)
        {
            if (File.Exists(path))
                throw new IOException($"The file '{path}' already exists; New-OSKeyPair does not overwrite a key file. Remove it or choose another path.");
            using (new FileStream(path, FileMode.CreateNew, FileAccess.Write)) { }
            try
            {
                if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                    Run("icacls", $"{Quote(path)} /inheritance:r /grant:r {Quote(Environment.UserDomainName + "\\" + Environment.UserName)}:F");
                else
                    Run("chmod", "600 " + Quote(path));
            }
            catch
            {
                File.Delete(path);
                throw;
            }
        }

        /// <summary>Writes the key into the file made by <see cref="Create"/> (its permissions stay).</summary>
        public static void Write(string path, string privateKey) => File.WriteAllText(path, privateKey, new UTF8Encoding(false));

        private static void Run(string program, string arguments)
        {
            var start = new ProcessStartInfo(program, arguments)
            {
                UseShellExecute = false,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                CreateNoWindow = true,
            };
            using (var process = Process.Start(start) ?? throw new IOException($"Could not start {program} to restrict the key file."))
            {
                process.StandardOutput.ReadToEnd();
                var error = process.StandardError.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0)
                    throw new IOException($"{program} could not restrict the key file to its owner (exit code {process.ExitCode}): {error.Trim()}");
            }
        }

        /// <summary>One argument for ProcessStartInfo.Arguments, which .NET splits by the Windows command-line rules on every OS.</summary>
        private static string Quote(string argument)
        {
            var sb = new StringBuilder("\"");
            var backslashes = 0;
            foreach (var c in argument)
            {
                if (c == '\\')
                {
                    backslashes++;
                    continue;
                }
                sb.Append('\\', c == '"' ? backslashes * 2 + 1 : backslashes).Append(c);
                backslashes = 0;
            }
            return sb.Append('\\', backslashes * 2).Append('"').ToString();
        }
    }
}
