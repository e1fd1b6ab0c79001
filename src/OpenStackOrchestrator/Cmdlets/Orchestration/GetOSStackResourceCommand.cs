using System;
using System.Collections.Generic;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Orchestration;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Orchestration
{
    /// <summary>Get-OSStackResource: the resources of stacks (Get-OSStack web | Get-OSStackResource), with the ids of
    /// what they created; -Nested (or -NestedDepth) includes those of nested stacks.</summary>
    [Cmdlet(VerbsCommon.Get, "OSStackResource", SupportsPaging = true)]
    [OutputType(typeof(StackResource))]
    public sealed class GetOSStackResourceCommand : StackChildrenCmdlet
    {
        /// <summary>Resource names in the template (wildcards).</summary>
        [Parameter(Position = 1)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>How many levels of nested stacks to include (0: the stack's own resources only).</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int NestedDepth { get; set; }

        /// <summary>Include the resources of every nested stack (an AutoScalingGroup's members, a nested template's
        /// resources), each with the name of the stack it is in (StackName); Heat goes as deep as its max_nested_depth (5).</summary>
        [Parameter]
        public SwitchParameter Nested { get; set; }

        /// <summary>Heat's default max_nested_depth.</summary>
        private const int MaxNestedDepth = 5;

        protected override void ProcessRecord()
        {
            var filter = new NameFilter(Name);
            foreach (var reference in Stack!)
            {
                if (!TryFindStack(reference, out var cloud, out var stack))
                    continue;
                var seen = new HashSet<string>(StringComparer.Ordinal);
                WriteChildren(cloud!, TypeNames.StackResource, ct => cloud!.Orchestration.ListResourcesAsync(stack!, Nested ? Math.Max(NestedDepth, MaxNestedDepth) : NestedDepth, ct), resource =>
                {
                    if (!filter.IsMatch(resource.Name))
                        return false;
                    seen.Add(resource.Name);
                    return true;
                });
                foreach (var exact in filter.ExactNames)
                    if (!seen.Contains(exact))
                        WriteError(ErrorRecords.NotFound($"resource of stack '{stack!.Name}'", exact));
            }
        }

        protected override void EndProcessing() => WriteChildrenTotal();
    }
}
