using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Peerd.Load.Infrastructure;
using Peerd.Load.Lightning;

namespace Peerd.Load.Scenarios;

/// <summary>
/// The same connection shape as a handshake with no cryptography: connect, 50 bytes each way, 66 + 60 bytes up and
/// 60 down (act three and both inits), close. The server side is an async .NET socket loop (what the daemon's I/O
/// rests on), the clients are the same blocking threads. Its CPU per connection, both ends in this process, is what
/// TCP on loopback and .NET's socket engine cost before any curve work: the other floor under the handshake rate.
/// </summary>
internal static class TcpFloorScenario
{
    private const int ActOne = 50;
    private const int ActTwo = 50;
    private const int ActThreeAndInit = 66 + 60;
    private const int Init = 60;

    /// <summary>Connections per second and CPU microseconds per connection (client and server together).</summary>
    public static async Task<(double Rate, double CpuMicroseconds)> RunAsync(int concurrency, TimeSpan duration, SourceAddresses sources)
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(512);
        var server = (IPEndPoint)listener.LocalEndPoint!;
        using var stop = new CancellationTokenSource();
        var accepting = AcceptLoopAsync(listener, stop.Token);

        long done = 0;
        var before = ProcStats.Read(Environment.ProcessId);
        var start = Stopwatch.GetTimestamp();
        var until = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        void Worker()
        {
            var buffer = new byte[ActThreeAndInit];
            while (Stopwatch.GetTimestamp() < until)
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                socket.SetRawSocketOption((int)SocketOptionLevel.IP, 24, BitConverter.GetBytes(1));
                socket.Bind(new IPEndPoint(sources.Next(), 0));
                socket.Connect(server);
                socket.Send(buffer.AsSpan(0, ActOne));
                ReceiveExactly(socket, buffer.AsSpan(0, ActTwo));
                socket.Send(buffer.AsSpan(0, ActThreeAndInit));
                ReceiveExactly(socket, buffer.AsSpan(0, Init));
                Interlocked.Increment(ref done);
            }
        }

        var threads = Enumerable.Range(0, concurrency).Select(_ => new Thread(Worker) { IsBackground = true }).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        await Task.Run(() => Array.ForEach(threads, t => t.Join())).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var after = ProcStats.Read(Environment.ProcessId);
        await stop.CancelAsync().ConfigureAwait(false);
        listener.Close();
        try
        {
            await accepting.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        return (done / seconds, 1e6 * (after.CpuSeconds - before.CpuSeconds) / done);
    }

    private static async Task AcceptLoopAsync(Socket listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var socket = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
            socket.NoDelay = true;
            _ = ServeAsync(socket);
        }
    }

    private static async Task ServeAsync(Socket socket)
    {
        var buffer = new byte[ActThreeAndInit];
        try
        {
            await ReceiveExactlyAsync(socket, buffer.AsMemory(0, ActOne)).ConfigureAwait(false);
            await socket.SendAsync(buffer.AsMemory(0, ActTwo)).ConfigureAwait(false);
            await ReceiveExactlyAsync(socket, buffer.AsMemory(0, ActThreeAndInit)).ConfigureAwait(false);
            await socket.SendAsync(buffer.AsMemory(0, Init)).ConfigureAwait(false);
            while (await socket.ReceiveAsync(buffer.AsMemory()).ConfigureAwait(false) > 0)
            {
            }

            socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
        }
        finally
        {
            socket.Dispose();
        }
    }

    private static void ReceiveExactly(Socket socket, Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            var read = socket.Receive(destination);
            destination = read > 0 ? destination[read..] : throw new IOException("closed");
        }
    }

    private static async Task ReceiveExactlyAsync(Socket socket, Memory<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            var read = await socket.ReceiveAsync(destination).ConfigureAwait(false);
            destination = read > 0 ? destination[read..] : throw new IOException("closed");
        }
    }
}
