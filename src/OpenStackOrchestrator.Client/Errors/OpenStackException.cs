using System.Collections.Generic;
using System;

namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>Base of every failure the client reports. Carries what an operator needs to trace a failure:
    /// the service, the HTTP status, the OpenStack message and the request id.</summary>
    /// Abstract: every failure is a subclass with its own ErrorId (no generic id a script cannot tell apart).
    public abstract class OpenStackException : Exception
    {
        protected OpenStackException(string message, Exception? inner = null) : base(message, inner) { }

        public string? Service { get; internal set; }
        public string? Method { get; internal set; }
        public string? Url { get; internal set; }
        public int? StatusCode { get; internal set; }
        public string? RequestId { get; internal set; }
        /// <summary>The message the OpenStack service returned, when there was one.</summary>
        public string? ServiceMessage { get; internal set; }
        /// <summary>How many times the request was sent: more than 1 when it was retried.</summary>
        public int Attempts { get; internal set; } = 1;
        /// <summary>How the retries went, when there were any or one was refused, e.g. "9 attempts in 6.2 s; the
        /// retry limit (RetryCount 8)". Part of <see cref="Message"/>.</summary>
        public string? RetrySummary { get; internal set; }

        public override string Message => RetrySummary == null ? base.Message : $"{base.Message} ({RetrySummary})";

        /// <summary>A stable identifier used as the ErrorRecord id.</summary>
        public abstract string ErrorId { get; }
    }

    /// <summary>Keystone rejected the credentials (wrong password, unknown user or project, expired token).</summary>
    public sealed class AuthenticationFailedException : OpenStackException
    {
        public AuthenticationFailedException(string message, Exception? inner = null) : base(message, inner) { }
        public override string ErrorId => "AuthenticationFailed";
    }

    /// <summary>The credentials are valid but not allowed to do this (HTTP 403).</summary>
    public sealed class PermissionDeniedException : OpenStackException
    {
        public PermissionDeniedException(string message) : base(message) { }
        public override string ErrorId => "PermissionDenied";
        /// <summary>The role the service's default policy asks for, when the module knows it (admin-only APIs).</summary>
        public string? RequiredRole { get; internal set; }
        /// <summary>The roles the token had on its project when the service refused.</summary>
        public IReadOnlyList<string> Roles { get; internal set; } = Array.Empty<string>();
    }

    /// <summary>HTTP 404: the resource or path does not exist.</summary>
    public sealed class ResourceNotFoundException : OpenStackException
    {
        public ResourceNotFoundException(string message) : base(message) { }

        /// <summary>A 404 for something asked for by name (a container, an object): worded and identified as a
        /// <see cref="NameNotFoundException"/>, so that every "not found" reads the same; the 404's details are kept.</summary>
        public ResourceNotFoundException(string kind, string name, OpenStackException? cause = null)
            : base($"No {kind} named '{name}' was found.", cause)
        {
            Kind = kind;
            Name = name;
            if (cause == null)
                return;
            Service = cause.Service;
            Method = cause.Method;
            Url = cause.Url;
            StatusCode = cause.StatusCode;
            RequestId = cause.RequestId;
            ServiceMessage = cause.ServiceMessage;
        }

        /// <summary>What was asked for by name, when it was (see the constructor above).</summary>
        public string? Kind { get; }
        public string? Name { get; }

        public override string ErrorId => Kind != null ? "NameNotFound" : "ResourceNotFound";
    }

    /// <summary>HTTP 400: the service rejected the request as invalid.</summary>
    public sealed class BadRequestException : OpenStackException
    {
        public BadRequestException(string message) : base(message) { }
        public override string ErrorId => "BadRequest";
    }

    /// <summary>HTTP 409: the resource is in a state that does not allow the operation.</summary>
    public sealed class ConflictException : OpenStackException
    {
        public ConflictException(string message) : base(message) { }
        public override string ErrorId => "Conflict";
    }

    /// <summary>HTTP 413/429 or a quota error: a limit was reached.</summary>
    public sealed class OverLimitException : OpenStackException
    {
        public OverLimitException(string message) : base(message) { }
        public override string ErrorId => "OverLimit";
    }

    /// <summary>HTTP 502, 503 or 504 after the retries were used up: the service (or the proxy before it) is not available.</summary>
    public sealed class ServiceUnavailableException : OpenStackException
    {
        public ServiceUnavailableException(string message) : base(message) { }
        public override string ErrorId => "ServiceUnavailable";
    }

    /// <summary>The service could not be reached at all (refused, reset, DNS, TLS).</summary>
    public sealed class ServiceUnreachableException : OpenStackException
    {
        public ServiceUnreachableException(string message, Exception? inner) : base(message, inner) { }
        public override string ErrorId => "ServiceUnreachable";
        /// <summary>Why the server's TLS certificate was refused ("it expired on ...", "it is self-signed"...), when that was the failure.</summary>
        public string? CertificateProblem { get; internal set; }
    }

    /// <summary>The request did not complete within the configured timeout.</summary>
    public sealed class RequestTimeoutException : OpenStackException
    {
        public RequestTimeoutException(string message, Exception? inner) : base(message, inner) { }
        public override string ErrorId => "RequestTimeout";
    }

    /// <summary>The service answered with something that is not the expected document (truncated or malformed body).</summary>
    public sealed class InvalidResponseException : OpenStackException
    {
        public InvalidResponseException(string message, Exception? inner = null) : base(message, inner) { }
        public override string ErrorId => "InvalidResponse";
    }

    /// <summary>The catalog has no endpoint for the service type in the selected region and interface.</summary>
    public sealed class EndpointNotFoundException : OpenStackException
    {
        public EndpointNotFoundException(string message) : base(message) { }
        public override string ErrorId => "EndpointNotFound";
    }

    /// <summary>The operation needs a newer API microversion than the cloud offers.</summary>
    public sealed class MicroversionNotSupportedException : OpenStackException
    {
        public MicroversionNotSupportedException(string message) : base(message) { }
        public override string ErrorId => "MicroversionNotSupported";
    }

    /// <summary>clouds.yaml, secure.yaml or the OS_* variables do not describe a usable cloud.</summary>
    public sealed class CloudConfigurationException : OpenStackException
    {
        public CloudConfigurationException(string message, Exception? inner = null) : base(message, inner) { }
        public override string ErrorId => "CloudConfigurationInvalid";
    }
}

namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>The connection was closed (Disconnect-OSCloud) or never opened.</summary>
    public sealed class NotConnectedException : OpenStackException
    {
        public NotConnectedException(string message) : base(message) { }
        public override string ErrorId => "NotConnected";
    }
}
