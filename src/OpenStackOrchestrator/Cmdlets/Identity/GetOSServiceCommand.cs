using System.Management.Automation;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Identity
{
    /// <summary>Get-OSService: the services of the Keystone catalog (nova, glance...) by name (wildcards), id or -Type (admin).</summary>
    [Cmdlet(VerbsCommon.Get, "OSService", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Service))]
    public sealed class GetOSServiceCommand : OSResourceGetCmdlet<Service>
    {
        protected override ResourceDefinition<Service> Definition => Service.Definition;

        /// <summary>Only the services of this catalog type: compute, image, network, volumev3...</summary>
        [Parameter(ParameterSetName = "Name")]
        [ValidateNotNullOrEmpty]
        public string? Type { get; set; }

        protected override bool Filter(ListQuery query)
        {
            query.Filter("Type", Type);
            return true;
        }
    }
}
