using System;
using System.Linq;

namespace OpenStackOrchestrator.Client.ObjectStorage
{
    /// <summary>Paths of containers and objects relative to the account endpoint. Object names may contain "/"
    /// (pseudo-folders): each part between slashes is escaped, the slashes are kept.</summary>
    internal static class SwiftPaths
    {
        public static string Container(string container) => "/" + ContainerSegment(container);

        public static string Object(string container, string name) => Container(container) + "/" + EscapeName(name);

        public static string EscapeName(string name) => string.Join("/", name.Split('/').Select(Uri.EscapeDataString));

        /// <summary>The name of the container that holds the segments of large objects of <paramref name="container"/>
        /// (the swift client's convention).</summary>
        public static string SegmentContainer(string container) => container + "_segments";

        /// <summary>A container name as one path segment. "/" would make Swift read the rest as an object of another
        /// container (PUT a%2Fb writes object b into container a), "." and ".." would name the account, and NUL is
        /// refused by Swift with a bare 412: all three are refused here, before any request.</summary>
        private static string ContainerSegment(string container)
        {
            if (container.IndexOf('/') >= 0)
                throw new Errors.InvalidNameException("container", container, "a container name cannot contain '/' (Swift would read what follows as an object name).");
            if (container.IndexOf('\0') >= 0)
                throw new Errors.InvalidNameException("container", container, "a container name cannot contain a NUL character.");
            return Core.PathSegment.Name("container", container);
        }
    }
}
