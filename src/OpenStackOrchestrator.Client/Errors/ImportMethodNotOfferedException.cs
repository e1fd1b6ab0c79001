using System.Collections.Generic;

namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>The cloud's Glance does not offer the interoperable import method asked for (GET /v2/info/import).</summary>
    public sealed class ImportMethodNotOfferedException : OpenStackException
    {
        public ImportMethodNotOfferedException(string method, IReadOnlyList<string> offered, string cloud)
            : base($"Glance of cloud '{cloud}' does not offer the import method '{method}': this cloud offers import methods: " +
                   (offered.Count == 0 ? "none" : string.Join(", ", offered)) + ".")
        {
            Method = method;
            Offered = offered;
            Service = "image";
        }

        public new string Method { get; }
        public IReadOnlyList<string> Offered { get; }
        public override string ErrorId => "ImportMethodNotOffered";
    }
}
