using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.VApp
{
    /// <summary>One member of an .ova (a tar): its name, size and, while it is the current entry, its data.</summary>
    public sealed class OvaEntry
    {
        internal OvaEntry(string name, long size, Stream content)
        {
            Name = name;
            Size = size;
            Content = content;
        }

        public string Name { get; }
        public long Size { get; }
        /// <summary>The entry's bytes, readable until the next <see cref="OvaReader.NextEntry"/>; not seekable.</summary>
        public Stream Content { get; }
    }

    /// <summary>Reads an .ova entry by entry from a stream, without extracting it: ustar, pax extended headers and
    /// GNU long names (what ovftool, vSphere and GNU/BSD tar write). Directories and links are skipped.</summary>
    public sealed class OvaReader : IDisposable
    {
        private const int Block = 512;
        private readonly Stream _stream;
        private readonly bool _leaveOpen;
        private readonly string? _archiveName;
        private TarEntryStream? _current;
        private bool _ended;

        public OvaReader(Stream stream, string? archiveName = null, bool leaveOpen = false)
        {
            _stream = stream;
            _archiveName = archiveName;
            _leaveOpen = leaveOpen;
        }

        public static OvaReader Open(string path) => new OvaReader(File.OpenRead(path), Path.GetFileName(path));

        /// <summary>The next file of the archive, or null at its end. Skips what is left of the current one.</summary>
        public OvaEntry? NextEntry()
        {
            if (_ended)
                return null;
            _current?.SkipRest();
            string? longName = null;
            long? paxSize = null;
            var header = new byte[Block];
            while (true)
            {
                if (!ReadBlock(header))
                {
                    _ended = true;
                    return null;
                }
                if (header.All(b => b == 0))
                {
                    // Two zero blocks end the archive; one is enough to stop reading.
                    _ended = true;
                    return null;
                }
                if (!ChecksumOk(header))
                    throw Malformed("a tar header's checksum is wrong (not a tar archive, or a damaged one)");
                var type = (char)header[156];
                var size = ParseSize(header, 124, 12);
                switch (type)
                {
                    case 'x':
                        var pax = ParsePax(ReadData(size));
                        if (pax.TryGetValue("path", out var path))
                            longName = path;
                        if (pax.TryGetValue("size", out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ps))
                            paxSize = ps;
                        continue;
                    case 'g':
                        ReadData(size);
                        continue;
                    case 'L':
                        longName = Encoding.UTF8.GetString(ReadData(size)).TrimEnd('\0');
                        continue;
                    case '0':
                    case '\0':
                    case '7':
                        var name = longName ?? NameOf(header);
                        var entrySize = paxSize ?? size;
                        _current = new TarEntryStream(_stream, entrySize, Padding(entrySize));
                        if (name.StartsWith("./", StringComparison.Ordinal))
                            name = name.Substring(2);
                        return new OvaEntry(name, entrySize, _current);
                    default:
                        // Directory, link, device: nothing an OVA needs; skip its data, if any.
                        SkipBytes(size + Padding(size));
                        longName = null;
                        paxSize = null;
                        continue;
                }
            }
        }

        /// <summary>Every entry's name and size, reading through the archive (its data is skipped, not kept).</summary>
        public static IReadOnlyList<(string Name, long Size)> List(Stream stream)
        {
            using var reader = new OvaReader(stream, leaveOpen: true);
            var list = new List<(string, long)>();
            for (var e = reader.NextEntry(); e != null; e = reader.NextEntry())
                list.Add((e.Name, e.Size));
            return list;
        }

        private static string NameOf(byte[] header)
        {
            var name = CString(header, 0, 100);
            var magic = CString(header, 257, 6);
            if (magic.StartsWith("ustar", StringComparison.Ordinal))
            {
                var prefix = CString(header, 345, 155);
                if (prefix.Length > 0)
                    name = prefix + "/" + name;
            }
            return name;
        }

        private static Dictionary<string, string> ParsePax(byte[] data)
        {
            // Records are "<length> <key>=<value>\n", the length counting the whole record in bytes.
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            var pos = 0;
            while (pos < data.Length)
            {
                var space = Array.IndexOf(data, (byte)' ', pos);
                if (space < 0)
                    break;
                if (!int.TryParse(Encoding.ASCII.GetString(data, pos, space - pos), NumberStyles.Integer, CultureInfo.InvariantCulture, out var length) || length <= 0 || pos + length > data.Length)
                    break;
                var record = Encoding.UTF8.GetString(data, space + 1, pos + length - space - 2);
                var eq = record.IndexOf('=');
                if (eq > 0)
                    result[record.Substring(0, eq)] = record.Substring(eq + 1);
                pos += length;
            }
            return result;
        }

        private long ParseSize(byte[] header, int offset, int length)
        {
            // GNU base-256 for sizes of 8 GiB and more: high bit of the first byte set.
            if ((header[offset] & 0x80) != 0)
            {
                long value = 0;
                for (var i = offset + 1; i < offset + length; i++)
                    value = (value << 8) | header[i];
                return value;
            }
            var text = CString(header, offset, length).Trim(' ', '\0');
            if (text.Length == 0)
                return 0;
            try
            {
                return Convert.ToInt64(text, 8);
            }
            catch (Exception ex) when (ex is FormatException || ex is ArgumentException || ex is OverflowException)
            {
                throw Malformed($"a tar header has the size '{text}', not an octal number");
            }
        }

        private static bool ChecksumOk(byte[] header)
        {
            var text = CString(header, 148, 8).Trim(' ', '\0');
            if (text.Length == 0)
                return false;
            long expected;
            try
            {
                expected = Convert.ToInt64(text, 8);
            }
            catch (Exception)
            {
                return false;
            }
            long unsigned = 0;
            for (var i = 0; i < Block; i++)
                unsigned += i >= 148 && i < 156 ? (byte)' ' : header[i];
            return unsigned == expected;
        }

        private static string CString(byte[] buffer, int offset, int length)
        {
            var end = Array.IndexOf(buffer, (byte)0, offset, length);
            return Encoding.UTF8.GetString(buffer, offset, (end < 0 ? offset + length : end) - offset);
        }

        internal static long Padding(long size) => (Block - size % Block) % Block;

        private bool ReadBlock(byte[] block)
        {
            var read = 0;
            while (read < Block)
            {
                var n = _stream.Read(block, read, Block - read);
                if (n == 0)
                {
                    if (read == 0)
                        return false;
                    throw Malformed("it ends in the middle of a tar header");
                }
                read += n;
            }
            return true;
        }

        private byte[] ReadData(long size)
        {
            if (size > 16 * 1024 * 1024)
                throw Malformed("an extended header is larger than 16 MiB");
            var data = new byte[size];
            var read = 0;
            while (read < size)
            {
                var n = _stream.Read(data, read, (int)size - read);
                if (n == 0)
                    throw Malformed("it ends in the middle of an entry");
                read += n;
            }
            SkipBytes(Padding(size));
            return data;
        }

        private void SkipBytes(long count) => TarEntryStream.Skip(_stream, count);

        private InvalidOvfException Malformed(string why) =>
            new InvalidOvfException(OvfProblem.Malformed, $"{(_archiveName == null ? "The OVA" : "'" + _archiveName + "'")} is not a readable OVA: {why}.", _archiveName);

        public void Dispose()
        {
            if (!_leaveOpen)
                _stream.Dispose();
        }
    }

    /// <summary>The data of one tar entry: a window of the archive stream, then its padding.</summary>
    internal sealed class TarEntryStream : ReadOnlyForwardStream
    {
        private readonly Stream _archive;
        private readonly long _size;
        private readonly long _padding;
        private long _position;
        private bool _done;

        public TarEntryStream(Stream archive, long size, long padding)
        {
            _archive = archive;
            _size = size;
            _padding = padding;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var left = _size - _position;
            if (left <= 0 || count == 0)
                return 0;
            var n = _archive.Read(buffer, offset, (int)Math.Min(count, left));
            if (n == 0)
                throw new InvalidOvfException(OvfProblem.Malformed, "The OVA ends in the middle of an entry (truncated download or copy?).");
            _position += n;
            return n;
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            var left = _size - _position;
            if (left <= 0 || count == 0)
                return 0;
            var n = await _archive.ReadAsync(buffer, offset, (int)Math.Min(count, left), cancellationToken).ConfigureAwait(false);
            if (n == 0)
                throw new InvalidOvfException(OvfProblem.Malformed, "The OVA ends in the middle of an entry (truncated download or copy?).");
            _position += n;
            return n;
        }

        internal void SkipRest()
        {
            if (_done)
                return;
            _done = true;
            Skip(_archive, _size - _position + _padding);
            _position = _size;
        }

        internal static void Skip(Stream stream, long count)
        {
            if (count <= 0)
                return;
            if (stream.CanSeek)
            {
                stream.Seek(count, SeekOrigin.Current);
                return;
            }
            var buffer = new byte[(int)Math.Min(count, 81920)];
            while (count > 0)
            {
                var n = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
                if (n == 0)
                    throw new InvalidOvfException(OvfProblem.Malformed, "The OVA ends in the middle of an entry (truncated download or copy?).");
                count -= n;
            }
        }

        public override long Length => _size;
        protected override long ReadPosition => _position;
    }

    /// <summary>Writes an .ova: ustar entries (pax headers for names over 100 bytes or sizes of 8 GiB and more),
    /// in the order added, which must be the .ovf first, then the .mf, then the disks (OVF 1.1 section 5.3).</summary>
    public sealed class OvaWriter : IDisposable
    {
        private const int Block = 512;
        private readonly Stream _stream;
        private readonly bool _leaveOpen;
        private bool _finished;

        public OvaWriter(Stream stream, bool leaveOpen = false)
        {
            _stream = stream;
            _leaveOpen = leaveOpen;
        }

        public static OvaWriter Create(string path) => new OvaWriter(File.Create(path));

        public void AddEntry(string name, byte[] content) => AddEntry(name, content.LongLength, new MemoryStream(content));

        /// <summary>Writes one file; exactly <paramref name="size"/> bytes are read from <paramref name="content"/>.</summary>
        public void AddEntry(string name, long size, Stream content) =>
            AddEntryAsync(name, size, content, CancellationToken.None).GetAwaiter().GetResult();

        public async Task AddEntryAsync(string name, long size, Stream content, CancellationToken ct)
        {
            if (_finished)
                throw new InvalidOperationException("The archive is already finished.");
            if (name.Length == 0 || name.Contains("..") || name.StartsWith("/", StringComparison.Ordinal))
                throw new ArgumentException($"'{name}' is not a relative file name for an OVA entry.", nameof(name));
            var nameBytes = Encoding.UTF8.GetBytes(name);
            var large = size >= 0x1FFFFFFFFL; // 8 GiB - 1, the most 11 octal digits hold.
            if (nameBytes.Length > 100 || large)
            {
                var pax = new StringBuilder();
                if (nameBytes.Length > 100)
                    pax.Append(PaxRecord("path", name));
                if (large)
                    pax.Append(PaxRecord("size", size.ToString(CultureInfo.InvariantCulture)));
                var paxBytes = Encoding.UTF8.GetBytes(pax.ToString());
                await WriteAsync(Header("PaxHeaders/" + Truncate(name, 80), paxBytes.Length, 'x'), ct).ConfigureAwait(false);
                await WriteAsync(paxBytes, ct).ConfigureAwait(false);
                await WriteAsync(new byte[OvaReader.Padding(paxBytes.Length)], ct).ConfigureAwait(false);
            }
            await WriteAsync(Header(Truncate(name, 100), large ? 0 : size, '0'), ct).ConfigureAwait(false);
            var buffer = new byte[81920];
            var left = size;
            while (left > 0)
            {
                var n = await content.ReadAsync(buffer, 0, (int)Math.Min(buffer.Length, left), ct).ConfigureAwait(false);
                if (n == 0)
                    throw new InvalidOperationException($"'{name}' ended after {size - left} of the {size} bytes announced.");
                await _stream.WriteAsync(buffer, 0, n, ct).ConfigureAwait(false);
                left -= n;
            }
            await WriteAsync(new byte[OvaReader.Padding(size)], ct).ConfigureAwait(false);
        }

        public void AddFile(string name, string path)
        {
            using var file = File.OpenRead(path);
            AddEntry(name, file.Length, file);
        }

        /// <summary>Writes the two zero blocks that end a tar.</summary>
        public void Finish()
        {
            if (_finished)
                return;
            _finished = true;
            var end = new byte[Block * 2];
            _stream.Write(end, 0, end.Length);
            _stream.Flush();
        }

        private static string PaxRecord(string key, string value)
        {
            var body = " " + key + "=" + value + "\n";
            var bodyLength = Encoding.UTF8.GetByteCount(body);
            var length = bodyLength + 1;
            while ((length.ToString(CultureInfo.InvariantCulture).Length + bodyLength) != length)
                length = length.ToString(CultureInfo.InvariantCulture).Length + bodyLength;
            return length.ToString(CultureInfo.InvariantCulture) + body;
        }

        private static string Truncate(string name, int maxBytes)
        {
            while (Encoding.UTF8.GetByteCount(name) > maxBytes)
                name = name.Substring(0, name.Length - 1);
            return name;
        }

        private static byte[] Header(string name, long size, char type)
        {
            var h = new byte[Block];
            Put(h, 0, 100, Encoding.UTF8.GetBytes(name));
            PutOctal(h, 100, 8, Convert.ToInt32("644", 8));
            PutOctal(h, 108, 8, 0);
            PutOctal(h, 116, 8, 0);
            PutOctal(h, 124, 12, size);
            PutOctal(h, 136, 12, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            for (var i = 148; i < 156; i++)
                h[i] = (byte)' ';
            h[156] = (byte)type;
            Put(h, 257, 6, Encoding.ASCII.GetBytes("ustar\0"));
            Put(h, 263, 2, Encoding.ASCII.GetBytes("00"));
            long sum = 0;
            foreach (var b in h)
                sum += b;
            var checksum = Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ");
            Put(h, 148, 8, checksum);
            return h;
        }

        private static void Put(byte[] header, int offset, int length, byte[] value) =>
            Array.Copy(value, 0, header, offset, Math.Min(length, value.Length));

        private static void PutOctal(byte[] header, int offset, int length, long value) =>
            Put(header, offset, length, Encoding.ASCII.GetBytes(Convert.ToString(value, 8).PadLeft(length - 1, '0') + "\0"));

        private Task WriteAsync(byte[] bytes, CancellationToken ct) => _stream.WriteAsync(bytes, 0, bytes.Length, ct);

        public void Dispose()
        {
            Finish();
            if (!_leaveOpen)
                _stream.Dispose();
        }
    }
}
