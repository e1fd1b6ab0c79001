using System;
using System.Linq;

namespace OpenStackOrchestrator.Client.ObjectStorage
{
    /// <summary>Paths of containers and objects relative to the account endpoint. Object names may contain "/"
    /// (pseudo-folders): each part between slashes is escaped, the slashes are kept.</summary>
    internal static class SwiftPaths
    {
        public static string Container(string container) => "/" + Uri.EscapeDataString(container);

        public static string Object(string container, string name) => Container(container) + "/" + EscapeName(name);

        public static string EscapeName(string name) => string.Join("/", name.Split('/').Select(Uri.EscapeDataString));

        /// <summary>The name of the container that holds the segments of large objects of <paramref name="container"/>
        /// (the swift client's convention).</summary>
        public static string SegmentContainer(string container) => container + "_segments";
    }
}
