using System;

namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>An export cannot be written where it was asked to go: the folder cannot be created or written, or the
    /// package is already there (and may not be overwritten). Raised before anything changes in the cloud.</summary>
    public sealed class DestinationNotWritableException : OpenStackException
    {
        public DestinationNotWritableException(string path, string message, Exception? inner, bool exists = false) : base(message, inner)
        {
            Path = path;
            Exists = exists;
        }

        public string Path { get; }
        /// <summary>True when the target exists already (-Force overwrites it).</summary>
        public bool Exists { get; }
        public override string ErrorId => Exists ? "DestinationExists" : "DestinationNotWritable";
    }
}
