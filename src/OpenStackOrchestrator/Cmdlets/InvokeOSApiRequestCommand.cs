using System;
using System.Collections;
using System.Management.Automation;
using System.Net.Http;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets
{
    /// <summary>Invoke-OSApiRequest: the raw escape hatch. Any service path through the module's pipeline
    /// (token, retries, errors, -Debug trace); the JSON answer comes back as PowerShell objects.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "OSApiRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(PSObject))]
    public sealed class InvokeOSApiRequestCommand : OSCloudCmdlet
    {
        /// <summary>Catalog service type: compute, image, network, block-storage (volumev3), object-store, orchestration, identity...</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Service { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        [Parameter]
        [ValidateSet("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD")]
        public string Method { get; set; } = "GET";

        /// <summary>A hashtable or object (sent as JSON), or a JSON string.</summary>
        [Parameter]
        public object? Body { get; set; }

        [Parameter]
        [ScalarValues]
        public IDictionary? Query { get; set; }

        [Parameter]
        [ValidatePattern(@"^\d+\.\d+$")]
        public string? Microversion { get; set; }

        /// <summary>Additional request headers.</summary>
        [Parameter]
        [HeaderValue]
        public IDictionary? Headers { get; set; }

        protected override void ProcessRecord()
        {
            var cloud = TargetCloud();
            if (cloud == null)
                return;
            var method = Method.ToUpperInvariant();
            if (UrlScope.NamesHost(Path!) && !IsUnderCatalog(cloud, method))
                return;
            if (method != "GET" && method != "HEAD" && !ShouldProcess($"{Service} {Path} on {cloud.Name}", method))
                return;
            ServiceRequest request;
            try
            {
                request = BuildRequest(method);
            }
            catch (ArgumentException ex)
            {
                WriteError(ex is InvalidInputException input ? input.ErrorRecord : new ErrorRecord(ex, "InvalidRequestBody", ErrorCategory.InvalidArgument, Body));
                return;
            }
            Try(Path, () =>
            {
                var response = Run(ct => cloud.SendAsync(request, ct));
                WriteVerbose($"HTTP {response.StatusCode} in {(long)response.Elapsed.TotalMilliseconds} ms, request id {response.RequestId}");
                if (string.IsNullOrWhiteSpace(response.Body))
                    return;
                var contentType = response.Header("Content-Type") ?? "";
                if (contentType.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0 || response.Body.TrimStart().StartsWith("{") || response.Body.TrimStart().StartsWith("["))
                    WriteObject(PSObjects.FromPlain(JsonPlain.ToPlain(response.Json())), enumerateCollection: false);
                else
                    WriteObject(response.Body);
            });
        }

        /// <summary>An absolute -Path carries the token wherever it points, so it must lie under an endpoint of the
        /// connection's catalog; false, with the error written, when it does not (nothing is sent).</summary>
        private bool IsUnderCatalog(CloudConnection cloud, string method)
        {
            var path = Path!;
            var absolute = path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
            bool? under = absolute ? (bool?)null : false;
            if (absolute)
                Try(path, () => under = Run(ct => cloud.IsUnderCatalogEndpointAsync(path, ct)));
            if (under == null)
                return false;
            if (under == false)
            {
                var ex = new UrlOutsideCatalogException(path, Service!, method,
                    $"-Path '{UrlScope.WithoutUserInfo(path)}' is not under any endpoint of cloud '{cloud.Name}' (same scheme, host, port and path prefix), " +
                    "so it was refused: the request would carry the connection's token there. Nothing was sent.");
                var record = new ErrorRecord(ex, ex.ErrorId, ErrorCategory.InvalidArgument, path)
                {
                    ErrorDetails = new ErrorDetails(ex.Message)
                    {
                        RecommendedAction = "Give -Path relative to the service's endpoint (e.g. /servers/detail), or a URL under an endpoint of the catalog (Get-OSEndpoint).",
                    },
                };
                WriteError(record);
            }
            return under == true;
        }

        private ServiceRequest BuildRequest(string method)
        {
            var request = new ServiceRequest(new HttpMethod(method), Service!, Path!) { Microversion = Microversion };
            if (Query != null)
                foreach (DictionaryEntry q in Query)
                    request.Query[q.Key.ToString()!] = LanguagePrimitives.ConvertTo<string>(q.Value);
            if (Headers != null)
                foreach (DictionaryEntry h in Headers)
                    request.Headers[h.Key.ToString()!] = LanguagePrimitives.ConvertTo<string>(h.Value);
            if (Body != null)
                request.JsonBody = PSObjects.ToJson(Body);
            return request;
        }
    }
}
