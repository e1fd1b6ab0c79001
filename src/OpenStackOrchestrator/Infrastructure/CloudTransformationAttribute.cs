using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Client;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>Lets -Cloud take connection objects or the names of open connections ("los-demo", "*").</summary>
    public sealed class CloudTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var result = new List<CloudConnection>();
            foreach (var item in Items(inputData))
            {
                var value = item is PSObject p ? p.BaseObject : item;
                if (value is CloudConnection connection)
                {
                    result.Add(connection);
                    continue;
                }
                if (value is string name)
                {
                    var filter = new NameFilter(new[] { name }, "Cloud");
                    var matches = ConnectionRegistry.Connections.Where(c => filter.IsMatch(c.Name) || c.Id == name).ToList();
                    if (matches.Count == 0)
                        throw new ArgumentTransformationMetadataException(
                            $"No open connection is named '{name}'. Open connections: " +
                            (ConnectionRegistry.Connections.Count == 0 ? "none in this process. " + ConnectionRegistry.OtherProcessHint
                                : string.Join(", ", ConnectionRegistry.Connections.Select(c => c.Name).Distinct()) + "."));
                    result.AddRange(matches);
                    continue;
                }
                throw new ArgumentTransformationMetadataException(
                    $"-Cloud takes a connection from Connect-OSCloud or Get-OSCloud, or the name of one; got {value?.GetType().Name ?? "null"}.");
            }
            return result.Distinct().ToArray();
        }

        private static IEnumerable<object?> Items(object inputData)
        {
            var unwrapped = inputData is PSObject p ? p.BaseObject : inputData;
            if (unwrapped is string || !(unwrapped is IEnumerable enumerable))
                return new[] { inputData };
            return enumerable.Cast<object?>();
        }
    }
}
