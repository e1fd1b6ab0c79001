using System.Management.Automation;
using System.Text.Json;
using OpenStackOrchestrator.Client.Orchestration;

namespace OpenStackOrchestrator.Cmdlets.Orchestration
{
    /// <summary>Get-OSStackTemplate: the template a stack was made from, as Heat keeps it (a dictionary, or JSON text
    /// with -AsJson that New-OSStack -Template accepts).</summary>
    [Cmdlet(VerbsCommon.Get, "OSStackTemplate")]
    [OutputType(typeof(System.Collections.Generic.IDictionary<string, object>), typeof(string))]
    public sealed class GetOSStackTemplateCommand : StackChildrenCmdlet
    {
        [Parameter]
        public SwitchParameter AsJson { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var reference in Stack!)
            {
                if (!TryFindStack(reference, out var cloud, out var stack))
                    continue;
                Try(reference, () =>
                {
                    var template = Run(ct => cloud!.Orchestration.GetTemplateAsync(stack!, ct));
                    if (AsJson)
                        WriteObject(JsonSerializer.Serialize(template, new JsonSerializerOptions { WriteIndented = true }));
                    else
                        WriteObject(template);
                });
            }
        }
    }
}
