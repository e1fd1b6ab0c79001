using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Image;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets
{
    /// <summary>Get-OSImage: Glance images by name (wildcards), id, visibility, status or tag.</summary>
    [Cmdlet(VerbsCommon.Get, "OSImage", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Image))]
    public sealed class GetOSImageCommand : OSCloudCmdlet
    {
        [Parameter(ParameterSetName = "Name", Position = 0)]
        [SupportsWildcards]
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

        protected override bool UsesAllDefaultClouds => true;

        protected override void ProcessRecord()
        {
            foreach (var cloud in TargetClouds())
            {
                if (Id != null)
                {
                    foreach (var id in Id)
                        Try(id, () => WriteTyped(Run(ct => cloud.Image.GetAsync(id, ct)), TypeNames.Image));
                    continue;
                }
                var filter = new NameFilter(Name);
                var tags = Tag ?? new string[0];
                var options = new ImageListOptions { Name = filter.SingleExactName, Visibility = Visibility, Status = Status };
                foreach (var tag in tags.Take(1)) options.Tags.Add(tag);
                var clientSideFilter = (!filter.IsEmpty && filter.SingleExactName == null) || tags.Length > 1;
                options.Limit = clientSideFilter ? null : Paging.Limit(PagingParameters);
                var seen = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
                var written = 0UL;
                Try(cloud.Name, () => RunEach(ct => cloud.Image.ListAsync(options, ct), image =>
                {
                    if (!filter.IsMatch(image.Name) || !tags.All(t => image.Tags.Contains(t)) || !Paging.Take(PagingParameters, ref written))
                        return;
                    seen.Add(image.Name);
                    WriteTyped(image, TypeNames.Image);
                }));
                foreach (var exact in filter.ExactNames)
                    if (!seen.Contains(exact))
                        WriteError(ErrorRecords.NotFound("image", exact));
            }
        }
    }
}
