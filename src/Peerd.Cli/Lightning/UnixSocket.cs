using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace Peerd.Cli.Lightning;

/// <summary>
/// A blocking AF_UNIX stream socket over libc. On Linux it is three system calls and no managed networking stack:
/// the first use of <see cref="Socket"/> costs a <c>peerd-cli</c> call about 6 ms of start-up. Elsewhere it falls
/// back to <see cref="Socket"/>.
/// </summary>
internal sealed partial class UnixSocket : IDisposable
{
    private const int AfUnix = 1;
    private const int SockStream = 1;
    private const int SockCloexec = 0x80000;
    private const int Eintr = 4;

    /// <summary><c>sizeof(sockaddr_un)</c> on Linux: a 2-byte family and 108 bytes of path.</summary>
    private const int SockaddrUnLength = 2 + 108;

    private readonly int _fd = -1;
    private readonly Socket? _fallback;

    private UnixSocket(int fd)
    {
        _fd = fd;
    }

    private UnixSocket(Socket fallback)
    {
        _fallback = fallback;
    }

    /// <summary>Connects to <paramref name="path"/> (at most 107 bytes); throws <see cref="UnixSocketException"/> with the <c>strerror</c> text.</summary>
    public static UnixSocket Connect(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                socket.Connect(new UnixDomainSocketEndPoint(path));
                return new UnixSocket(socket);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                throw new UnixSocketException(e.Message);
            }
        }

        Span<byte> address = stackalloc byte[SockaddrUnLength];
        address.Clear();
        address[0] = AfUnix; // sun_family, little-endian
        var pathLength = Encoding.UTF8.GetBytes(path, address[2..^1]);
        var fd = NativeSocket(AfUnix, SockStream | SockCloexec, 0);
        if (fd < 0)
        {
            throw LastError();
        }

        while (NativeConnect(fd, address, 2 + pathLength + 1) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno != Eintr)
            {
                _ = NativeClose(fd);
                throw new UnixSocketException(Marshal.GetPInvokeErrorMessage(errno));
            }
        }

        return new UnixSocket(fd);
    }

    /// <summary>Writes all of <paramref name="data"/>.</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        if (_fallback is not null)
        {
            _fallback.Send(data);
            return;
        }

        while (!data.IsEmpty)
        {
            var written = NativeWrite(_fd, data, data.Length);
            if (written < 0)
            {
                if (Marshal.GetLastPInvokeError() == Eintr)
                {
                    continue;
                }

                throw LastError();
            }

            data = data[(int)written..];
        }
    }

    /// <summary>Reads into <paramref name="buffer"/>; 0 at end of stream.</summary>
    public int Read(Span<byte> buffer)
    {
        if (_fallback is not null)
        {
            return _fallback.Receive(buffer);
        }

        while (true)
        {
            var read = NativeRead(_fd, buffer, buffer.Length);
            if (read >= 0)
            {
                return (int)read;
            }

            if (Marshal.GetLastPInvokeError() != Eintr)
            {
                throw LastError();
            }
        }
    }

    public void Dispose()
    {
        _fallback?.Dispose();
        if (_fd >= 0)
        {
            _ = NativeClose(_fd);
        }
    }

    private static UnixSocketException LastError() => new(Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError()));

    [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)]
    private static partial int NativeSocket(int domain, int type, int protocol);

    [LibraryImport("libc", EntryPoint = "connect", SetLastError = true)]
    private static partial int NativeConnect(int fd, ReadOnlySpan<byte> address, int length);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint NativeWrite(int fd, ReadOnlySpan<byte> buffer, nint count);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint NativeRead(int fd, Span<byte> buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int NativeClose(int fd);
}

/// <summary>A failed socket call, with the C library's wording (<c>No such file or directory</c>, <c>Connection refused</c>).</summary>
internal sealed class UnixSocketException(string message) : IOException(message);
