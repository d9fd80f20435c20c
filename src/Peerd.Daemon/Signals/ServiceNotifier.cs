using System.Net.Sockets;
using System.Text;

namespace Peerd.Daemon.Signals;

/// <summary>
/// systemd's readiness protocol (<c>sd_notify</c>, <c>Type=notify</c>): one datagram such as <c>READY=1</c> to the
/// Unix socket named by <c>$NOTIFY_SOCKET</c> (a path, or an abstract name written with a leading <c>@</c>). Without
/// the variable every call does nothing, so the daemon behaves the same outside systemd.
/// </summary>
public static class ServiceNotifier
{
    /// <summary>The environment variable systemd sets for <c>Type=notify</c> services.</summary>
    public const string SocketVariable = "NOTIFY_SOCKET";

    /// <summary>Sends <paramref name="state"/> (e.g. <c>READY=1</c>); false when there is no socket or it cannot be reached.</summary>
    public static bool Notify(string state)
    {
        var path = Environment.GetEnvironmentVariable(SocketVariable);
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        if (path[0] == '@')
        {
            path = "\0" + path[1..];
        }

        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            socket.SendTo(Encoding.UTF8.GetBytes(state), new UnixDomainSocketEndPoint(path));
            return true;
        }
        catch (SocketException)
        {
            // The manager went away or the socket is not ours to use: readiness is advisory, the node runs on.
            return false;
        }
    }
}
