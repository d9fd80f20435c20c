using System.Net;
using System.Net.Sockets;

namespace Peerd.EndToEnd.Tests.Faults;

/// <summary>
/// A slowloris attacker: many TCP connections that never finish act one, each sending one zero byte a second (a
/// valid start of act one, never its 50 bytes). It records when the daemon closes each one. Disposing closes them all.
/// </summary>
internal sealed class SlowSockets : IAsyncDisposable
{
    private readonly List<Socket> _sockets = [];
    private readonly List<Task> _closed = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _ticker = Task.CompletedTask;
    private int _closedCount;

    /// <summary>Sockets opened so far.</summary>
    public int Opened
    {
        get
        {
            lock (_sockets)
            {
                return _sockets.Count;
            }
        }
    }

    /// <summary>Sockets the daemon has closed (EOF or reset) so far.</summary>
    public int ClosedByDaemon => Volatile.Read(ref _closedCount);

    /// <summary>Opens <paramref name="count"/> connections to 127.0.0.1:<paramref name="port"/>, <paramref name="perBatch"/> at a time.</summary>
    public async Task OpenAsync(int port, int count, int perBatch, TimeSpan betweenBatches)
    {
        StartTicker();
        for (var opened = 0; opened < count; opened += perBatch)
        {
            var batch = Enumerable.Range(0, Math.Min(perBatch, count - opened)).Select(_ => OpenOneAsync(port));
            await Task.WhenAll(batch);
            await Task.Delay(betweenBatches);
        }
    }

    /// <summary>Waits until the daemon has closed every socket; false at <paramref name="deadline"/>.</summary>
    public async Task<bool> WaitAllClosedAsync(TimeSpan deadline)
    {
        Task[] all;
        lock (_sockets)
        {
            all = [.. _closed];
        }

        try
        {
            await Task.WhenAll(all).WaitAsync(deadline);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private async Task OpenOneAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, port);
        lock (_sockets)
        {
            _sockets.Add(socket);
            _closed.Add(WatchAsync(socket));
        }
    }

    private async Task WatchAsync(Socket socket)
    {
        var buffer = new byte[16];
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token) > 0)
            {
            }
        }
        catch (SocketException)
        {
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        Interlocked.Increment(ref _closedCount);
    }

    private void StartTicker()
    {
        if (!_ticker.IsCompleted)
        {
            return;
        }

        _ticker = Task.Run(async () =>
        {
            byte[] one = [0];
            while (!_stop.IsCancellationRequested)
            {
                Socket[] open;
                lock (_sockets)
                {
                    open = [.. _sockets];
                }

                foreach (var socket in open)
                {
                    try
                    {
                        socket.Send(one, SocketFlags.None);
                    }
                    catch (SocketException)
                    {
                        // Closed by the daemon already.
                    }
                    catch (ObjectDisposedException)
                    {
                    }
                }

                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _ticker;
        lock (_sockets)
        {
            _sockets.ForEach(s => s.Dispose());
        }

        await Task.WhenAll(_closed);
        _stop.Dispose();
    }
}
