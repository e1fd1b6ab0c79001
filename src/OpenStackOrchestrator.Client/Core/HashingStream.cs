using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>A pass-through stream (read or write) that hashes the bytes going through it with MD5 (Glance's
    /// "checksum") and a second algorithm (Glance's os_hash_algo, SHA-512 by default) in the same pass.
    /// Seeking back to where it started resets the hashes, so a rewound upload is hashed once, not twice.</summary>
    public sealed class HashingStream : Stream
    {
        private readonly Stream _inner;
        private readonly bool _leaveOpen;
        private readonly long _start;
        private readonly HashAlgorithmName? _secondName;
        private IncrementalHash _md5;
        private IncrementalHash? _second;

        /// <param name="secondAlgorithm">Glance's name of the second hash ("sha512", "sha256", "sha384"); another name
        /// (or null) means no second hash.</param>
        public HashingStream(Stream inner, string? secondAlgorithm = "sha512", bool leaveOpen = true)
        {
            _inner = inner;
            _leaveOpen = leaveOpen;
            _start = inner.CanSeek ? inner.Position : 0;
            _secondName = AlgorithmNamed(secondAlgorithm);
            SecondAlgorithm = _secondName.HasValue ? secondAlgorithm!.ToLowerInvariant() : null;
            _md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            _second = _secondName.HasValue ? IncrementalHash.CreateHash(_secondName.Value) : null;
        }

        /// <summary>The second algorithm in Glance's spelling, or null when it is not one this stream can compute.</summary>
        public string? SecondAlgorithm { get; }

        public long BytesHashed { get; private set; }

        /// <summary>Finishes the hashes (call once, after the last byte).</summary>
        public StreamChecksums Complete() =>
            new StreamChecksums(BytesHashed, Hex(_md5.GetHashAndReset()), SecondAlgorithm, _second == null ? null : Hex(_second.GetHashAndReset()));

        internal static HashAlgorithmName? AlgorithmNamed(string? glanceName)
        {
            switch (glanceName?.ToLowerInvariant())
            {
                case "sha512": return HashAlgorithmName.SHA512;
                case "sha384": return HashAlgorithmName.SHA384;
                case "sha256": return HashAlgorithmName.SHA256;
                default: return null;
            }
        }

        private static string Hex(byte[] hash)
        {
            var chars = new char[hash.Length * 2];
            for (var i = 0; i < hash.Length; i++)
            {
                chars[2 * i] = "0123456789abcdef"[hash[i] >> 4];
                chars[2 * i + 1] = "0123456789abcdef"[hash[i] & 15];
            }
            return new string(chars);
        }

        private void Hash(byte[] buffer, int offset, int count)
        {
            if (count <= 0)
                return;
            _md5.AppendData(buffer, offset, count);
            _second?.AppendData(buffer, offset, count);
            BytesHashed += count;
        }

        public override bool CanRead => _inner.CanRead;
        public override bool CanSeek => _inner.CanSeek;
        public override bool CanWrite => _inner.CanWrite;
        public override long Length => _inner.Length;

        public override long Position
        {
            get => _inner.Position;
            set => Seek(value, SeekOrigin.Begin);
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = _inner.Read(buffer, offset, count);
            Hash(buffer, offset, read);
            return read;
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            var read = await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            Hash(buffer, offset, read);
            return read;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            _inner.Write(buffer, offset, count);
            Hash(buffer, offset, count);
        }

        public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            await _inner.WriteAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            Hash(buffer, offset, count);
        }

        /// <summary>Only back to the start (a retried upload): anything else would leave the hashes meaningless.</summary>
        public override long Seek(long offset, SeekOrigin origin)
        {
            var target = origin == SeekOrigin.Begin ? offset : origin == SeekOrigin.Current ? _inner.Position + offset : _inner.Length + offset;
            if (target != _start)
                throw new NotSupportedException("A hashing stream can only seek back to where it started.");
            _inner.Seek(_start, SeekOrigin.Begin);
            _md5.Dispose();
            _second?.Dispose();
            _md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            _second = _secondName.HasValue ? IncrementalHash.CreateHash(_secondName.Value) : null;
            BytesHashed = 0;
            return _start;
        }

        public override void Flush() => _inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _md5.Dispose();
                _second?.Dispose();
                if (!_leaveOpen)
                    _inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }

    /// <summary>What a <see cref="HashingStream"/> saw: byte count, MD5 and the second hash, in lowercase hex.</summary>
    public sealed class StreamChecksums
    {
        public StreamChecksums(long bytes, string md5, string? hashAlgorithm, string? hashValue)
        {
            Bytes = bytes;
            Md5 = md5;
            HashAlgorithm = hashAlgorithm;
            HashValue = hashValue;
        }

        public long Bytes { get; }
        public string Md5 { get; }
        public string? HashAlgorithm { get; }
        public string? HashValue { get; }
    }
}
