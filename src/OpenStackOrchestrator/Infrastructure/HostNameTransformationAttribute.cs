using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Compute;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>A compute host parameter (Move-OSServer -Destination, New-OSServer -TargetHost): a host name, or a
    /// hypervisor or compute service object, which gives its host.</summary>
    public sealed class HostNameTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject p ? p.BaseObject : inputData;
            if (value is object[] array)
                return array.Select(item => Transform(engineIntrinsics, item)).ToArray();
            switch (value)
            {
                case Hypervisor hypervisor:
                    return hypervisor.Host ?? hypervisor.Name;
                case ComputeService service:
                    return service.Host;
                default:
                    return inputData;
            }
        }
    }
}
