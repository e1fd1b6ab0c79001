using System;
using System.Management.Automation;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>A parameter value the module refuses before any request: it carries its own ErrorRecord (a stable id,
    /// InvalidArgument, the offending value as target), so that PowerShell reports it as such wherever it is thrown,
    /// and the message names the parameter.</summary>
    public sealed class InvalidInputException : ArgumentException, IContainsErrorRecord
    {
        private ErrorRecord? _record;

        public InvalidInputException(string errorId, string parameter, object? target, string message, Exception? inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Parameter = parameter;
            Target = target;
        }

        public string ErrorId { get; }
        /// <summary>The parameter's name, without the dash.</summary>
        public string Parameter { get; }
        public object? Target { get; }

        public ErrorRecord ErrorRecord => _record ??= new ErrorRecord(this, ErrorId, ErrorCategory.InvalidArgument, Target);
    }
}
