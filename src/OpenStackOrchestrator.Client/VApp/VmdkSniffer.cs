using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace OpenStackOrchestrator.Client.VApp
{
    /// <summary>Passes a download through and keeps its first bytes, to tell which kind of VMDK it is (the createType
    /// of its embedded descriptor: streamOptimized, monolithicSparse...).</summary>
    internal sealed class VmdkSniffer : Stream
    {
        private const int Keep = 64 * 1024;
        private static readonly Regex CreateType = new Regex("createType\\s*=\\s*\"(?<type>[^\"]+)\"", RegexOptions.CultureInvariant);
        private readonly Stream _inner;
        private readonly byte[] _head = new byte[Keep];
        private int _kept;

        public VmdkSniffer(Stream inner) => _inner = inner;

        /// <summary>The createType of the descriptor, or null when the data is not a VMDK this can read.</summary>
        public string? SubFormat => Parse(_head, _kept);

        internal static string? Parse(byte[] head, int length)
        {
            if (length < 512)
                return null;
            string text;
            if (head[0] == 'K' && head[1] == 'D' && head[2] == 'M' && head[3] == 'V')
            {
                // the sparse header: descriptorOffset and descriptorSize (in sectors) at bytes 28 and 36
                var offset = BitConverter.ToInt64(head, 28) * 512;
                var size = BitConverter.ToInt64(head, 36) * 512;
                if (offset <= 0 || offset >= length)
                    return null;
                text = Encoding.ASCII.GetString(head, (int)offset, (int)Math.Min(size, length - offset));
            }
            else
                text = Encoding.ASCII.GetString(head, 0, Math.Min(length, 4096));
            if (!text.Contains("# Disk DescriptorFile") && !text.Contains("createType"))
                return null;
            var m = CreateType.Match(text);
            return m.Success ? m.Groups["type"].Value : null;
        }

        private void Remember(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(count, Keep - _kept);
            if (n <= 0)
                return;
            Buffer.BlockCopy(buffer, offset, _head, _kept, n);
            _kept += n;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            _inner.Write(buffer, offset, count);
            Remember(buffer, offset, count);
        }

        public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            await _inner.WriteAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            Remember(buffer, offset, count);
        }

        public override void Flush() => _inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
