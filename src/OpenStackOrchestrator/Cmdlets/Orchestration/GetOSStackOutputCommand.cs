using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Orchestration;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Orchestration
{
    /// <summary>Get-OSStackOutput: a stack's outputs as objects (Name, Value, Description), or with -Name the value of
    /// one output itself.</summary>
    [Cmdlet(VerbsCommon.Get, "OSStackOutput")]
    [OutputType(typeof(StackOutput), typeof(object))]
    public sealed class GetOSStackOutputCommand : StackChildrenCmdlet
    {
        /// <summary>The output whose value to write (its key in the template's outputs).</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var reference in Stack!)
            {
                if (!TryFindStack(reference, out _, out var stack))
                    continue;
                if (Name == null)
                {
                    foreach (var output in stack!.Outputs)
                        WriteTyped(output, TypeNames.StackOutput);
                    continue;
                }
                var wanted = stack!.Outputs.FirstOrDefault(o => o.Name == Name);
                if (wanted == null)
                    WriteError(ErrorRecords.NotFound($"output of stack '{stack.Name}'", Name));
                else if (wanted.Error != null)
                    WriteFailure(new StackOutputFailedException($"Output '{Name}' of stack '{stack.Name}' has no value: {wanted.Error}"), Name);
                else
                    WriteObject(wanted.Value, enumerateCollection: wanted.Value is object[]);
            }
        }
    }
}
