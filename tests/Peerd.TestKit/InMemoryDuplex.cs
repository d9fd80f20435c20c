using System.Buffers;
using System.IO.Pipelines;

namespace Peerd.TestKit;

/// <summary>
/// Two connected in-memory streams over a pair of pipes (Kestrel's in-memory transport, in small): what one side
/// writes the other reads. A side that does not read makes the other's writes wait once
/// the pause threshold's bytes are in flight, as a full TCP window does.
/// </summary>
public sealed class InMemoryDuplex
{
    /// <summary>Creates the pair; writes wait once <paramref name="pauseWriterThreshold"/> bytes are unread.</summary>
    public InMemoryDuplex(long pauseWriterThreshold = 64 * 1024)
    {
        var options = new PipeOptions(pauseWriterThreshold: pauseWriterThreshold, resumeWriterThreshold: pauseWriterThreshold / 2, useSynchronizationContext: false);
        var toLocal = new Pipe(options);
        var toRemote = new Pipe(options);
        Local = new End(toLocal.Reader, toRemote.Writer);
        Remote = new End(toRemote.Reader, toLocal.Writer);
    }

    /// <summary>The side handed to the code under test.</summary>
    public End Local { get; }

    /// <summary>The test's side, playing the peer.</summary>
    public End Remote { get; }

    /// <summary>One end: a stream that reads one pipe and writes the other.</summary>
    public sealed class End(PipeReader input, PipeWriter output) : Stream
    {
        private int _disposed;

        /// <summary>What the other end wrote.</summary>
        public PipeReader Input { get; } = input;

        /// <summary>What the other end reads.</summary>
        public PipeWriter Output { get; } = output;

        /// <summary>Stream writes made on this end (coalescing shows here).</summary>
        public int Writes { get; private set; }

        /// <summary>True once this end was disposed.</summary>
        public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

        public override bool CanRead => true;

        public override bool CanWrite => true;

        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var result = await Input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var data = result.Buffer;
            var count = (int)Math.Min(data.Length, buffer.Length);
            data.Slice(0, count).CopyTo(buffer.Span);

            // Examined only as far as consumed: a zero-byte read (a pipe reader's wait for data) leaves the data for
            // the read that follows.
            Input.AdvanceTo(data.GetPosition(count));
            return count;
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Writes++;
            var result = await Output.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (result.IsCompleted)
            {
                throw new IOException("Broken pipe");
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Input.Complete();
                Output.Complete();
            }

            base.Dispose(disposing);
        }
    }
}
