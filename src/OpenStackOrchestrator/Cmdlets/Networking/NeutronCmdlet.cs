using System;
using System.Management.Automation;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Base of the networking cmdlets that change things: a malformed text argument ("a-b", "subnet=ip"...)
    /// is a non-terminating InvalidArgument error for that input, like a failed API call.</summary>
    public abstract class NeutronCmdlet : OSCloudCmdlet
    {
        protected void Act(object? target, Action action)
        {
            try
            {
                Try(target, action);
            }
            catch (ArgumentException ex)
            {
                WriteError(new ErrorRecord(ex, "InvalidArgument", ErrorCategory.InvalidArgument, target));
            }
        }

        protected bool IsBound(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);
    }
}
