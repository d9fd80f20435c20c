using System.Net;
using System.Net.Sockets;
using Peerd.Peering.Accepting;

namespace Peerd.Peering.Tests.Accepting;

/// <summary>The accept loop over a loopback listener: a handler's fault is reported and ends only its connection.</summary>
public sealed class AcceptLoopTests : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly CancellationTokenSource _stop = new();

    public AcceptLoopTests()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(16);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Dispose();
        _stop.Dispose();
    }

    [Fact]
    public async Task AHandlerThatThrowsIsReportedAndTheNextConnectionIsServed()
    {
        var faults = new List<Exception>();
        var served = new TaskCompletionSource<Socket>(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var loop = AcceptLoop.RunAsync(
            _listener,
            socket =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    socket.Dispose();
                    throw new InvalidOperationException("handler bug");
                }

                served.TrySetResult(socket);
                return Task.CompletedTask;
            },
            _ => { },
            e =>
            {
                lock (faults)
                {
                    faults.Add(e);
                }
            },
            TimeSpan.FromMilliseconds(100),
            TimeProvider.System,
            _stop.Token);

        using var first = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await first.ConnectAsync((IPEndPoint)_listener.LocalEndPoint!);
        using var second = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await second.ConnectAsync((IPEndPoint)_listener.LocalEndPoint!);
        using var accepted = await served.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(accepted.NoDelay);
        lock (faults)
        {
            Assert.Equal("handler bug", Assert.Single(faults).Message);
        }

        await _stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
