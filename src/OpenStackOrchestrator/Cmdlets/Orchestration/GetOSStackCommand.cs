using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Orchestration;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Orchestration
{
    /// <summary>Get-OSStack: Heat stacks by name (wildcards), id or status. Stacks asked for by exact name or id are
    /// read in full (parameters and outputs); a listing gives the summary Heat lists.</summary>
    [Cmdlet(VerbsCommon.Get, "OSStack", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Stack))]
    public sealed class GetOSStackCommand : OSResourceGetCmdlet<Stack>
    {
        protected override ResourceDefinition<Stack> Definition => Stack.Definition;

        /// <summary>Only stacks whose status matches (CREATE_COMPLETE, *_FAILED...).</summary>
        [Parameter(ParameterSetName = "Name")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Status { get; set; }

        /// <summary>Also the stacks nested in others (templates used as resources, resource groups).</summary>
        [Parameter(ParameterSetName = "Name")]
        public SwitchParameter Nested { get; set; }

        protected override void ProcessRecord()
        {
            if (Id != null)
            {
                WriteExact(Id, new NameFilter(null));
                return;
            }
            var names = new NameFilter(InputObject?.BaseObject is string piped ? (Name ?? new string[0]).Append(piped) : Name);
            if (names.AllExact)
                WriteExact(names.ExactNames.ToArray(), new NameFilter(Status, nameof(Status)));
            else
                base.ProcessRecord();
        }

        protected override bool Filter(ListQuery query)
        {
            query.Filter("ShowNested", Nested ? "True" : null);
            return true;
        }

        /// <summary>Heat does not filter by status: statuses (wildcards) are matched here.</summary>
        protected override Func<Stack, bool>? ClientSideFilter
        {
            get
            {
                var statuses = new NameFilter(Status, nameof(Status));
                return statuses.IsEmpty ? null : stack => statuses.IsMatch(stack.Status);
            }
        }

        // Heat finds a stack by its exact name or its id directly (nested ones too); each default cloud is asked. A name
        // and an id that no cloud has are the same error.
        private void WriteExact(IEnumerable<string> namesOrIds, NameFilter statuses)
        {
            var clouds = TargetClouds();
            foreach (var name in namesOrIds)
            {
                var found = false;
                ResourceNotFoundException? notFound = null;
                foreach (var cloud in clouds)
                {
                    try
                    {
                        var stack = Run(ct => cloud.Orchestration.GetStackAsync(name, ct));
                        found = true;
                        if (statuses.IsMatch(stack.Status))
                            WriteTyped(stack, Definition.TypeName);
                    }
                    catch (ResourceNotFoundException ex)
                    {
                        notFound = ex;   // not in this cloud
                    }
                    catch (OpenStackException ex)
                    {
                        WriteFailure(ex, name);
                        found = true;
                    }
                }
                if (!found && clouds.Count > 0)
                    WriteError(ErrorRecords.From(StackLookup.NotFound(name, notFound), name));
            }
        }
    }
}
