using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Tags
{
    /// <summary>Base of Add-OSTag and Remove-OSTag: any object of a resource that keeps tags (a server, network, subnet,
    /// port, router, security group, floating IP or project, also one of Get- -Property), piped or given, changed in the cloud it
    /// came from; -PassThru writes it read again. Anything else is an error for that object alone.</summary>
    public abstract class TagCmdlet : OSCloudCmdlet
    {
        /// <summary>The declared resources that keep tags, by .NET type and by type name.</summary>
        private static readonly Lazy<IReadOnlyList<(Type Type, IResourceDefinition Definition)>> Taggable =
            new Lazy<IReadOnlyList<(Type, IResourceDefinition)>>(() => typeof(OSResource).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(OSResource).IsAssignableFrom(t))
                .Select(t => (t, t.GetField("Definition", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IResourceDefinition))
                .Where(d => d.Item2?.Tagging != null)
                .Select(d => (d.Item1, d.Item2!))
                .OrderBy(d => d.Item2.ServiceType != Client.Identity.ServiceTypes.Compute).ThenBy(d => d.Item2.Kind, StringComparer.Ordinal)
                .ToList());

        /// <summary>The objects to change, e.g. Get-OSServer web* | Add-OSTag prod. Entity: PowerCLI's name.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [Alias("Entity")]
        [ValidateNotNull]
        public PSObject[]? InputObject { get; set; }

        /// <summary>Writes each object read again after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>"tag 'a'" or "tags 'a', 'b'", for ShouldProcess.</summary>
        protected static string Quoted(IReadOnlyCollection<string> tags) =>
            (tags.Count == 1 ? "tag " : "tags ") + string.Join(", ", tags.Select(t => $"'{t}'"));

        /// <summary>For each object: ShouldProcess with <paramref name="action"/> (given the resource's kind), then
        /// <paramref name="change"/>, then -PassThru.</summary>
        protected void ForEachObject(Func<string, string> action, Func<CloudConnection, IResourceDefinition, string, CancellationToken, Task> change)
        {
            foreach (var input in InputObject!)
            {
                if (!TryTarget(input, out var definition, out var id, out var cloud))
                    continue;
                if (cloud == null && (cloud = TargetCloud()) == null)
                    continue;
                var label = input.Properties["Name"]?.Value?.ToString() is { Length: > 0 } name ? name : id;
                if (!ShouldProcess($"{label} on {cloud.Name}", action(definition.Kind)))
                    continue;
                var target = cloud;
                Try(input, () =>
                {
                    Run(ct => change(target, definition, id, ct));
                    if (PassThru)
                        WriteTyped(Run(ct => definition.GetAsync(target, id, ct)));
                });
            }
        }

        private bool TryTarget(PSObject input, out IResourceDefinition definition, out string id, out CloudConnection? cloud)
        {
            definition = null!;
            id = input.Properties["Id"]?.Value?.ToString() ?? "";
            var cloudValue = input.Properties["Cloud"]?.Value;
            cloud = (cloudValue is PSObject c ? c.BaseObject : cloudValue) as CloudConnection;
            var found = DefinitionOf(input);
            if (found == null || id.Length == 0)
            {
                var given = input.BaseObject;
                var kind = given is PSCustomObject ? input.TypeNames[0] : given.GetType().Name;
                var kinds = string.Join(", ", Taggable.Value.Select(t => Plural(t.Definition.Kind)));
                WriteError(new ErrorRecord(new ArgumentException(
                        $"{MyInvocation.MyCommand.Name} takes objects of the resources that keep tags ({kinds}), e.g. from Get-OSServer or Get-OSNetwork; not {kind} '{given}'."),
                    "NotTaggable", ErrorCategory.InvalidArgument, input));
                return false;
            }
            definition = found;
            return true;
        }

        private static IResourceDefinition? DefinitionOf(PSObject input)
        {
            if (input.BaseObject is PSCustomObject)
            {
                // An object of Get- -Property: "<type name>#Selected".
                var typeName = input.TypeNames.Count > 0 ? input.TypeNames[0].Replace("#Selected", "") : "";
                return Taggable.Value.Select(t => t.Definition).FirstOrDefault(d => d.TypeName == typeName);
            }
            return Taggable.Value.Where(t => t.Type.IsInstanceOfType(input.BaseObject)).Select(t => t.Definition).FirstOrDefault();
        }

        private static string Plural(string kind) => kind.EndsWith("s", StringComparison.Ordinal) ? kind + "es" : kind + "s";
    }
}
