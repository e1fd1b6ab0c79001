using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;

namespace OpenStackOrchestrator.Client.Tests.Acceptance
{
    /// <summary>Drives tests/fault-proxy/fault.sh (see its README.md).</summary>
    internal static class FaultProxy
    {
        private static readonly Lazy<string> Script = new Lazy<string>(() =>
            Path.Combine(RepositoryRoot(), "tests", "fault-proxy", "fault.sh"));

        public static void Set(string rulesJson) => Run("set", rulesJson);

        public static void Clear() => Run("clear");

        public static JsonElement Stats()
        {
            using var document = JsonDocument.Parse(Run("stats"));
            return document.RootElement.Clone();
        }

        public static JsonElement Rule(int index) => Stats().GetProperty("rules")[index];

        private static string Run(params string[] args)
        {
            var start = new ProcessStartInfo(Script.Value)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in args)
                start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(30_000))
            {
                process.Kill();
                throw new TimeoutException($"fault.sh {args[0]} did not finish in 30 s.");
            }
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"fault.sh {args[0]} exited {process.ExitCode}: {stderr.Result}");
            return stdout.Result;
        }

        private static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Module.sln")))
                    return dir.FullName;
            throw new DirectoryNotFoundException($"No Module.sln above {AppContext.BaseDirectory}.");
        }
    }
}
