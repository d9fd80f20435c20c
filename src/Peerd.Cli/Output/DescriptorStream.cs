using System.Runtime.InteropServices;

namespace Peerd.Cli.Output;

/// <summary>
/// An inherited output descriptor (standard output or error) as a write-only stream: each write is <c>write(2)</c>
/// calls until every byte is out, nothing buffered, the descriptor left open. On Linux this replaces
/// <see cref="Console.OpenStandardOutput()"/>, whose writes first initialise the terminal (terminfo, signal handling)
/// and take <c>Console.Out</c>'s lock, and <see cref="FileStream"/>, which writes a regular file at an offset of its
/// own (<c>pwrite</c>) where a shell's <c>&gt; file 2&gt;&amp;1</c> shares one offset between both descriptors.
/// </summary>
internal sealed partial class DescriptorStream : Stream
{
    private const int Eintr = 4;
    private readonly int _fd;

    private DescriptorStream(int fd)
    {
        _fd = fd;
    }

    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Descriptor <paramref name="fd"/> (1 or 2) on Linux; elsewhere the console's own stream for it.</summary>
    public static Stream Open(int fd) =>
        OperatingSystem.IsLinux() ? new DescriptorStream(fd)
        : fd == 2 ? Console.OpenStandardError() : Console.OpenStandardOutput();

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var written = NativeWrite(_fd, buffer, buffer.Length);
            if (written >= 0)
            {
                buffer = buffer[(int)written..];
            }
            else if (Marshal.GetLastPInvokeError() != Eintr)
            {
                throw new IOException(Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError()));
            }
        }
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint NativeWrite(int fd, ReadOnlySpan<byte> buffer, nint count);
}
