using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Tasks;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>Lets -Task take task objects or the ids of tasks of this session ("Task-3", as Get-OSTask shows them).</summary>
    public sealed class TaskTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var unwrapped = inputData is PSObject p ? p.BaseObject : inputData;
            var items = unwrapped is string || !(unwrapped is IEnumerable enumerable) ? new[] { inputData } : enumerable.Cast<object?>();
            var result = new List<OSTask>();
            foreach (var item in items)
            {
                var value = item is PSObject ip ? ip.BaseObject : item;
                switch (value)
                {
                    case OSTask task:
                        result.Add(task);
                        break;
                    case string id:
                        result.Add(TaskRegistry.Tasks.FirstOrDefault(t => string.Equals(t.Id, id, System.StringComparison.OrdinalIgnoreCase))
                            ?? throw new ArgumentTransformationMetadataException($"No task of this session has the id '{id}' (Get-OSTask lists them)."));
                        break;
                    default:
                        throw new ArgumentTransformationMetadataException($"-Task takes tasks from -RunAsync or Get-OSTask, or their ids; got {value?.GetType().Name ?? "null"}.");
                }
            }
            return result.ToArray();
        }
    }
}
