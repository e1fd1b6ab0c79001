using System;
using System.Linq;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.ObjectStorage
{
    /// <summary>Paths of containers and objects relative to the account endpoint. A name is a literal: each part
    /// between slashes is escaped, the slashes are kept (pseudo-folders), and a "." or ".." part is written %2E or
    /// %2E%2E and sent as such (<see cref="LiteralPathHandler"/>), so that no name resolves into another container:
    /// '../b/x' in 'a' is the object '../b/x' of 'a', as Swift stores it.</summary>
    internal static class SwiftPaths
    {
        public static string Container(string container) => "/" + ContainerSegment(container);

        public static string Object(string container, string name) => Container(container) + "/" + EscapeName(name);

        public static string EscapeName(string name)
        {
            if (string.IsNullOrEmpty(name))
                throw new InvalidSwiftNameException("", "object", "An object name cannot be empty.");
            return string.Join("/", name.Split('/').Select(part => EscapeSegment(part, name, "object")));
        }

        private static string EscapeSegment(string part, string name, string kind)
        {
            if (part != "." && part != "..")
                return Uri.EscapeDataString(part);
            if (!LiteralPathHandler.Supported)
                throw new InvalidSwiftNameException(name, kind,
                    $"The {kind} name '{name}' has a '{part}' part, which this .NET runtime would resolve in the URL (it would address another {(kind == "object" ? "object or container" : "path")}); use PowerShell 7.2 or later for such names.");
            return part == "." ? "%2E" : "%2E%2E";
        }

        /// <summary>The name of the container that holds the segments of large objects of <paramref name="container"/>
        /// (the swift client's convention).</summary>
        public static string SegmentContainer(string container) => container + "_segments";

        /// <summary>A container name as one path segment. "/" would make Swift read the rest as an object of another
        /// container (PUT a%2Fb writes object b into container a), "." and ".." would name the account, and NUL is
        /// refused by Swift with a bare 412: all are refused here, before any request.</summary>
        private static string ContainerSegment(string container)
        {
            if (string.IsNullOrEmpty(container))
                throw new InvalidNameException("container", container ?? "", "a container name cannot be empty.");
            if (container.IndexOf('/') >= 0)
                throw new InvalidNameException("container", container, "a container name cannot contain '/' (Swift would read what follows as an object name).");
            if (container.IndexOf('\0') >= 0)
                throw new InvalidNameException("container", container, "a container name cannot contain a NUL character.");
            return Core.PathSegment.Name("container", container);
        }
    }
}
