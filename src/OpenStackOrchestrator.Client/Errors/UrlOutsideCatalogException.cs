namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>A request would have carried the connection's token to a URL outside the endpoints the catalog names
    /// (another host, port or scheme, or user info in the URL); nothing was sent.</summary>
    public sealed class UrlOutsideCatalogException : OpenStackException
    {
        public UrlOutsideCatalogException(string url, string service, string method, string? detail = null)
            : base(detail ?? $"Refused to send the token to {Core.UrlScope.WithoutUserInfo(url)}: it is not on a scheme, host and port of the cloud's catalog. Nothing was sent.")
        {
            Url = Core.UrlScope.WithoutUserInfo(url);
            Service = service;
            Method = method;
        }

        public override string ErrorId => "UrlOutsideCatalog";
    }

    /// <summary>A service answered with a redirect (3xx) that was not followed: its target is on another scheme, host
    /// or port than the request (the token would have gone with it), or the request was not a GET or HEAD.</summary>
    public sealed class RedirectNotFollowedException : OpenStackException
    {
        public RedirectNotFollowedException(string message, string? location) : base(message) => Location = location;

        /// <summary>The redirect's target, as the service gave it.</summary>
        public string? Location { get; }
        public override string ErrorId => "RedirectNotFollowed";
    }
}
