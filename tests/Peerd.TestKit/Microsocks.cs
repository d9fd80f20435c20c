using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Peerd.TestKit;

/// <summary>A real SOCKS5 proxy (Debian's microsocks) on 127.0.0.1, its process tree stopped on dispose.</summary>
public sealed class Microsocks : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private Microsocks(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>The proxy's port.</summary>
    public int Port { get; }

    /// <summary>Starts microsocks (with extra <paramref name="arguments"/>, e.g. <c>-u user -P secret</c>) and waits until it accepts connections.</summary>
    public static async Task<Microsocks> StartAsync(params string[] arguments)
    {
        var port = FreeLoopbackPort();
        var proxy = new Microsocks(ChildProcess.Start("microsocks", ["-i", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), .. arguments]), port);
        try
        {
            await Eventually.TrueAsync(
                async () =>
                {
                    Assert.False(proxy._process.HasExited, $"microsocks exited before listening: {proxy._process.StandardError}");
                    using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    try
                    {
                        await client.ConnectAsync(IPAddress.Loopback, port);
                        return true;
                    }
                    catch (SocketException)
                    {
                        return false;
                    }
                },
                $"microsocks listening on port {port}");
            return proxy;
        }
        catch
        {
            await proxy.DisposeAsync();
            throw;
        }
    }

    /// <summary>A loopback port that was free a moment ago (bound, then released).</summary>
    public static int FreeLoopbackPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
