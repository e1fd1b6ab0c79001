using System;
using System.Collections.Generic;

namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>A create's POST was sent but its answer was lost (connection reset, truncated body, no answer in time),
    /// so the service may have created the resource. The module looked for it by name afterwards: <see cref="FoundIds"/>
    /// holds what it found (empty: nothing was created), or is null when it could not look.</summary>
    public sealed class CreateOutcomeUnknownException : OpenStackException
    {
        public CreateOutcomeUnknownException(string message, string kind, string? name, IReadOnlyList<string>? foundIds, OpenStackException cause)
            : base(message, cause)
        {
            Kind = kind;
            Name = name;
            FoundIds = foundIds;
            Cause = cause;
            Service = cause.Service;
            Method = cause.Method;
            Url = cause.Url;
            StatusCode = cause.StatusCode;
            RequestId = cause.RequestId;
            ServiceMessage = cause.ServiceMessage;
        }

        /// <summary>What was being created ("network", "server"...).</summary>
        public string Kind { get; }
        /// <summary>The name it was created with (null for resources without a name).</summary>
        public string? Name { get; }
        /// <summary>The ids of the resources of that kind and name found after the failure; empty when none exists;
        /// null when the module could not look (no name, or the lookup failed too).</summary>
        public IReadOnlyList<string>? FoundIds { get; }
        /// <summary>The failure of the POST itself.</summary>
        public OpenStackException Cause { get; }
        /// <summary>True when the lookup found the resource: it was created, and retrying would create another.</summary>
        public bool Created => FoundIds != null && FoundIds.Count > 0;

        public override string ErrorId => "CreateOutcomeUnknown";
    }
}
