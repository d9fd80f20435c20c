using System.Diagnostics;
using Peerd.Crypto;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Load.Infrastructure;
using Peerd.Load.Lightning;

namespace Peerd.Load.Scenarios;

/// <summary>What holding many idle peers cost the daemon.</summary>
internal sealed record HoldResult(
    int Requested,
    int Connected,
    double ConnectSeconds,
    double HoldSeconds,
    long PingsAnswered,
    long Dropped,
    int PeersAtEnd,
    long RssBeforeBytes,
    long RssEndBytes,
    long RssMaxBytes,
    double IdleCpuPercent,
    int ThreadsAtEnd)
{
    /// <summary>RSS growth per held peer.</summary>
    public double RssPerPeerBytes => Connected == 0 ? 0 : (RssEndBytes - RssBeforeBytes) / (double)Connected;

    /// <summary>Pings answered per second during the hold.</summary>
    public double PingsPerSecond => HoldSeconds > 0 ? PingsAnswered / HoldSeconds : 0;
}

/// <summary>
/// Opens <c>peers</c> authenticated connections to one daemon (distinct node ids, many source addresses), then holds
/// them for a while, answering the daemon's pings (run it with a short <c>--ping-idle-secs</c> so they flow), and
/// reads the daemon's RSS and CPU from <c>/proc</c>. A peer is dropped if its connection closes during the hold.
/// </summary>
internal static class HoldScenario
{
    /// <summary>Receive buffer per held peer: pings are small (it grows if something larger comes).</summary>
    private const int HeldPeerBuffer = 512;

    /// <summary>Runs the hold against <paramref name="daemon"/>.</summary>
    public static async Task<HoldResult> RunAsync(DaemonProcess daemon, int peers, TimeSpan hold, int concurrency, SourceAddresses sources, Action<string> progress)
    {
        var keys = new StaticKey[peers];
        Parallel.For(0, peers, i => keys[i] = StaticKey.Generate());

        var before = daemon.Stats();
        var held = new LoadPeer[peers];
        long pings = 0;
        long dropped = 0;
        var holding = 0;
        using var stop = new CancellationTokenSource();
        var loops = new List<Task>(peers);
        var next = -1;
        var start = Stopwatch.GetTimestamp();
        var connectFailures = 0;

        async Task Connector()
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= peers)
                {
                    return;
                }

                try
                {
                    held[i] = await LoadPeer.ConnectAsync(daemon.EndPoint, daemon.NodeIdBytes, sources.Next(), keys[i], HeldPeerBuffer, deadline.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or OperationCanceledException)
                {
                    Interlocked.Increment(ref connectFailures);
                    continue;
                }

                var peer = held[i];
                lock (loops)
                {
                    loops.Add(Task.Run(() => AnswerPingsAsync(peer)));
                }
            }
        }

        async Task AnswerPingsAsync(LoadPeer peer)
        {
            try
            {
                while (await peer.ReceiveAsync(stop.Token).ConfigureAwait(false))
                {
                    if (peer.MessageType == (ushort)MessageType.Ping
                        && PingMessage.TryDecode(peer.Message, out var ping, out _)
                        && ping.CreatePong() is { } pong)
                    {
                        await peer.SendMessageAsync(pong.ToArray(), stop.Token).ConfigureAwait(false);
                        if (Volatile.Read(ref holding) == 1)
                        {
                            Interlocked.Increment(ref pings);
                        }
                    }
                }

                if (!stop.IsCancellationRequested)
                {
                    Interlocked.Increment(ref dropped);
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
            {
                if (!stop.IsCancellationRequested)
                {
                    Interlocked.Increment(ref dropped);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Connector))).ConfigureAwait(false);
        var connectSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var connected = peers - connectFailures;
        progress($"hold: {connected} peers connected in {connectSeconds:F1} s ({connectFailures} failed); holding {hold.TotalSeconds:F0} s");

        // Let the accept burst settle (tiered JIT, GC) before the idle window starts.
        await Task.Delay(TimeSpan.FromSeconds(3)).ConfigureAwait(false);
        var from = daemon.Stats();
        var maxRss = from.RssBytes;
        Volatile.Write(ref holding, 1);
        var holdStart = Stopwatch.GetTimestamp();
        var holdUntil = holdStart + (long)(hold.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < holdUntil)
        {
            var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), holdUntil);
            if (remaining < TimeSpan.FromMilliseconds(100))
            {
                break;
            }

            await Task.Delay(remaining < TimeSpan.FromSeconds(5) ? remaining : TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            var now = daemon.Stats();
            maxRss = Math.Max(maxRss, now.RssBytes);
            progress($"hold: {Stopwatch.GetElapsedTime(holdStart).TotalSeconds:F0} s, RSS {now.RssBytes / 1048576.0:F0} MiB, CPU {ProcStats.CpuPercent(from, now):F1}%, pings {Interlocked.Read(ref pings)}, dropped {Interlocked.Read(ref dropped)}");
        }

        var to = daemon.Stats();
        Volatile.Write(ref holding, 0);
        var holdSeconds = Stopwatch.GetElapsedTime(holdStart).TotalSeconds;
        var atEnd = await daemon.PeerCountAsync().ConfigureAwait(false);
        var droppedDuringHold = Interlocked.Read(ref dropped);

        await stop.CancelAsync().ConfigureAwait(false);
        foreach (var peer in held)
        {
            if (peer is not null)
            {
                await peer.DisposeAsync().ConfigureAwait(false);
            }
        }

        await Task.WhenAll(loops).ConfigureAwait(false);
        await daemon.WaitPeersAtMostAsync(0, TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        return new HoldResult(peers, connected, connectSeconds, holdSeconds, Interlocked.Read(ref pings), droppedDuringHold, atEnd,
            before.RssBytes, to.RssBytes, Math.Max(maxRss, to.RssBytes), ProcStats.CpuPercent(from, to), to.Threads);
    }
}
