using System;

namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>HTTP 500 (or another 5xx that is not a gateway or availability status): the service failed while
    /// handling the request. Its own message says why; retrying seldom helps, unlike 502/503/504.</summary>
    public sealed class ServiceErrorException : OpenStackException
    {
        public ServiceErrorException(string message) : base(message) { }
        public override string ErrorId => "ServiceError";
    }

    /// <summary>A 4xx status with no meaning of its own here (405, 406, 415, 422...): the service refused the request as made.</summary>
    public sealed class RequestRejectedException : OpenStackException
    {
        public RequestRejectedException(string message) : base(message) { }
        public override string ErrorId => "RequestRejected";
    }

    /// <summary>Objects that Swift did not delete (a bulk delete's per-object report, a large object's segments, the
    /// objects of a container removed with -Recurse, which is then kept).</summary>
    public sealed class ObjectNotDeletedException : OpenStackException
    {
        public ObjectNotDeletedException(string message) : base(message) { Service = "object-store"; }
        public override string ErrorId => "ObjectNotDeleted";
    }

    /// <summary>A stack output that Heat could not compute (its error says why).</summary>
    public sealed class StackOutputFailedException : OpenStackException
    {
        public StackOutputFailedException(string message) : base(message) { Service = "orchestration"; }
        public override string ErrorId => "StackOutputFailed";
    }

    /// <summary>A port went into ERROR while it was being attached.</summary>
    public sealed class PortFailedException : OpenStackException
    {
        public PortFailedException(string message) : base(message) { Service = "network"; }
        public override string ErrorId => "PortFailed";
    }

    /// <summary>A background task (-RunAsync) failed without a more specific client error.</summary>
    public sealed class TaskFailedException : OpenStackException
    {
        public TaskFailedException(string message) : base(message) { }
        public override string ErrorId => "TaskFailed";
    }
}
