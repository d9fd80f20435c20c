using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Peerd.Cli;

/// <summary>Socket errors worded as <c>strerror</c> does, as <c>err(3)</c> prints them in <c>lightning-cli</c>.</summary>
public static class SocketErrorText
{
    /// <summary>
    /// The <c>strerror</c> text of <paramref name="error"/>. .NET reports a Unix socket path that does not exist as
    /// <c>EADDRNOTAVAIL</c>; that case reads <c>No such file or directory</c>, as the C library says it.
    /// </summary>
    public static string Describe(SocketException error, string? unixPath = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (unixPath is not null && error.SocketErrorCode == SocketError.AddressNotAvailable && !File.Exists(unixPath))
        {
            return "No such file or directory";
        }

        return Marshal.GetPInvokeErrorMessage(error.NativeErrorCode);
    }
}
