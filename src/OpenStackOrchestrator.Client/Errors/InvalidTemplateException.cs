using System;

namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>A template or environment could not be read or parsed on this side, before anything was sent to
    /// Heat: a file it references is missing, it is not YAML or JSON, or it is not a template at all.</summary>
    public sealed class InvalidTemplateException : OpenStackException
    {
        public InvalidTemplateException(string message, string? file, Exception? inner = null) : base(message, inner)
        {
            File = file;
            Service = "orchestration";
        }

        /// <summary>The file (path or URL) the problem is about, when there is one.</summary>
        public string? File { get; }
        public override string ErrorId => "InvalidTemplate";
    }
}
