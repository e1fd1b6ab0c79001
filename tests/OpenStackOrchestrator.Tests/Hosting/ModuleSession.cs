using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;

namespace OpenStackOrchestrator.Tests.Hosting
{
    /// <summary>A runspace that has run Import-Module on the built module folder (out/OpenStackOrchestrator),
    /// exactly as a user would, with a recording host.</summary>
    public sealed class ModuleSession : IDisposable
    {
        public static readonly string RepoRoot = typeof(ModuleSession).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "RepoRoot").Value!;
        public static readonly string ModuleDirectory = Path.Combine(RepoRoot, "out", "OpenStackOrchestrator");
        public static readonly string Manifest = Path.Combine(ModuleDirectory, "OpenStackOrchestrator.psd1");

        private readonly Runspace _runspace;

        public ModuleSession(bool importModule = true)
        {
            Host = new TestHost();
            var iss = InitialSessionState.CreateDefault2();
            if (OperatingSystem.IsWindows())
                iss.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
            _runspace = RunspaceFactory.CreateRunspace(Host, iss);
            _runspace.Open();
            if (importModule)
                Run($"Import-Module '{Manifest}' -ErrorAction Stop");
        }

        public TestHost Host { get; }
        public TestHostUI UI => Host.Recorder;

        /// <summary>Runs a script; returns its output and the errors it wrote (non-terminating ones too).</summary>
        public Result Run(string script, IDictionary<string, object?>? variables = null)
        {
            using var ps = PowerShell.Create();
            ps.Runspace = _runspace;
            if (variables != null)
                foreach (var v in variables)
                    _runspace.SessionStateProxy.SetVariable(v.Key, v.Value);
            ps.AddScript(script);
            Collection<PSObject> output;
            try
            {
                output = ps.Invoke();
            }
            catch (RuntimeException ex)
            {
                return new Result(new List<PSObject>(), ps.Streams.Error.Append(ex.ErrorRecord).ToList());
            }
            return new Result(output.ToList(), ps.Streams.Error.ToList());
        }

        /// <summary>Starts a script without waiting, so a test can stop it as Ctrl+C would.</summary>
        public Invocation BeginRun(string script)
        {
            var ps = PowerShell.Create();
            ps.Runspace = _runspace;
            ps.AddScript(script);
            return new Invocation(ps, ps.BeginInvoke());
        }

        public sealed class Invocation : IDisposable
        {
            private readonly PowerShell _ps;
            private readonly IAsyncResult _async;

            internal Invocation(PowerShell ps, IAsyncResult async)
            {
                _ps = ps;
                _async = async;
            }

            public bool IsCompleted => _async.IsCompleted;
            public PSInvocationState State => _ps.InvocationStateInfo.State;
            public void Stop() => _ps.Stop();
            public void Dispose() => _ps.Dispose();
        }

        /// <summary>Runs a script through Out-Default and returns the text a user would see.</summary>
        public string Render(string script)
        {
            UI.Clear();
            Run(script + " | Out-Default");
            return UI.Output;
        }

        public void Dispose() => _runspace.Dispose();

        public sealed class Result
        {
            public Result(List<PSObject> output, List<ErrorRecord> errors)
            {
                Output = output;
                Errors = errors;
            }

            public List<PSObject> Output { get; }
            public List<ErrorRecord> Errors { get; }

            public Result AssertNoErrors()
            {
                if (Errors.Count > 0)
                    throw new Xunit.Sdk.XunitException("PowerShell errors:\n" + string.Join("\n", Errors.Select(e => $"{e.FullyQualifiedErrorId}: {e}")));
                return this;
            }

            public ErrorRecord SingleError()
            {
                if (Errors.Count != 1)
                    throw new Xunit.Sdk.XunitException($"Expected one error, got {Errors.Count}:\n" + string.Join("\n", Errors.Select(e => $"{e.FullyQualifiedErrorId}: {e}")));
                return Errors[0];
            }
        }
    }
}
