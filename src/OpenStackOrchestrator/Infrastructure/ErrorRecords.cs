using System;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>Turns client exceptions into ErrorRecords with a stable id, a category, the target, and the
    /// OpenStack message and request id in the details.</summary>
    public static class ErrorRecords
    {
        public static ErrorRecord From(Exception exception, object? target)
        {
            if (exception is OpenStackException os)
            {
                // The server it is about, not the text the user typed: a script reads its state from the error.
                if (os is ServerAlreadyInStateException already)
                    target = already.Server;
                var record = new ErrorRecord(os, os.ErrorId, CategoryOf(os), target);
                record.ErrorDetails = new ErrorDetails(os.Message) { RecommendedAction = RecommendedAction(os) };
                return record;
            }
            if (exception is InvalidInputException input)
                return input.ErrorRecord;
            return new ErrorRecord(exception, "UnexpectedError", ErrorCategory.NotSpecified, target);
        }

        public static ErrorRecord NotFound(string kind, string name, object? target = null) =>
            From(new NameNotFoundException(kind, name), target ?? name);

        public static ErrorCategory CategoryOf(OpenStackException ex)
        {
            switch (ex)
            {
                case AuthenticationFailedException _: return ErrorCategory.AuthenticationError;
                case PermissionDeniedException _: return ErrorCategory.PermissionDenied;
                case ResourceNotFoundException _: return ErrorCategory.ObjectNotFound;
                case NameNotFoundException _: return ErrorCategory.ObjectNotFound;
                case NoFittingFlavorException _: return ErrorCategory.ObjectNotFound;
                case AmbiguousNameException _: return ErrorCategory.InvalidArgument;
                case BadRequestException _: return ErrorCategory.InvalidArgument;
                case ConflictException _: return ErrorCategory.ResourceBusy;
                case VolumeInUseException _: return ErrorCategory.ResourceBusy;
                case ContainerNotEmptyException _: return ErrorCategory.ResourceBusy;
                case AggregateNotEmptyException _: return ErrorCategory.ResourceBusy;
                case TempUrlKeyMissingException _: return ErrorCategory.InvalidOperation;
                case ServerAlreadyInStateException _: return ErrorCategory.InvalidOperation;
                case ServerLockedException _: return ErrorCategory.InvalidOperation;
                case OverLimitException _: return ErrorCategory.QuotaExceeded;
                case ServiceUnavailableException _: return ErrorCategory.ResourceUnavailable;
                case ServiceUnreachableException _: return ErrorCategory.ConnectionError;
                case RequestTimeoutException _: return ErrorCategory.OperationTimeout;
                case InvalidResponseException _: return ErrorCategory.InvalidResult;
                case ChecksumMismatchException _: return ErrorCategory.InvalidResult;
                case ImageFailedException _: return ErrorCategory.InvalidResult;
                case ImportMethodNotOfferedException _: return ErrorCategory.NotImplemented;
                case ServerFaultException _: return ErrorCategory.InvalidResult;
                case ServerNotMovedException _: return ErrorCategory.InvalidResult;
                case StackFailedException _: return ErrorCategory.InvalidResult;
                case InvalidTemplateException _: return ErrorCategory.InvalidData;
                case InvalidOvfException _: return ErrorCategory.InvalidData;
                case UnmappedNetworkException _: return ErrorCategory.InvalidArgument;
                case DestinationNotWritableException d: return d.Exists ? ErrorCategory.ResourceExists : ErrorCategory.WriteError;
                case VAppImportFailedException failed: return failed.Cause is OpenStackException cause ? CategoryOf(cause) : ErrorCategory.InvalidResult;
                case EndpointNotFoundException _: return ErrorCategory.ResourceUnavailable;
                case MicroversionNotSupportedException _: return ErrorCategory.NotImplemented;
                case CloudConfigurationException _: return ErrorCategory.InvalidArgument;
                case InvalidNameException _: return ErrorCategory.InvalidArgument;
                case NotConnectedException _: return ErrorCategory.ConnectionError;
                case MetricNotFoundException _: return ErrorCategory.ObjectNotFound;
                case Client.Database.DatabaseInstanceNotReadyException _: return ErrorCategory.ResourceUnavailable;
                case Client.Database.DatabaseInstanceTimeoutException _: return ErrorCategory.OperationTimeout;
                case Client.Database.DatabaseInstanceFailedException _: return ErrorCategory.InvalidResult;
                case UrlOutsideCatalogException _: return ErrorCategory.SecurityError;
                case RedirectNotFollowedException _: return ErrorCategory.SecurityError;
                case InvalidSwiftNameException _: return ErrorCategory.InvalidArgument;
                case ServiceErrorException _: return ErrorCategory.InvalidResult;
                case RequestRejectedException _: return ErrorCategory.InvalidOperation;
                case ObjectNotDeletedException _: return ErrorCategory.WriteError;
                case StackOutputFailedException _: return ErrorCategory.InvalidResult;
                case PortFailedException _: return ErrorCategory.InvalidResult;
                case TaskFailedException _: return ErrorCategory.InvalidResult;
                case VolumeFailedException _: return ErrorCategory.InvalidResult;
                case SavedCloudExistsException _: return ErrorCategory.ResourceExists;
                case InvalidCACertificateException _: return ErrorCategory.InvalidArgument;
                case TruncatedResponseException _: return ErrorCategory.InvalidResult;
                case CreateOutcomeUnknownException unknown:
                    return unknown.Created ? ErrorCategory.ResourceExists : unknown.Cause is OpenStackException lost ? CategoryOf(lost) : ErrorCategory.ConnectionError;
                default: return ErrorCategory.NotSpecified;
            }
        }

        private static string? RecommendedAction(OpenStackException ex)
        {
            switch (ex)
            {
                case AuthenticationFailedException _: return "Check the user name, password, project and domains, then run Connect-OSCloud again.";
                case NotConnectedException _: return "Run Connect-OSCloud.";
                case ServiceUnreachableException _: return "Check the URL and that the service is running and reachable.";
                case RequestTimeoutException _: return "Retry, or raise the timeout (api_timeout in clouds.yaml, -TimeoutSec on Connect-OSCloud).";
                case AmbiguousNameException _: return "Use the id, or a name that matches one object.";
                case VolumeInUseException _: return "Detach the volume with Remove-OSVolumeAttachment, or run Remove-OSVolume -Force to detach it and delete it.";
                case ContainerNotEmptyException _: return "Remove the container's objects first, or run Remove-OSContainer -Recurse to remove them with it.";
                case AggregateNotEmptyException _: return "Remove the hosts with Remove-OSAggregateHost, or run Remove-OSAggregate -Force to remove them and delete it.";
                case TempUrlKeyMissingException _: return "Set a key with Set-OSContainer -TempUrlKey, or give one with -TempUrlKey.";
                case CreateOutcomeUnknownException unknown: return unknown.Created ? "Check the resource that was created, and use or remove it, instead of creating it again."
                    : unknown.FoundIds != null ? "Retry: nothing was created." : "Check whether it was created before retrying.";
                case TruncatedResponseException _: return "Retry; if it happens again, give the request id to the cloud's operators.";
                default: return null;
            }
        }
    }
}
