using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Tasks;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>Turns a server's status and task state into a task's progress.</summary>
    internal static class ServerProgress
    {
        public static void Report(OSTask task, Server? server)
        {
            if (server == null)
            {
                task.Report(90, "gone");
                return;
            }
            var status = server.TaskState == null ? server.Status : $"{server.Status} ({server.TaskState})";
            task.Report(PercentOf(server), status);
        }

        private static int PercentOf(Server server)
        {
            switch (server.TaskState)
            {
                case "scheduling": return 20;
                case "networking": return 35;
                case "block_device_mapping": return 50;
                case "spawning": return 70;
                case "deleting": return 60;
                case null: return server.Status == "BUILD" ? 10 : 90;
                default: return 50;
            }
        }
    }
}
