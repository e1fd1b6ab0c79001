using System.Management.Automation;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets
{
    /// <summary>Get-OSTask: the tasks started in this session (PowerCLI's Get-Task).</summary>
    [Cmdlet(VerbsCommon.Get, "OSTask")]
    [OutputType(typeof(OSTask))]
    public sealed class GetOSTaskCommand : OSCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TaskIdCompleter))]
        public string[]? Id { get; set; }

        [Parameter]
        public OSTaskState? State { get; set; }

        protected override void ProcessRecord()
        {
            var filter = new NameFilter(Id, nameof(Id));
            foreach (var task in TaskRegistry.Tasks)
                if (filter.IsMatch(task.Id) && (State == null || task.State == State))
                    WriteTyped(task, TypeNames.Task);
        }
    }
}
