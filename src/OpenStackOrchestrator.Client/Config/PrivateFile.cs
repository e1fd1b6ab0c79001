using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace OpenStackOrchestrator.Client.Config
{
    /// <summary>Files only their owner can read (mode 600): private keys, secure.yaml. netstandard2.0 has neither
    /// File.SetUnixFileMode nor file ACLs, so chmod (Unix) or icacls (Windows) set the permissions.</summary>
    internal static class PrivateFile
    {
        /// <summary>Creates the file empty and restricts it to its owner before anything is written to it; fails
        /// when it exists.</summary>
        public static void CreateNew(string path)
        {
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

        /// <summary>Replaces the whole content of <paramref name="path"/> (or creates it) with a file that was owner-only
        /// before <paramref name="text"/> went in, then takes its place: readers see the old file or the new one.</summary>
        public static void WriteAllText(string path, string text)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var temporary = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            CreateNew(temporary);
            try
            {
                File.WriteAllText(temporary, text, new UTF8Encoding(false));
                if (File.Exists(path))
                    File.Replace(temporary, path, null);
                else
                    File.Move(temporary, path);
            }
            finally
            {
                if (File.Exists(temporary))
                    File.Delete(temporary);
            }
        }

        private static void Run(string program, string arguments)
        {
            var start = new ProcessStartInfo(program, arguments)
            {
                UseShellExecute = false,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                CreateNoWindow = true,
            };
            using (var process = Process.Start(start) ?? throw new IOException($"Could not start {program} to restrict the file to its owner."))
            {
                process.StandardOutput.ReadToEnd();
                var error = process.StandardError.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0)
                    throw new IOException($"{program} could not restrict the file to its owner (exit code {process.ExitCode}): {error.Trim()}");
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
