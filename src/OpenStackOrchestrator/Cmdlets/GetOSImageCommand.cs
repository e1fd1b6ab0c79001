using System;
using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Images;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets
{
    /// <summary>Get-OSImage: Glance images by name (wildcards), id, visibility, status or tag.</summary>
    [Cmdlet(VerbsCommon.Get, "OSImage", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Image))]
    public sealed class GetOSImageCommand : OSResourceGetCmdlet<Image>
    {
        protected override ResourceDefinition<Image> Definition => Image.Definition;

        [Parameter(ParameterSetName = "Name")]
        [ValidateSet("public", "private", "shared", "community", "all")]
        public string? Visibility { get; set; }

        [Parameter(ParameterSetName = "Name")]
        [ValidateSet("queued", "saving", "uploading", "importing", "active", "killed", "deleted", "deactivated")]
        public string? Status { get; set; }

        [Parameter(ParameterSetName = "Name")]
        public string[]? Tag { get; set; }

        protected override bool Filter(ListQuery query)
        {
            // Glance filters one tag server-side; further tags are checked here.
            query.Filter("Visibility", Visibility?.ToLowerInvariant()).Filter("Status", Status?.ToLowerInvariant())
                .Filter("Tag", Tag?.FirstOrDefault());
            return true;
        }

        protected override Func<Image, bool>? ClientSideFilter =>
            Tag == null || Tag.Length < 2 ? null : new Func<Image, bool>(image => Tag.All(t => image.Tags.Contains(t)));
    }
}
