using System;
using System.Collections.Generic;
using System.Management.Automation;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Orchestration;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Orchestration
{
    /// <summary>Invoke-OSScalingPolicy: signals scaling policies of stacks by hand, as `openstack stack resource signal`
    /// does and as an alarm's action would: Heat then adds (or removes) members of the policy's AutoScalingGroup in the
    /// background. A policy in its cooldown ignores the signal. Takes a stack and policy names, or policies piped from
    /// Get-OSStackResource; a resource that is not a scaling policy is a NotAScalingPolicy error before any signal.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "OSScalingPolicy", DefaultParameterSetName = "Stack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void), typeof(StackResource))]
    public sealed class InvokeOSScalingPolicyCommand : OSCloudCmdlet
    {
        private static readonly HashSet<string> PolicyTypes = new HashSet<string>(StringComparer.Ordinal)
        {
            "OS::Heat::ScalingPolicy",
            "AWS::AutoScaling::ScalingPolicy",
        };

        [Parameter(ParameterSetName = "Stack", Mandatory = true, Position = 0)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(StackNameCompleter))]
        [ValidateNotNull]
        public ResourceReference? Stack { get; set; }

        /// <summary>The policies' names in the stack's template.</summary>
        [Parameter(ParameterSetName = "Stack", Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>Scaling policies from Get-OSStackResource.</summary>
        [Parameter(ParameterSetName = "Resource", Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public StackResource[]? InputObject { get; set; }

        /// <summary>Write the policy (read again after the signal).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (InputObject != null)
            {
                foreach (var resource in InputObject)
                    Signal(resource.Cloud, resource);
                return;
            }
            var cloud = Stack!.Cloud ?? TargetCloud();
            if (cloud == null)
                return;
            Stack? stack = null;
            try
            {
                stack = Run(ct => StackLookup.FindAsync(Stack, cloud, ct));
            }
            catch (Client.Errors.OpenStackException ex)
            {
                WriteFailure(ex, Stack);
                return;
            }
            foreach (var name in Name!)
            {
                StackResource? resource = null;
                Try(name, () => resource = Run(ct => cloud.Orchestration.GetResourceAsync(stack!, name, ct)));
                if (resource != null)
                    Signal(cloud, resource);
            }
        }

        private void Signal(CloudConnection cloud, StackResource resource)
        {
            if (resource.Type == null || !PolicyTypes.Contains(resource.Type))
            {
                WriteError(new ErrorRecord(new ArgumentException($"The resource '{resource.Name}' of stack '{resource.StackName}' is a {resource.Type ?? "resource of unknown type"}, " +
                    "not a scaling policy (OS::Heat::ScalingPolicy): only a scaling policy can be invoked."), "NotAScalingPolicy", ErrorCategory.InvalidArgument, resource));
                return;
            }
            if (!ShouldProcess($"{resource.Name} of stack {resource.StackName} on {cloud.Name}", "Signal scaling policy"))
                return;
            Try(resource, () =>
            {
                Run(ct => cloud.Orchestration.SignalResourceAsync(resource, null, ct));
                if (PassThru)
                    WriteTyped(Run(ct => cloud.Orchestration.RefreshResourceAsync(resource, ct)), TypeNames.StackResource);
            });
        }
    }
}
