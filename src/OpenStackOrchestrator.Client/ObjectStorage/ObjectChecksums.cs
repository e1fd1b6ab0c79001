using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.ObjectStorage
{
    /// <summary>Swift's ETags: the MD5 of an object's bytes; for a static large object the MD5 of the
    /// concatenated (hex) MD5s of its segments.</summary>
    internal static class ObjectChecksums
    {
        public static string LargeObjectEtag(IEnumerable<string> segmentMd5s)
        {
            using (var md5 = MD5.Create())
            {
                var hash = md5.ComputeHash(Encoding.ASCII.GetBytes(string.Concat(segmentMd5s.Select(s => s.ToLowerInvariant()))));
                return string.Concat(hash.Select(b => b.ToString("x2")));
            }
        }

        public static ChecksumMismatchException Mismatch(string container, string name, string operation, string algorithm, string expected, string actual,
            string? addendum = null) =>
            new ChecksumMismatchException(
                $"The {operation} of object '{name}' in container '{container}' does not verify: {algorithm} is {actual}, Swift has {expected}." +
                (addendum == null ? "" : " " + addendum),
                container + "/" + name, "object-store", operation, algorithm, expected, actual);
    }
}
