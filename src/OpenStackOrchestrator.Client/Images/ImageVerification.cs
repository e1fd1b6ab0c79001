using System;
using System.Globalization;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.Images
{
    /// <summary>Compares the bytes a transfer moved with what Glance recorded: size, MD5 ("checksum") and the
    /// os_hash_algo/os_hash_value pair when the transfer computed that algorithm.</summary>
    internal static class ImageVerification
    {
        public static void Verify(Image image, StreamChecksums moved, string operation)
        {
            if (image.SizeBytes.HasValue && image.SizeBytes.Value != moved.Bytes)
                throw new ChecksumMismatchException(image.Id, operation, "size",
                    image.SizeBytes.Value.ToString(CultureInfo.InvariantCulture), moved.Bytes.ToString(CultureInfo.InvariantCulture));
            var compared = false;
            if (!string.IsNullOrEmpty(image.Checksum))
            {
                if (!string.Equals(image.Checksum, moved.Md5, StringComparison.OrdinalIgnoreCase))
                    throw new ChecksumMismatchException(image.Id, operation, "md5", image.Checksum!, moved.Md5);
                compared = true;
            }
            if (!string.IsNullOrEmpty(image.HashValue) && moved.HashValue != null &&
                string.Equals(image.HashAlgorithm, moved.HashAlgorithm, StringComparison.OrdinalIgnoreCase))
            {
                if (!string.Equals(image.HashValue, moved.HashValue, StringComparison.OrdinalIgnoreCase))
                    throw new ChecksumMismatchException(image.Id, operation, moved.HashAlgorithm!, image.HashValue!, moved.HashValue);
                compared = true;
            }
            if (!compared)
                RequestTrace.Write($"Image {image.Id}: Glance recorded no checksum this client can compute (os_hash_algo {image.HashAlgorithm ?? "none"}); the {operation} is not verified.");
        }
    }
}
