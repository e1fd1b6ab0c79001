using System;

namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>Why an OVF package cannot be imported (each is its own stable error id).</summary>
    public enum OvfProblem
    {
        /// <summary>The descriptor is not well-formed XML or not an OVF Envelope.</summary>
        Malformed,
        NoVirtualSystem,
        /// <summary>A VirtualSystemCollection with more than one VirtualSystem.</summary>
        SeveralVirtualSystems,
        NoCpu,
        NoMemory,
        /// <summary>A Disk refers to a file the References section does not list.</summary>
        DiskFileNotListed,
        /// <summary>A file the package needs is not in the folder or the archive.</summary>
        FileMissing,
        /// <summary>A file does not hash to what the manifest says, or the manifest is unreadable.</summary>
        DigestMismatch,
        /// <summary>Something the descriptor asks for that the importer cannot do (a unit it does not know...).</summary>
        Unsupported,
    }

    /// <summary>An OVF/OVA package is not importable as it is; found on this side, before anything was created.</summary>
    public sealed class InvalidOvfException : OpenStackException
    {
        public InvalidOvfException(OvfProblem problem, string message, string? file = null, Exception? inner = null) : base(message, inner)
        {
            Problem = problem;
            File = file;
        }

        public OvfProblem Problem { get; }
        /// <summary>The descriptor, manifest or disk file it is about.</summary>
        public string? File { get; }
        public override string ErrorId => "Ovf" + Problem;
    }

    /// <summary>An OVF network has no entry in -NetworkMapping (and no OpenStack network has its name).</summary>
    public sealed class UnmappedNetworkException : OpenStackException
    {
        public UnmappedNetworkException(string networkName, string message) : base(message)
        {
            NetworkName = networkName;
        }

        public string NetworkName { get; }
        public override string ErrorId => "OvfNetworkNotMapped";
    }
}

namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>An import failed part way; the message says what was removed (or kept). Its id and category are the
    /// cause's, so a script reads the same error as the failed step would give.</summary>
    public sealed class VAppImportFailedException : OpenStackException
    {
        public VAppImportFailedException(Exception cause, string message) : base(message, cause)
        {
            Cause = cause;
            if (cause is OpenStackException os)
            {
                Service = os.Service;
                Method = os.Method;
                Url = os.Url;
                StatusCode = os.StatusCode;
                RequestId = os.RequestId;
                ServiceMessage = os.ServiceMessage;
            }
        }

        public Exception Cause { get; }
        public override string ErrorId => Cause is OpenStackException os ? os.ErrorId : "VAppImportFailed";
    }
}
