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
        using var abort = new CancellationTokenSource(duration + TimeSpan.FromSeconds(30));

        async Task Worker(int w)
        {
            for (var i = 0; Stopwatch.GetTimestamp() < until; i++)
            {
                try
                {
                    var key = keys[w + (concurrency * (i % KeysPerWorker))];
                    await using var peer = await LoadPeer.ConnectAsync(server, serverId, sources.Next(), key, 1024, abort.Token).ConfigureAwait(false);
                    Interlocked.Increment(ref done);
                }
                catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or OperationCanceledException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(() => Worker(w)))).ConfigureAwait(false);
        return (done / Stopwatch.GetElapsedTime(start).TotalSeconds, failed);
    }
}
