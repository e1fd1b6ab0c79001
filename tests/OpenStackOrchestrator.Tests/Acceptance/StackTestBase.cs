using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Tests.Hosting;
using OpenStackOrchestrator.Tests.Shared;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    /// <summary>A session connected to los-demo whose tests name their stacks with <see cref="Prefix"/>; Dispose
    /// deletes those stacks, and with them everything they created.</summary>
    public abstract class StackTestBase : CloudTestBase
    {
        protected readonly ModuleSession Session = new ModuleSession();
        protected readonly string Prefix;

        protected StackTestBase(string prefix)
        {
            Prefix = UniqueName(prefix);
            if (LocalCloud.IsAvailable)
                Session.Run("Connect-OSCloud -Cloud los-demo").AssertNoErrors();
        }

        public override void Dispose()
        {
            // A create still running in the background (-RunAsync) is cancelled first, so that no stack appears after the clean-up.
            if (LocalCloud.IsAvailable)
                Session.Run($@"
                    $running = @(Get-OSTask | Where-Object State -eq Running)
                    $running | ForEach-Object {{ $_.Cancel() }}
                    if ($running) {{ $running | Wait-OSTask -Timeout 30 -ErrorAction SilentlyContinue | Out-Null }}
                    Get-OSStack -Name '{Prefix}*' | Remove-OSStack -Confirm:$false");
            Session.Dispose();
            base.Dispose();
        }

        /// <summary>A file of Templates/ (copied next to the tests), quoted for a PowerShell command line.</summary>
        protected static string Template(string relativePath) =>
            "'" + Path.Combine(AppContext.BaseDirectory, "Templates", relativePath.Replace('/', Path.DirectorySeparatorChar)) + "'";

        protected PSObject One(string script) => Session.Run(script).AssertNoErrors().Output.Single();

        protected static string Text(PSObject o, string name) => o.Properties[name].Value?.ToString() ?? "";

        /// <summary>Waits (bounded) until a stack started with -RunAsync exists, without writing not-found errors.</summary>
        protected static string WaitUntilListed(string name) =>
            $"$deadline = [DateTime]::UtcNow.AddSeconds(30); while (-not (Get-OSStack -Name '{name}*') -and [DateTime]::UtcNow -lt $deadline) {{ [Threading.Thread]::Sleep(200) }}";
    }
}
