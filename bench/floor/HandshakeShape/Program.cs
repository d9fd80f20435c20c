using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Peerd.Floor;

/// <summary>
/// The .NET side of bench/floor/handshake_shape.c: the same handshake shape (connect; 50 B; 50 B; 66 + 50 B; 50 B)
/// with the curve work as busy waits, played by the socket machinery the daemon uses — an async responder whose
/// continuations run on the event loop's threads, as in <c>peerd</c> — and by a blocking initiator, as
/// <c>peerd-load</c>'s and <c>lightning-cli</c>'s clients are. Paired with the C program's other end, it shows what each
/// .NET end adds to the floor:
/// <code>
/// dotnet artifacts/handshake-shape/handshake-shape.dll server 20123 80 40 &amp;  /tmp/handshake_shape client 20123 40 80
/// /tmp/handshake_shape server 20124 80 40 &amp;  dotnet artifacts/handshake-shape/handshake-shape.dll client 20124 40 80
/// </code>
/// </summary>
public static class Program
{
    private const int Cycles = 3000;
    private const int WarmUp = 300;

    /// <summary>Runs the responder (until killed) or the initiator (3,000 timed connects after 300 untimed).</summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 4 || !int.TryParse(args[1], out var port) || !int.TryParse(args[2], out var first) || !int.TryParse(args[3], out var second))
        {
            Console.Error.WriteLine("usage: handshake-shape server <port> <act2 µs> <last µs> | client <port> <act1 µs> <act3 µs>");
            return 2;
        }

        // What peerd sets for itself before its first socket: continuations run on the event loop's threads.
        Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
        var endpoint = new IPEndPoint(IPAddress.Loopback, port);
        switch (args[0])
        {
            case "server":
                await RespondAsync(endpoint, first, second).ConfigureAwait(false);
                return 0;
            case "client":
                Initiate(endpoint, first, second);
                return 0;
            default:
                Console.Error.WriteLine($"unknown mode {args[0]}");
                return 2;
        }
    }

    private static async Task RespondAsync(IPEndPoint endpoint, int actTwo, int last)
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(endpoint);
        listener.Listen(512);
        while (true)
        {
            var socket = await listener.AcceptAsync().ConfigureAwait(false);
            socket.NoDelay = true;
            _ = ServeAsync(socket, actTwo, last);
        }
    }

    private static async Task ServeAsync(Socket socket, int actTwo, int last)
    {
        using (socket)
        {
            var buffer = new byte[256];
            await ReceiveAsync(socket, buffer.AsMemory(0, 50)).ConfigureAwait(false);
            Spin(actTwo);
            await socket.SendAsync(buffer.AsMemory(0, 50)).ConfigureAwait(false);
            await ReceiveAsync(socket, buffer.AsMemory(0, 116)).ConfigureAwait(false);
            Spin(last);
            await socket.SendAsync(buffer.AsMemory(0, 50)).ConfigureAwait(false);
            while (await socket.ReceiveAsync(buffer.AsMemory()).ConfigureAwait(false) > 0)
            {
            }
        }
    }

    private static void Initiate(IPEndPoint endpoint, int actOne, int actThree)
    {
        var buffer = new byte[256];
        var times = new double[Cycles];
        for (var i = -WarmUp; i < Cycles; i++)
        {
            // The load tool's disconnect between two connects.
            Thread.Sleep(TimeSpan.FromMicroseconds(200));
            var start = Stopwatch.GetTimestamp();
            using (var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true })
            {
                socket.Connect(endpoint);
                Spin(actOne);
                socket.Send(buffer.AsSpan(0, 50));
                Receive(socket, buffer.AsSpan(0, 50));
                Spin(actThree);
                socket.Send(buffer.AsSpan(0, 116));
                Receive(socket, buffer.AsSpan(0, 50));
            }

            if (i >= 0)
            {
                times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }
        }

        Array.Sort(times);
        Console.WriteLine($".NET initiator: p50 {times[Cycles / 2]:F0} us, p90 {times[Cycles * 9 / 10]:F0} us");
    }

    private static void Spin(int microseconds)
    {
        var end = Stopwatch.GetTimestamp() + (microseconds * Stopwatch.Frequency / 1_000_000);
        while (Stopwatch.GetTimestamp() < end)
        {
        }
    }

    private static void Receive(Socket socket, Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            var read = socket.Receive(destination);
            destination = read > 0 ? destination[read..] : throw new IOException("closed");
        }
    }

    private static async Task ReceiveAsync(Socket socket, Memory<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            var read = await socket.ReceiveAsync(destination).ConfigureAwait(false);
            destination = read > 0 ? destination[read..] : throw new IOException("closed");
        }
    }
}
