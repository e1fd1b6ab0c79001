using System.Management.Automation;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>A tag is a label of its own: not empty, and without ',' (tag filters are comma-separated lists) or '/'
    /// (a tag is a segment of its URL); refused here, before a service answers with a 400 or a 404 that says less.</summary>
    public sealed class ValidateTagAttribute : ValidateEnumeratedArgumentsAttribute
    {
        protected override void ValidateElement(object element)
        {
            var tag = (element is PSObject p ? p.BaseObject : element) as string;
            if (string.IsNullOrWhiteSpace(tag))
                throw new ValidationMetadataException("A tag cannot be empty.");
            if (tag!.IndexOfAny(new[] { ',', '/' }) >= 0)
                throw new ValidationMetadataException($"The tag '{tag}' has a ',' or a '/': tags cannot contain them.");
        }
    }
}
