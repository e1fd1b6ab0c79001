using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Tests.Hosting;

namespace OpenStackOrchestrator.Tests.Pester
{
    /// <summary>One It's result as tests/Pester/PesterShim.psm1 records it.</summary>
    public sealed record PesterItResult(string Path, string TemplatePath, string Result, string Message, double DurationMs, bool SkippedAtRuntime)
    {
        public bool Passed => Result == "Passed";
        public bool Failed => Result == "Failed";
        public bool Skipped => Result == "Skipped";
    }

    /// <summary>Runs Pester test files through the shim; each *.Tests.ps1 runs once per test run (see <see cref="Cached"/>).</summary>
    public static class PesterFileRun
    {
        public static readonly string ShimPath = Path.Combine(ModuleSession.RepoRoot, "tests", "Pester", "PesterShim.psm1");
        private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<PesterItResult>>> Runs = new();

        /// <summary>The results of a file run in its own runspace that imported the built module.</summary>
        public static IReadOnlyList<PesterItResult> Cached(string file) =>
            Runs.GetOrAdd(Path.GetFullPath(file), path => new Lazy<IReadOnlyList<PesterItResult>>(() =>
            {
                using var session = new ModuleSession();
                return Invoke(session, path);
            })).Value;

        /// <summary>Imports the shim into the session and runs the file. A failure outside any It (the shim does not load,
        /// the file does not parse) comes back as one failed result whose path starts with "&lt;".</summary>
        public static IReadOnlyList<PesterItResult> Invoke(ModuleSession session, string file)
        {
            var run = session.Run("Import-Module $PesterShimPath -ErrorAction Stop; Invoke-PesterShim -Path $PesterTestFile",
                new Dictionary<string, object?> { ["PesterShimPath"] = ShimPath, ["PesterTestFile"] = file });
            var results = run.Output.Where(o => o?.Properties["TemplatePath"] != null).Select(ToResult).ToList();
            if (results.Count == 0 && run.Errors.Count > 0)
                results.Add(new PesterItResult("<runner>", "<runner>", "Failed",
                    $"Running {file} failed:\n" + string.Join("\n", run.Errors.Select(e => $"{e}\n{e.InvocationInfo?.PositionMessage}")), 0, false));
            return results;
        }

        private static PesterItResult ToResult(PSObject o)
        {
            string Text(string name) => o.Properties[name].Value?.ToString() ?? "";
            return new PesterItResult(Text("Path"), Text("TemplatePath"), Text("Result"), Text("Message"),
                Convert.ToDouble(o.Properties["DurationMs"].Value), Convert.ToBoolean(o.Properties["SkippedAtRuntime"].Value));
        }
    }
}
