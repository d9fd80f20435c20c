using System.Net;
using System.Net.Sockets;

namespace Peerd.EndToEnd.Tests.Infrastructure;

/// <summary>A real SOCKS5 proxy (Debian's microsocks) on 127.0.0.1, stopped on dispose.</summary>
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

    /// <summary>Starts microsocks and waits until it accepts connections.</summary>
    public static async Task<Microsocks> StartAsync()
    {
        int port;
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        var proxy = new Microsocks(ChildProcess.Start("microsocks", ["-i", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]), port);
        var deadline = DateTime.UtcNow + ChildProcess.Deadline;
        while (true)
        {
            try
            {
                using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await client.ConnectAsync(IPAddress.Loopback, port);
                return proxy;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !proxy._process.HasExited)
            {
                await Task.Delay(20);
            }
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
