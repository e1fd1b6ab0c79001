using System.Collections.Generic;
using System.Linq;
using OpenStackOrchestrator.Client.Orchestration;

namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>A stack operation ended in a *_FAILED status. The message carries Heat's stack_status_reason and, for
    /// each failed resource (nested ones too), its name, type and resource_status_reason.</summary>
    public sealed class StackFailedException : OpenStackException
    {
        public StackFailedException(Stack stack, IReadOnlyList<StackResource> failedResources)
            : base(Describe(stack, failedResources))
        {
            Stack = stack;
            FailedResources = failedResources;
            Service = "orchestration";
            ServiceMessage = stack.StatusReason;
        }

        public Stack Stack { get; }
        /// <summary>The resources in a *_FAILED status, with the reason Heat gives for each.</summary>
        public IReadOnlyList<StackResource> FailedResources { get; }
        public override string ErrorId => "StackFailed";

        private static string Describe(Stack stack, IReadOnlyList<StackResource> failed)
        {
            var message = $"Stack '{stack.Name}' ({stack.Id}) went to {stack.Status}: {stack.StatusReason ?? "Heat gave no reason"}";
            if (failed.Count == 0)
                return message + ".";
            return message + ". Failed resources: " + string.Join("; ", failed.Select(r =>
                $"{(r.ParentResource != null ? r.ParentResource + "/" : "")}{r.Name} ({r.Type}) {r.Status}: {r.StatusReason ?? "no reason given"}")) + ".";
        }
    }
}
