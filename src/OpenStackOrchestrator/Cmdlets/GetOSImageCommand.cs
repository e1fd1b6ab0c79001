using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Images;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets
{
    /// <summary>Get-OSImage: Glance images by name (wildcards), id, visibility, status or tag.</summary>
    [Cmdlet(VerbsCommon.Get, "OSImage", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Image))]
    public sealed class GetOSImageCommand : OSGetCmdlet
    {
        [Parameter(ParameterSetName = "Name", Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = "Id", Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        [Parameter(ParameterSetName = "Name")]
        [ValidateSet("public", "private", "shared", "community", "all")]
        public string? Visibility { get; set; }

        [Parameter(ParameterSetName = "Name")]
        [ValidateSet("queued", "saving", "uploading", "importing", "active", "killed", "deleted", "deactivated")]
        public string? Status { get; set; }

        [Parameter(ParameterSetName = "Name")]
        public string[]? Tag { get; set; }

        protected override void ProcessRecord()
        {
            if (Id != null)
            {
                WriteByIds(Id, TypeNames.Image, (cloud, id, ct) => cloud.Image.GetAsync(id, ct));
                return;
            }
            var filter = new NameFilter(Name);
            var tags = Tag ?? new string[0];
            // Glance filters one exact name and one tag server-side; wildcards and further tags are checked here.
            var clientSide = (!filter.IsEmpty && filter.SingleExactName == null) || tags.Length > 1;
            WriteMatches("image", TypeNames.Image, filter, clientSide,
                (cloud, limit, ct) =>
                {
                    var options = new ImageListOptions { Name = filter.SingleExactName, Visibility = Visibility, Status = Status, Limit = limit };
                    foreach (var tag in tags.Take(1)) options.Tags.Add(tag);
                    return cloud.Image.ListAsync(options, ct);
                },
                image => image.Name,
                image => tags.All(t => image.Tags.Contains(t)));
        }
    }
}
