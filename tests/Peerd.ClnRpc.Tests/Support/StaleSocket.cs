using System.Runtime.InteropServices;
using System.Text;

namespace Peerd.ClnRpc.Tests.Support;

/// <summary>
/// Leaves a socket file behind as a crashed daemon would: bound with libc and closed without unlinking (.NET's
/// <see cref="System.Net.Sockets.Socket"/> removes the file it bound when disposed, so it cannot make one).
/// </summary>
public static partial class StaleSocket
{
    private const int AfUnix = 1;
    private const int SockStream = 1;

    public static void Create(string path)
    {
        var fd = Socket(AfUnix, SockStream, 0);
        if (fd < 0)
        {
            throw new IOException("socket() failed");
        }

        try
        {
            // struct sockaddr_un { sa_family_t sun_family; char sun_path[108]; }
            var address = new byte[2 + 108];
            BitConverter.GetBytes((ushort)AfUnix).CopyTo(address, 0);
            Encoding.UTF8.GetBytes(path).CopyTo(address, 2);
            if (Bind(fd, address, address.Length) != 0)
            {
                throw new IOException($"bind({path}) failed: errno {Marshal.GetLastPInvokeError()}");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)]
    private static partial int Socket(int domain, int type, int protocol);

    [LibraryImport("libc", EntryPoint = "bind", SetLastError = true)]
    private static partial int Bind(int fd, byte[] address, int length);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
