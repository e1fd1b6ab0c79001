namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>The bytes a transfer moved do not hash to what Glance recorded for the image (its "checksum" MD5 or
    /// its os_hash_value), or their count differs from the image size: the data was corrupted on the way or at rest.</summary>
    public sealed class ChecksumMismatchException : OpenStackException
    {
        public ChecksumMismatchException(string imageId, string operation, string algorithm, string expected, string actual, string? addendum = null)
            : base($"The {operation} of image {imageId} does not verify: {algorithm} is {actual}, Glance recorded {expected}." + (addendum == null ? "" : " " + addendum))
        {
            ImageId = imageId;
            Operation = operation;
            Algorithm = algorithm;
            Expected = expected;
            Actual = actual;
            Service = "image";
        }

        /// <summary>For data that is not an image (a Swift object): <paramref name="subject"/> ("container/object") is
        /// kept in <see cref="ImageId"/>, and the message is the caller's.</summary>
        public ChecksumMismatchException(string message, string subject, string service, string operation, string algorithm, string expected, string actual)
            : base(message)
        {
            ImageId = subject;
            Operation = operation;
            Algorithm = algorithm;
            Expected = expected;
            Actual = actual;
            Service = service;
        }

        public string ImageId { get; }
        /// <summary>"upload" or "download".</summary>
        public string Operation { get; }
        /// <summary>"md5", "sha512"... or "size".</summary>
        public string Algorithm { get; }
        public string Expected { get; }
        public string Actual { get; }
        public override string ErrorId => "ChecksumMismatch";
    }
}
