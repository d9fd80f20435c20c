using System.Diagnostics;
using System.Net;
using Peerd.Crypto;
using Peerd.Load.Lightning;

namespace Peerd.Load.Scenarios;

/// <summary>
/// Full connections per second: TCP connect, BOLT 8 handshake, <c>init</c> both ways, close; from
/// <c>concurrency</c> workers in a loop for a fixed time.
/// </summary>
internal static class HandshakeScenario
{
    /// <summary>Keys per worker, rotated, so a node id is reused only long after its last connection closed.</summary>
    private const int KeysPerWorker = 32;

    /// <summary>Runs for <paramref name="duration"/>; returns completed handshakes per second and the failures.</summary>
    public static async Task<(double Rate, long Failures)> RunAsync(
        IPEndPoint server, byte[] serverId, int concurrency, TimeSpan duration, SourceAddresses sources)
    {
        var keys = Enumerable.Range(0, concurrency * KeysPerWorker).Select(_ => StaticKey.Generate()).ToArray();
        long done = 0;
        long failed = 0;
        var start = Stopwatch.GetTimestamp();
        var until = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        // One blocking thread per in-flight handshake: the cheapest client there is, so the daemon gets the CPU.
        void Worker(int w)
        {
            for (var i = 0; Stopwatch.GetTimestamp() < until; i++)
            {
                try
                {
                    var key = keys[w + (concurrency * (i % KeysPerWorker))];
                    using var peer = LoadPeer.Connect(server, serverId, sources.Next(), key, 1024);
                    Interlocked.Increment(ref done);
                }
                catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }

        var threads = Enumerable.Range(0, concurrency).Select(w => new Thread(() => Worker(w)) { IsBackground = true }).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        await Task.Run(() =>
        {
            foreach (var thread in threads)
            {
                thread.Join();
            }
        }).ConfigureAwait(false);
        return (done / Stopwatch.GetElapsedTime(start).TotalSeconds, failed);
    }
}
