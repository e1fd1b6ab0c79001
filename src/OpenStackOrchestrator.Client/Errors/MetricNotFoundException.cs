namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>Gnocchi has no such metric, metric resource or archive policy (or, for a resource, no metric of that
    /// name): the ErrorRecord id names which (MetricNotFound, MetricResourceNotFound, ArchivePolicyNotFound); the 404's
    /// service message is kept.</summary>
    public sealed class MetricNotFoundException : OpenStackException
    {
        public MetricNotFoundException(string kind, string what, string? detail = null, OpenStackException? cause = null)
            : base($"No {kind} '{what}' was found" + (string.IsNullOrEmpty(detail) ? "." : $": {detail}"), cause)
        {
            Kind = kind;
            What = what;
            if (cause == null)
                return;
            Service = cause.Service;
            Method = cause.Method;
            Url = cause.Url;
            StatusCode = cause.StatusCode;
            RequestId = cause.RequestId;
            ServiceMessage = cause.ServiceMessage;
        }

        /// <summary>"metric", "metric resource" or "archive policy".</summary>
        public string Kind { get; }
        /// <summary>The name or id asked for.</summary>
        public string What { get; }

        public override string ErrorId =>
            Kind == "metric resource" ? "MetricResourceNotFound" : Kind == "archive policy" ? "ArchivePolicyNotFound" : "MetricNotFound";
    }
}
