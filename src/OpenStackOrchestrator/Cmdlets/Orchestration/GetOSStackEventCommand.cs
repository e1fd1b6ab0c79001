using System;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Orchestration;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Orchestration
{
    /// <summary>Get-OSStackEvent: the events of stacks, oldest first; -Follow goes on writing new events as they
    /// come until the stack is no longer in progress (at most -TimeoutSec; Ctrl+C stops it).</summary>
    [Cmdlet(VerbsCommon.Get, "OSStackEvent")]
    [OutputType(typeof(StackEvent))]
    public sealed class GetOSStackEventCommand : StackChildrenCmdlet
    {
        /// <summary>Only the events of this resource (its name in the template).</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? ResourceName { get; set; }

        [Parameter]
        [ValidateRange(0, 10)]
        public int NestedDepth { get; set; }

        [Parameter]
        public SwitchParameter Follow { get; set; }

        /// <summary>How long -Follow may wait for the stack to settle.</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSec { get; set; } = 3600;

        protected override void ProcessRecord()
        {
            foreach (var reference in Stack!)
            {
                if (!TryFindStack(reference, out var cloud, out var stack))
                    continue;
                if (Follow)
                    Try(reference, () => RunEach(ct => cloud!.Orchestration.FollowEventsAsync(stack!, NestedDepth, ResourceName, TimeSpan.FromSeconds(TimeoutSec), ct),
                        e => WriteTyped(e, TypeNames.StackEvent)));
                else
                    Try(reference, () =>
                    {
                        foreach (var e in Run(ct => cloud!.Orchestration.ListEventsAsync(stack!, null, NestedDepth, ResourceName, ct)))
                            WriteTyped(e, TypeNames.StackEvent);
                    });
            }
        }
    }
}
