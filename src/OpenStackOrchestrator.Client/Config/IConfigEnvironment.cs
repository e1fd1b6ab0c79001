using System;
using System.IO;
using System.Runtime.InteropServices;

namespace OpenStackOrchestrator.Client.Config
{
    /// <summary>What <see cref="CloudConfigLoader"/> needs from the machine, so tests can fake it.</summary>
    public interface IConfigEnvironment
    {
        /// <summary>The variable's value, or null when it is not set.</summary>
        string? GetEnvironmentVariable(string name);
        string HomeDirectory { get; }
        string CurrentDirectory { get; }
        bool IsWindows { get; }
        bool FileExists(string path);
        string ReadAllText(string path);
    }

    /// <summary>The real process environment and file system.</summary>
    public sealed class ProcessConfigEnvironment : IConfigEnvironment
    {
        private readonly string? _currentDirectory;

        /// <param name="currentDirectory">The folder searched for ./clouds.yaml. PowerShell's current location is not
        /// the process's current directory, so the module passes it here; null means the process's.</param>
        public ProcessConfigEnvironment(string? currentDirectory = null) => _currentDirectory = currentDirectory;

        public string? GetEnvironmentVariable(string name) => Environment.GetEnvironmentVariable(name);

        public string HomeDirectory
        {
            get
            {
                var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
                return string.IsNullOrEmpty(home) ? Environment.GetEnvironmentVariable("HOME") ?? "" : home;
            }
        }

        public string CurrentDirectory => _currentDirectory ?? Environment.CurrentDirectory;

        public bool IsWindows => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        public bool FileExists(string path) => File.Exists(path);

        /// <summary>More than this is no clouds.yaml: /dev/zero or a log given by mistake is refused, not read into memory.</summary>
        internal const int MaxConfigBytes = 16 * 1024 * 1024;

        public string ReadAllText(string path)
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            using (var reader = new StreamReader(stream))
            {
                var text = new System.Text.StringBuilder();
                var buffer = new char[81920];
                int n;
                while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
                {
                    text.Append(buffer, 0, n);
                    if (text.Length > MaxConfigBytes)
                        throw new IOException($"the file is larger than {MaxConfigBytes / (1024 * 1024)} MB, which no clouds.yaml is.");
                }
                return text.ToString();
            }
        }
    }
}
