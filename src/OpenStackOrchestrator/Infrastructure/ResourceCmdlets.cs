using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>Which declared resource each of the module's resource cmdlets is over, found once by reflection (the
    /// generic completers are told only the command's name).</summary>
    public static class ResourceCmdlets
    {
        private static readonly Lazy<Dictionary<string, IResourceDefinition>> ByCommand = new Lazy<Dictionary<string, IResourceDefinition>>(Find);

        public static IResourceDefinition? For(string? commandName) =>
            commandName != null && ByCommand.Value.TryGetValue(commandName, out var definition) ? definition : null;

        public static IReadOnlyDictionary<string, IResourceDefinition> All => ByCommand.Value;

        private static Dictionary<string, IResourceDefinition> Find()
        {
            var map = new Dictionary<string, IResourceDefinition>(StringComparer.OrdinalIgnoreCase);
            foreach (var type in typeof(ResourceCmdlets).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(IResourceCmdlet).IsAssignableFrom(t)))
            {
                var cmdlet = type.GetCustomAttributes(typeof(CmdletAttribute), false).OfType<CmdletAttribute>().FirstOrDefault();
                if (cmdlet != null && Activator.CreateInstance(type) is IResourceCmdlet resource)
                    map[cmdlet.VerbName + "-" + cmdlet.NounName] = resource.Resource;
            }
            return map;
        }
    }
}
