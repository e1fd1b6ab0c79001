using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>An SSH key generated on this machine: the OpenSSH public key line and the PEM (PKCS#1) private key.</summary>
    public sealed class SshKey
    {
        internal SshKey(string publicKey, string privateKey)
        {
            PublicKey = publicKey;
            PrivateKey = privateKey;
        }

        public string PublicKey { get; }
        public string PrivateKey { get; }
    }

    /// <summary>Generates RSA 4096 keys (netstandard2.0 has no ed25519) in the formats ssh and Nova read. The encoders
    /// are written here because ExportRSAPrivateKey is not in netstandard2.0.</summary>
    public static class SshKeyGenerator
    {
        public const int KeySize = 4096;

        public static SshKey GenerateRsa(string comment)
        {
            using (var rsa = CreateRsa())
            {
                var key = rsa.ExportParameters(includePrivateParameters: true);
                return new SshKey(OpenSshPublicKey(key, comment), PemPrivateKey(key));
            }
        }

        private static RSA CreateRsa()
        {
            var rsa = RSA.Create();
            rsa.KeySize = KeySize;
            if (rsa.KeySize == KeySize)
                return rsa;
            // .NET Framework's RSACryptoServiceProvider ignores the KeySize setter: the size goes to its constructor.
            rsa.Dispose();
            return new RSACryptoServiceProvider(KeySize);
        }

        /// <summary>"ssh-rsa AAAA... comment": the RFC 4253 blob (string "ssh-rsa", mpint e, mpint n) in base64.</summary>
        internal static string OpenSshPublicKey(RSAParameters key, string comment)
        {
            using (var blob = new MemoryStream())
            {
                WriteSshString(blob, Encoding.ASCII.GetBytes("ssh-rsa"));
                WriteSshString(blob, Integer(key.Exponent!));
                WriteSshString(blob, Integer(key.Modulus!));
                var line = "ssh-rsa " + Convert.ToBase64String(blob.ToArray());
                return string.IsNullOrEmpty(comment) ? line : line + " " + comment;
            }
        }

        /// <summary>"-----BEGIN RSA PRIVATE KEY-----": the DER RSAPrivateKey of RFC 8017 A.1.2 in base64 lines of 64.</summary>
        internal static string PemPrivateKey(RSAParameters key)
        {
            var fields = new[] { new byte[] { 0 }, key.Modulus!, key.Exponent!, key.D!, key.P!, key.Q!, key.DP!, key.DQ!, key.InverseQ! };
            using (var body = new MemoryStream())
            {
                foreach (var field in fields)
                    WriteDer(body, 0x02, Integer(field));
                using (var sequence = new MemoryStream())
                {
                    WriteDer(sequence, 0x30, body.ToArray());
                    var base64 = Convert.ToBase64String(sequence.ToArray());
                    var pem = new StringBuilder("-----BEGIN RSA PRIVATE KEY-----\n");
                    for (var i = 0; i < base64.Length; i += 64)
                        pem.Append(base64, i, Math.Min(64, base64.Length - i)).Append('\n');
                    return pem.Append("-----END RSA PRIVATE KEY-----\n").ToString();
                }
            }
        }

        /// <summary>An unsigned big-endian number as a minimal two's complement integer (SSH mpint and DER INTEGER agree).</summary>
        private static byte[] Integer(byte[] unsigned)
        {
            var start = 0;
            while (start < unsigned.Length - 1 && unsigned[start] == 0)
                start++;
            var pad = (unsigned[start] & 0x80) != 0 ? 1 : 0;
            var result = new byte[unsigned.Length - start + pad];
            Buffer.BlockCopy(unsigned, start, result, pad, unsigned.Length - start);
            return result;
        }

        private static void WriteSshString(Stream stream, byte[] value)
        {
            var length = value.Length;
            stream.WriteByte((byte)(length >> 24));
            stream.WriteByte((byte)(length >> 16));
            stream.WriteByte((byte)(length >> 8));
            stream.WriteByte((byte)length);
            stream.Write(value, 0, value.Length);
        }

        private static void WriteDer(Stream stream, byte tag, byte[] content)
        {
            stream.WriteByte(tag);
            var length = content.Length;
            if (length < 0x80)
                stream.WriteByte((byte)length);
            else if (length <= 0xFF)
            {
                stream.WriteByte(0x81);
                stream.WriteByte((byte)length);
            }
            else
            {
                stream.WriteByte(0x82);
                stream.WriteByte((byte)(length >> 8));
                stream.WriteByte((byte)length);
            }
            stream.Write(content, 0, content.Length);
        }
    }
}
