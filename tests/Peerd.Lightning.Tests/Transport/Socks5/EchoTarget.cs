using System.Net;
using System.Net.Sockets;

namespace Peerd.Lightning.Tests.Transport.Socks5;

/// <summary>
/// A plain TCP service on loopback standing in for a peer: it answers each connection with "hello", then echoes.
/// Listens on 127.0.0.1 and, where the host has IPv6, on [::1] with the same port, so a name like <c>localhost</c>
/// reaches it whichever address the proxy's resolver returns first.
/// </summary>
internal sealed class EchoTarget : IDisposable
{
    private readonly List<Socket> _listeners = [];
    private readonly CancellationTokenSource _stop = new();

    public EchoTarget()
    {
        var v4 = Listen(IPAddress.Loopback, 0);
        Port = ((IPEndPoint)v4.LocalEndPoint!).Port;
        if (Socket.OSSupportsIPv6)
        {
            try
            {
                Listen(IPAddress.IPv6Loopback, Port);
                HasIPv6 = true;
            }
            catch (SocketException)
            {
            }
        }
    }

    public int Port { get; }

    public bool HasIPv6 { get; }

    public void Dispose()
    {
        _stop.Cancel();
        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }

        _stop.Dispose();
    }

    private Socket Listen(IPAddress address, int port)
    {
        var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(address, port));
        listener.Listen(8);
        _listeners.Add(listener);
        _ = AcceptLoopAsync(listener);
        return listener;
    }

    private async Task AcceptLoopAsync(Socket listener)
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await listener.AcceptAsync(_stop.Token);
                _ = ServeAsync(client);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        catch (SocketException)
        {
        }
    }

    private async Task ServeAsync(Socket client)
    {
        using (client)
        {
            try
            {
                await client.SendAsync("hello"u8.ToArray(), SocketFlags.None, _stop.Token);
                var buffer = new byte[256];
                int read;
                while ((read = await client.ReceiveAsync(buffer, SocketFlags.None, _stop.Token)) > 0)
                {
                    await client.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (SocketException)
            {
            }
        }
    }
}
