using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using OpenStackOrchestrator.Client.Tasks;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>The tasks started in one runspace (Get-OSTask), newest last, bounded.</summary>
    public static class TaskRegistry
    {
        private const int Kept = 1000;
        private static readonly ConditionalWeakTable<Runspace, List<OSTask>> All = new ConditionalWeakTable<Runspace, List<OSTask>>();
        private static readonly List<OSTask> NoRunspace = new List<OSTask>();

        private static List<OSTask> Current()
        {
            var runspace = Runspace.DefaultRunspace;
            return runspace == null ? NoRunspace : All.GetValue(runspace, _ => new List<OSTask>());
        }

        public static void Add(OSTask task)
        {
            var list = Current();
            lock (list)
            {
                list.Add(task);
                if (list.Count > Kept)
                {
                    var finished = list.FirstOrDefault(t => t.State != OSTaskState.Running);
                    if (finished != null) list.Remove(finished);
                }
            }
        }

        public static IReadOnlyList<OSTask> Tasks
        {
            get
            {
                var list = Current();
                lock (list) return list.ToList();
            }
        }
    }
}
