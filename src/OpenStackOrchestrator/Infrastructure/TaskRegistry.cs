using System.Collections.Generic;
using System.Linq;
using OpenStackOrchestrator.Client.Tasks;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>The tasks started in this process, by any runspace (Get-OSTask in the parent shows those a
    /// ForEach-Object -Parallel block started), newest last, bounded.</summary>
    public static class TaskRegistry
    {
        private const int Kept = 1000;
        private static readonly List<OSTask> All = new List<OSTask>();

        public static void Add(OSTask task)
        {
            lock (All)
            {
                All.Add(task);
                if (All.Count > Kept)
                {
                    var finished = All.FirstOrDefault(t => t.State != OSTaskState.Running);
                    if (finished != null) All.Remove(finished);
                }
            }
        }

        public static IReadOnlyList<OSTask> Tasks
        {
            get
            {
                lock (All) return All.ToList();
            }
        }
    }
}
