using System.Net;
using System.Net.Sockets;

namespace Peerd.EndToEnd.Tests.Infrastructure;

/// <summary>A TCP listener on 127.0.0.1 that misbehaves as told (for the connect failure rows of the contract).</summary>
public sealed class FakeListener : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _accepted = [];
    private readonly Task _loop;

    /// <summary>What to do with each accepted socket.</summary>
    public enum Behaviour
    {
        /// <summary>Never send anything.</summary>
        Silent,

        /// <summary>Wait for the act-one bytes, then close without reading them (the kernel sends a reset).</summary>
        ResetAfterData,

        /// <summary>Answer act one with 50 bytes of garbage.</summary>
        Garbage,
    }

    /// <summary>Starts listening.</summary>
    public FakeListener(Behaviour behaviour)
    {
        _listener.Start();
        _loop = Task.Run(() => AcceptAsync(behaviour));
    }

    /// <summary>The port.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private async Task AcceptAsync(Behaviour behaviour)
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                lock (_accepted)
                {
                    _accepted.Add(socket);
                }

                switch (behaviour)
                {
                    case Behaviour.ResetAfterData:
                        while (socket.Available == 0)
                        {
                            await Task.Delay(5, _stop.Token);
                        }

                        socket.Close();
                        break;
                    case Behaviour.Garbage:
                        var garbage = new byte[50];
                        Array.Fill(garbage, (byte)0x5a);
                        garbage[0] = 0;
                        await socket.SendAsync(garbage, _stop.Token);
                        break;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        catch (InvalidOperationException)
        {
            // Stopped before the first accept.
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        lock (_accepted)
        {
            _accepted.ForEach(s => s.Dispose());
        }

        _stop.Dispose();
    }
}
