using System.Management.Automation;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>Get- over a declared resource that keeps tags: -Tag, -TagAny and -ExcludeTag filter the list server-side.</summary>
    public abstract class OSTaggedResourceGetCmdlet<T> : OSResourceGetCmdlet<T> where T : OSResource
    {
        /// <summary>Only the resources that have all of these tags.</summary>
        [Parameter(ParameterSetName = "Name")]
        [ValidateNotNullOrEmpty]
        [ValidateTag]
        public string[]? Tag { get; set; }

        /// <summary>Only the resources that have at least one of these tags.</summary>
        [Parameter(ParameterSetName = "Name")]
        [ValidateNotNullOrEmpty]
        [ValidateTag]
        public string[]? TagAny { get; set; }

        /// <summary>Only the resources that have none of these tags.</summary>
        [Parameter(ParameterSetName = "Name")]
        [ValidateNotNullOrEmpty]
        [ValidateTag]
        public string[]? ExcludeTag { get; set; }

        protected override TagFilter? TagFilter => new TagFilter(Tag, TagAny, ExcludeTag);
    }
}
