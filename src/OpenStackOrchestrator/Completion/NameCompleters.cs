using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Config;
using OpenStackOrchestrator.Client.Images;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Completion
{
    /// <summary>Completes the live names of one kind of resource on the cloud the command line targets
    /// (-Cloud if typed, else $DefaultOSCloud).</summary>
    public abstract class LiveNameCompleter : IArgumentCompleter
    {
        protected abstract string Kind { get; }

        protected abstract Task<List<string>> FetchAsync(CloudConnection cloud, CancellationToken cancellationToken);

        public virtual IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var cloud = TargetCloud(fakeBoundParameters);
            if (cloud == null || !cloud.IsConnected)
                return Enumerable.Empty<CompletionResult>();
            return Completions.Matching(CompletionCache.Names(cloud, Kind, FetchAsync), wordToComplete);
        }

        private static CloudConnection? TargetCloud(IDictionary fakeBoundParameters)
        {
            if (fakeBoundParameters != null && fakeBoundParameters.Contains("Cloud"))
            {
                var given = fakeBoundParameters["Cloud"];
                var value = given is PSObject p ? p.BaseObject : given;
                if (value is CloudConnection c) return c;
                if (value is string name) return ConnectionRegistry.Connections.FirstOrDefault(x => x.Name == name);
                if (value is object[] array) return array.Select(a => a is PSObject ap ? ap.BaseObject : a).OfType<CloudConnection>().FirstOrDefault();
            }
            var current = CurrentRunspace.Evaluate("$global:" + ConnectionRegistry.DefaultCloudVariable);
            return (current is PSObject po ? po.BaseObject : current) as CloudConnection;
        }
    }

    public sealed class FlavorNameCompleter : LiveNameCompleter
    {
        protected override string Kind => "flavor";
        protected override Task<List<string>> FetchAsync(CloudConnection cloud, CancellationToken ct) =>
            CompletionCache.Collect(cloud.Compute.ListFlavorsAsync(new FlavorListOptions { Limit = CompletionCache.FirstPage }, ct), f => f.Name);
    }

    public sealed class ImageNameCompleter : LiveNameCompleter
    {
        protected override string Kind => "image";
        protected override Task<List<string>> FetchAsync(CloudConnection cloud, CancellationToken ct) =>
            CompletionCache.Collect(cloud.Image.ListAsync(new ImageListOptions { Limit = CompletionCache.FirstPage }, ct), i => i.Name);
    }

    public sealed class ServerNameCompleter : LiveNameCompleter
    {
        protected override string Kind => "server";
        protected override Task<List<string>> FetchAsync(CloudConnection cloud, CancellationToken ct) =>
            CompletionCache.Collect(cloud.Compute.ListServersAsync(new ServerListOptions { Limit = CompletionCache.FirstPage }, ct), s => s.Name);
    }

    /// <summary>Cloud names from clouds.yaml (Connect-OSCloud -Cloud).</summary>
    public sealed class CloudsYamlNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var location = CurrentRunspace.Evaluate("$ExecutionContext.SessionState.Path.CurrentFileSystemLocation.ProviderPath") as string;
                return Completions.Matching(new CloudConfigLoader(new ProcessConfigEnvironment(location)).ListCloudNames(), wordToComplete);
            }
            catch (Exception)
            {
                return Enumerable.Empty<CompletionResult>();
            }
        }
    }

    /// <summary>Names of open connections (-Cloud on every other cmdlet).</summary>
    public sealed class ConnectionNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Completions.Matching(ConnectionRegistry.Connections.Select(c => c.Name).Distinct().ToList(), wordToComplete);
    }

    /// <summary>Reads session state from inside a completer, where the runspace is busy running the completion
    /// (its SessionStateProxy refuses while a pipeline runs, a nested pipeline on the current runspace does not).</summary>
    internal static class CurrentRunspace
    {
        public static object? Evaluate(string expression)
        {
            using (var ps = PowerShell.Create(RunspaceMode.CurrentRunspace))
            {
                var result = ps.AddScript(expression).Invoke();
                return result.Count > 0 ? result[0]?.BaseObject : null;
            }
        }
    }

    internal static class Completions
    {
        public static IEnumerable<CompletionResult> Matching(IEnumerable<string> names, string wordToComplete)
        {
            var typed = (wordToComplete ?? "").Trim('\'', '"');
            var pattern = WildcardPattern.Get(typed + "*", WildcardOptions.IgnoreCase);
            foreach (var name in names.Where(n => pattern.IsMatch(n)))
            {
                var text = name.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', '(', ')', '{', '}', ',', ';', '&', '|', '@', '#' }) >= 0
                    ? "'" + name.Replace("'", "''") + "'"
                    : name;
                yield return new CompletionResult(text, name, CompletionResultType.ParameterValue, name);
            }
        }
    }
}
