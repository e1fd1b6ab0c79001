using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Client.Tasks;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>Ctrl+C during a create-and-wait: the cloud keeps what the POST made, so each stopped task warns with
    /// the name and id of what now exists and the command that removes it.</summary>
    internal static class StopWarnings
    {
        // Long enough for a create whose POST is in flight (not cancelled: see New-OSServer) to learn its id, short
        // enough that Ctrl+C still gives the prompt back at once.
        private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

        public static void Write(OSCmdlet cmdlet, IReadOnlyList<OSTask> stopped)
        {
            if (stopped.Count == 0)
                return;
            try
            {
                Task.WaitAll(stopped.Select(t => t.Completion).ToArray(), Settle);
            }
            catch (AggregateException)
            {
                // Completion never faults; nothing to report here.
            }
            foreach (var task in stopped)
            {
                foreach (var created in task.Created)
                    Warn(cmdlet, Describe(created, task.Status));
                if (task.Creating is string creating && !task.Completion.IsCompleted)
                    Warn(cmdlet, $"Stopped while creating {creating} on {task.Cloud.Name}: the request was sent, so it may exist; check with {GetCommand(task)}.");
            }
        }

        internal static string Describe(CreatedResource created, string? status)
        {
            var what = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(created.Kind.Substring(0, 1)) + created.Kind.Substring(1);
            var name = string.IsNullOrEmpty(created.Name) ? "" : $" '{created.Name}'";
            // A resource's own state ("BUILD (spawning)", "CREATE_IN_PROGRESS"), not a task's step ("requested").
            var state = status != null && Regex.IsMatch(status, "^[A-Z][A-Z_]+\\b") ? $" and is {status}" : "";
            var remove = RemoveCommand(created);
            var how = remove != null ? $"; remove it with: {remove} {created.Id} -Cloud {created.Cloud}" : "";
            return $"Stopped. {what}{name} (id {created.Id}) was created{state}{how}";
        }

        private static string? RemoveCommand(CreatedResource created)
        {
            var declared = ResourceCmdlets.All.FirstOrDefault(c => c.Key.StartsWith("Remove-", StringComparison.OrdinalIgnoreCase) &&
                                                                  c.Value.ResourceType == created.ResourceType).Key;
            if (declared != null)
                return declared;
            var noun = string.Concat(created.Kind.Split(' ').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w.Substring(1)));
            var name = "Remove-OS" + noun;
            return typeof(StopWarnings).Assembly.GetTypes().Any(t => t.GetCustomAttributes(typeof(CmdletAttribute), false).OfType<CmdletAttribute>()
                .Any(a => a.VerbName + "-" + a.NounName == name)) ? name : null;
        }

        private static string GetCommand(OSTask task) => $"{task.Operation.Replace("New-", "Get-")} '{task.Target}' -Cloud {task.Cloud.Name}";

        /// <summary>The pipeline is stopping: its warning stream may refuse the record, the host's console does not.</summary>
        private static void Warn(OSCmdlet cmdlet, string text)
        {
            try
            {
                cmdlet.WriteWarning(text);
            }
            catch (PipelineStoppedException)
            {
                cmdlet.Host?.UI?.WriteWarningLine(text);
            }
        }
    }
}
