using System;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace OpenStackOrchestrator.Client.ObjectStorage
{
    /// <summary>Swift's tempurl signature: HMAC-SHA256, keyed with the account's or container's Temp-URL-Key, of
    /// "METHOD\nEXPIRES\nPATH", where PATH is the unescaped path (/v1/AUTH_x/container/object) as Swift sees it.</summary>
    public static class TempUrlSigner
    {
        public static string Sign(string method, long expires, string path, string key)
        {
            using (var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(key)))
            {
                var body = method.ToUpperInvariant() + "\n" + expires.ToString(CultureInfo.InvariantCulture) + "\n" + path;
                return string.Concat(hmac.ComputeHash(Encoding.UTF8.GetBytes(body)).Select(b => b.ToString("x2")));
            }
        }

        /// <summary>The full URL for an object URL (as the client addresses it: escaped path).</summary>
        public static string Url(string objectUrl, string method, DateTimeOffset expires, string key)
        {
            // The path as written, not System.Uri's: Uri would resolve an object's "%2E%2E" part and sign another
            // container's object.
            var authority = objectUrl.IndexOf("://", StringComparison.Ordinal);
            var pathStart = authority < 0 ? -1 : objectUrl.IndexOf('/', authority + 3);
            if (pathStart < 0 || objectUrl.IndexOfAny(new[] { '?', '#' }) >= 0)
                throw new ArgumentException($"'{objectUrl}' is not an object URL.", nameof(objectUrl));
            var seconds = expires.ToUnixTimeSeconds();
            var signature = Sign(method, seconds, Uri.UnescapeDataString(objectUrl.Substring(pathStart)), key);
            return objectUrl + "?temp_url_sig=" + signature + "&temp_url_expires=" + seconds.ToString(CultureInfo.InvariantCulture);
        }
    }
}
