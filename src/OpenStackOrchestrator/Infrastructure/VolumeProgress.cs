using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Tasks;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>Turns a volume's or snapshot's status into a task's progress.</summary>
    internal static class VolumeProgress
    {
        public static void Report(OSTask task, Volume? volume) => Report(task, volume?.Status);

        public static void Report(OSTask task, VolumeSnapshot? snapshot) => Report(task, snapshot?.Status);

        public static void Report(OSTask task, VolumeBackup? backup) => Report(task, backup?.Status);

        private static void Report(OSTask task, string? status)
        {
            if (status == null)
            {
                task.Report(90, "gone");
                return;
            }
            task.Report(PercentOf(status), status);
        }

        private static int PercentOf(string status)
        {
            switch (status)
            {
                case "creating": return 30;
                case "downloading": return 50;
                case "reserved": return 30;
                case "attaching": return 60;
                case "detaching": return 60;
                case "extending": return 50;
                case "deleting": return 60;
                case "backing-up": return 50;
                case "restoring": return 50;
                case "restoring-backup": return 50;
                default: return 90;
            }
        }
    }
}
