using System;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.Config
{
    /// <summary>Connect-OSCloud -Server as PowerCLI's Connect-VIServer -Server: a host or URL instead of a clouds.yaml
    /// name. A given scheme, port and path are kept; what is missing is https, Keystone's port 5000 and /v3.</summary>
    public static class ServerAddress
    {
        public const int KeystonePort = 5000;

        /// <summary>True for a value that names a host or URL (a scheme, a dot, a colon or brackets) rather than a cloud.</summary>
        public static bool LooksLikeAddress(string value)
        {
            var text = value.Trim();
            return text.Length > 0 && (text.Contains("://") || text.IndexOfAny(new[] { '.', ':', '[', '/' }) >= 0
                || string.Equals(text, "localhost", StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>The auth URL for a host or URL: vcenter-like "keystone.example.com" is https://keystone.example.com:5000/v3,
        /// "10.0.0.5:443" is https://10.0.0.5:443/v3, "http://127.0.0.1:5000" is http://127.0.0.1:5000/v3,
        /// "https://cloud.example.com/identity" is https://cloud.example.com/identity/v3.</summary>
        /// <exception cref="CloudConfigurationException">The value is not a host or an http(s) URL.</exception>
        public static string ToAuthUrl(string value)
        {
            var text = value.Trim();
            var hasScheme = text.Contains("://");
            if (text.Split('/')[hasScheme ? 2 : 0].Contains("@"))
                throw new CloudConfigurationException("A -Server URL must not carry a user name or password: give them with -User and -Password.");
            if (!Uri.TryCreate(hasScheme ? text : "https://" + text, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host)
                || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
                throw new CloudConfigurationException($"'{value}' is neither a cloud in clouds.yaml nor a host name or http(s) URL.");
            var port = hasScheme || HasExplicitPort(text) ? uri.Port : KeystonePort;
            var path = uri.AbsolutePath.TrimEnd('/');
            if (!path.EndsWith("/v3", StringComparison.OrdinalIgnoreCase))
                path += "/v3";
            return new UriBuilder(uri.Scheme, uri.Host, port, path).Uri.ToString().TrimEnd('/');
        }

        // Uri.Port is the scheme's default when none is written: look at the text after the host.
        private static bool HasExplicitPort(string text)
        {
            var authority = text.Split('/')[0];
            var closing = authority.LastIndexOf(']');
            return authority.IndexOf(':', closing + 1) >= 0;
        }
    }
}
