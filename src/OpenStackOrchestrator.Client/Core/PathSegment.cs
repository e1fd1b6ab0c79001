using System;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>One escaped segment of a request path. Uri.EscapeDataString keeps "." and "..", which the URL then
    /// resolves away: GET networks/.. would read the service's root, networks/. the whole list.</summary>
    public static class PathSegment
    {
        /// <summary>An id: a dot segment names nothing, so it is a not-found (a lookup by name may follow).</summary>
        public static string Id(string kind, string id)
        {
            if (IsDotSegment(id))
                throw new ResourceNotFoundException($"No {kind} has the id '{id}'.");
            return Uri.EscapeDataString(id);
        }

        /// <summary>A name that is a whole segment (a container): refused when it is a dot segment.</summary>
        public static string Name(string kind, string name)
        {
            if (IsDotSegment(name))
                throw new InvalidNameException(kind, name, "'.' and '..' mean this folder and its parent in a URL.");
            return Uri.EscapeDataString(name);
        }

        public static bool IsDotSegment(string segment) => segment == "." || segment == "..";
    }
}
