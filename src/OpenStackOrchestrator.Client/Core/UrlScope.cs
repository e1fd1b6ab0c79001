using System;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>Where a URL points compared with an endpoint, judged on the parsed URL (what goes on the wire), never
    /// on its text: "http://127.0.0.1:5000@evil/" is evil's, "/v2.10" is not under "/v2.1".</summary>
    public static class UrlScope
    {
        /// <summary>The URL as an absolute http(s) URI, or null when it is not one.</summary>
        public static Uri? Parse(string url) =>
            Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

        /// <summary>Same scheme, host and port, and no user info (which some clients would send as credentials).</summary>
        public static bool SameOrigin(Uri url, Uri endpoint) =>
            url.UserInfo.Length == 0 &&
            string.Equals(url.Scheme, endpoint.Scheme, StringComparison.OrdinalIgnoreCase) &&
            string.Equals(url.IdnHost, endpoint.IdnHost, StringComparison.OrdinalIgnoreCase) &&
            url.Port == endpoint.Port;

        /// <summary>Same origin, and the endpoint's path is a prefix of the URL's path ending on a segment boundary.</summary>
        public static bool IsUnder(Uri url, Uri endpoint)
        {
            if (!SameOrigin(url, endpoint))
                return false;
            var root = endpoint.AbsolutePath.TrimEnd('/');
            var path = url.AbsolutePath;
            return root.Length == 0 || path == root ||
                   (path.StartsWith(root, StringComparison.Ordinal) && path.Length > root.Length && path[root.Length] == '/');
        }

        public static bool IsUnder(string url, string endpoint)
        {
            var u = Parse(url);
            var e = Parse(endpoint);
            return u != null && e != null && IsUnder(u, e);
        }

        /// <summary>The URL with any user info ("user:password@") replaced by "***@", for messages.</summary>
        public static string WithoutUserInfo(string url)
        {
            var uri = Parse(url);
            return uri == null || uri.UserInfo.Length == 0 ? url : uri.Scheme + "://***@" + uri.Authority + uri.PathAndQuery + uri.Fragment;
        }

        /// <summary>A path the user gave that names a host of its own: an http(s) URL, or a network-path reference
        /// ("//host/x", "\\host\x", which some parsers read as a host).</summary>
        public static bool NamesHost(string path)
        {
            var p = path.TrimStart();
            return p.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || p.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ||
                   p.StartsWith("//", StringComparison.Ordinal) || p.StartsWith("\\\\", StringComparison.Ordinal) ||
                   p.StartsWith("/\\", StringComparison.Ordinal) || p.StartsWith("\\/", StringComparison.Ordinal);
        }
    }
}
