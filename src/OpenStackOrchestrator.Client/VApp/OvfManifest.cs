using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.VApp
{
    /// <summary>One line of a manifest: "SHA256(app01-disk1.vmdk)= 3f2a...".</summary>
    public sealed class OvfManifestEntry
    {
        public OvfManifestEntry(string algorithm, string fileName, string digest)
        {
            Algorithm = OvfManifest.NormalizeAlgorithm(algorithm);
            FileName = fileName;
            Digest = digest.ToLowerInvariant();
        }

        /// <summary>"SHA1", "SHA256" or "SHA512".</summary>
        public string Algorithm { get; }
        public string FileName { get; }
        /// <summary>Lower-case hex.</summary>
        public string Digest { get; }

        public override string ToString() => $"{Algorithm}({FileName})= {Digest}";
    }

    /// <summary>The .mf of an OVF package: a digest of each file. Read, written, and checked while the data streams
    /// (<see cref="Verify(string, Stream)"/>, <see cref="OpenVerifying"/>).</summary>
    public sealed class OvfManifest
    {
        private static readonly Regex Line = new Regex(@"^\s*(?<alg>SHA1|SHA256|SHA512)\s*\((?<file>.+)\)\s*=\s*(?<digest>[0-9A-Fa-f]+)\s*$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        public OvfManifest(IEnumerable<OvfManifestEntry> entries)
        {
            Entries = entries.ToList();
        }

        public IReadOnlyList<OvfManifestEntry> Entries { get; }

        public OvfManifestEntry? Find(string fileName) =>
            Entries.FirstOrDefault(e => string.Equals(e.FileName, fileName, StringComparison.Ordinal))
            ?? Entries.FirstOrDefault(e => string.Equals(e.FileName, fileName, StringComparison.OrdinalIgnoreCase));

        public static OvfManifest Parse(string text, string? manifestName = null)
        {
            var entries = new List<OvfManifestEntry>();
            var number = 0;
            foreach (var raw in text.Split('\n'))
            {
                number++;
                var line = raw.TrimEnd('\r');
                if (line.Trim().Length == 0)
                    continue;
                var m = Line.Match(line);
                if (!m.Success)
                    throw new InvalidOvfException(OvfProblem.DigestMismatch,
                        $"Line {number} of manifest {(manifestName == null ? "" : "'" + manifestName + "' ")}is not 'SHA256(file)= digest': '{Truncate(line)}'.", manifestName);
                var entry = new OvfManifestEntry(m.Groups["alg"].Value, m.Groups["file"].Value, m.Groups["digest"].Value);
                if (entry.Digest.Length != DigestLength(entry.Algorithm))
                    throw new InvalidOvfException(OvfProblem.DigestMismatch,
                        $"Line {number} of manifest {(manifestName == null ? "" : "'" + manifestName + "' ")}has a {entry.Algorithm} digest of {entry.Digest.Length} hex digits, not {DigestLength(entry.Algorithm)}.", manifestName);
                entries.Add(entry);
            }
            return new OvfManifest(entries);
        }

        public static OvfManifest Read(Stream stream, string? manifestName = null)
        {
            using var reader = new StreamReader(stream, Encoding.UTF8, true, 4096, leaveOpen: true);
            return Parse(reader.ReadToEnd(), manifestName);
        }

        /// <summary>The text of the .mf: one "ALG(file)= digest" line each, '\n' ended, as ovftool writes it.</summary>
        public string ToText()
        {
            var sb = new StringBuilder();
            foreach (var entry in Entries)
                sb.Append(entry.ToString()).Append('\n');
            return sb.ToString();
        }

        public void Write(Stream stream)
        {
            var bytes = new UTF8Encoding(false).GetBytes(ToText());
            stream.Write(bytes, 0, bytes.Length);
        }

        /// <summary>The digest of a whole stream, as an entry.</summary>
        public static OvfManifestEntry Compute(string algorithm, string fileName, Stream content)
        {
            using var hash = CreateHash(algorithm);
            var digest = hash.ComputeHash(content);
            return new OvfManifestEntry(algorithm, fileName, ToHex(digest));
        }

        /// <summary>Reads <paramref name="content"/> to its end and throws <see cref="InvalidOvfException"/>
        /// (DigestMismatch) when it does not hash to the manifest's digest. A file the manifest does not list passes.</summary>
        public void Verify(string fileName, Stream content)
        {
            using var verifying = OpenVerifying(fileName, content, leaveOpen: true);
            var buffer = new byte[81920];
            while (verifying.Read(buffer, 0, buffer.Length) > 0)
            {
            }
        }

        /// <summary>A stream that passes <paramref name="content"/> through and, on reaching its end, throws
        /// <see cref="InvalidOvfException"/> (DigestMismatch) if the bytes read do not match.</summary>
        public Stream OpenVerifying(string fileName, Stream content, bool leaveOpen = false)
        {
            var entry = Find(fileName);
            return entry == null ? content : new DigestVerifyingStream(content, entry, leaveOpen);
        }

        internal static string NormalizeAlgorithm(string algorithm)
        {
            switch (algorithm.Trim().ToUpperInvariant())
            {
                case "SHA1": return "SHA1";
                case "SHA256": return "SHA256";
                case "SHA512": return "SHA512";
                default: throw new InvalidOvfException(OvfProblem.Unsupported, $"Manifest digest algorithm '{algorithm}' is not SHA1, SHA256 or SHA512.");
            }
        }

        internal static HashAlgorithm CreateHash(string algorithm)
        {
            switch (NormalizeAlgorithm(algorithm))
            {
                case "SHA1": return SHA1.Create();
                case "SHA512": return SHA512.Create();
                default: return SHA256.Create();
            }
        }

        private static int DigestLength(string algorithm) => algorithm == "SHA1" ? 40 : algorithm == "SHA512" ? 128 : 64;

        internal static string ToHex(byte[] digest)
        {
            var sb = new StringBuilder(digest.Length * 2);
            foreach (var b in digest)
                sb.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            return sb.ToString();
        }

        private static string Truncate(string line) => line.Length > 80 ? line.Substring(0, 80) + "..." : line;
    }

    /// <summary>Hashes what is read through it; at the end of the data compares with the manifest entry.</summary>
    internal sealed class DigestVerifyingStream : ReadOnlyForwardStream
    {
        private readonly Stream _inner;
        private readonly OvfManifestEntry _entry;
        private readonly bool _leaveOpen;
        private readonly HashAlgorithm _hash;
        private bool _checked;

        public DigestVerifyingStream(Stream inner, OvfManifestEntry entry, bool leaveOpen)
        {
            _inner = inner;
            _entry = entry;
            _leaveOpen = leaveOpen;
            _hash = OvfManifest.CreateHash(entry.Algorithm);
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = _inner.Read(buffer, offset, count);
            if (read > 0)
                _hash.TransformBlock(buffer, offset, read, null, 0);
            else if (count > 0)
                Check();
            return read;
        }

        public override System.Threading.Tasks.Task<int> ReadAsync(byte[] buffer, int offset, int count, System.Threading.CancellationToken cancellationToken) =>
            ReadAsyncCore(buffer, offset, count, cancellationToken);

        private async System.Threading.Tasks.Task<int> ReadAsyncCore(byte[] buffer, int offset, int count, System.Threading.CancellationToken ct)
        {
            var read = await _inner.ReadAsync(buffer, offset, count, ct).ConfigureAwait(false);
            if (read > 0)
                _hash.TransformBlock(buffer, offset, read, null, 0);
            else if (count > 0)
                Check();
            return read;
        }

        private void Check()
        {
            if (_checked)
                return;
            _checked = true;
            _hash.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
            var actual = OvfManifest.ToHex(_hash.Hash!);
            if (!string.Equals(actual, _entry.Digest, StringComparison.Ordinal))
                throw new InvalidOvfException(OvfProblem.DigestMismatch,
                    $"'{_entry.FileName}' does not match the manifest: its {_entry.Algorithm} is {actual}, the manifest says {_entry.Digest}. The file was changed or damaged after the export.",
                    _entry.FileName);
        }

        public override long Length => _inner.Length;
        protected override long ReadPosition => _inner.Position;

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
                if (!_leaveOpen)
                    _inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
