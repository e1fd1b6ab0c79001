using System;
using System.IO;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>A stream read once from start to end: the base of the module's wrappers that count, check digests,
    /// cut tar entries or own what they read from. Only Read, Length and the read position are theirs to say.</summary>
    internal abstract class ReadOnlyForwardStream : Stream
    {
        protected abstract long ReadPosition { get; }

        public sealed override bool CanRead => true;
        public sealed override bool CanSeek => false;
        public sealed override bool CanWrite => false;
        public sealed override long Position { get => ReadPosition; set => throw new NotSupportedException(); }
        public sealed override void Flush() { }
        public sealed override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public sealed override void SetLength(long value) => throw new NotSupportedException();
        public sealed override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
