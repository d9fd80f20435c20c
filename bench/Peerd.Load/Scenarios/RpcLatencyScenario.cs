using System.Diagnostics;
using Peerd.Load.Infrastructure;
using Peerd.Load.Report;

namespace Peerd.Load.Scenarios;

/// <summary>
/// <c>connect</c> latency from node A to node B over A's JSON-RPC socket: connect (timed: dial, handshake, <c>init</c>,
/// the RPC round trip) then disconnect (untimed), in cycles. One loop for Peerd and Core Lightning alike: a
/// persistent socket, blocking calls from a thread of its own (as <c>lightning-cli</c> waits), so a figure is the
/// nodes' time plus one wake-up of ours.
/// </summary>
internal static class RpcLatencyScenario
{
    /// <summary>
    /// Cycles with <paramref name="gap"/> of idle time after each disconnect, from nodes that have made no connect
    /// before: what a user who connects now and then meets (the first sample is the first connect after start).
    /// </summary>
    public static Task<Latency> IdleAsync(ILightningNode a, ILightningNode b, int cycles, TimeSpan gap) => OnOwnThreadAsync(a, rpc =>
    {
        var cycle = new Cycle(rpc, b);
        var samples = new List<double>(cycles);
        for (var i = 0; i < cycles; i++)
        {
            Thread.Sleep(gap);
            samples.Add(cycle.Timed());
        }

        return Latency.Of(samples);
    });

    /// <summary>
    /// Several pairs in one loop, each cycling once per <paramref name="period"/>, their cycles spread evenly over it
    /// (Peerd at 0, Core Lightning at half the period): long idle gaps for each pair in half the wall time, and a
    /// pair never runs while another's cycle does (a cycle takes milliseconds, the period a second).
    /// </summary>
    public static Task<Latency[]> InterleavedAsync(IReadOnlyList<(ILightningNode A, ILightningNode B)> pairs, int cycles, TimeSpan period) =>
        Task.Factory.StartNew(() =>
        {
            var sockets = pairs.Select(p => p.A.RpcAsync().GetAwaiter().GetResult()).ToArray();
            try
            {
                var loops = pairs.Select((p, i) => new Cycle(sockets[i], p.B)).ToArray();
                var samples = pairs.Select(_ => new List<double>(cycles)).ToArray();
                var start = Stopwatch.GetTimestamp();
                for (var i = 0; i < cycles; i++)
                {
                    for (var p = 0; p < loops.Length; p++)
                    {
                        var due = start + (long)(((i + 1) * period.TotalSeconds + p * period.TotalSeconds / loops.Length) * Stopwatch.Frequency);
                        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                        if (wait > TimeSpan.Zero)
                        {
                            Thread.Sleep(wait);
                        }

                        samples[p].Add(loops[p].Timed());
                    }
                }

                return samples.Select(Latency.Of).ToArray();
            }
            finally
            {
                foreach (var socket in sockets)
                {
                    socket.DisposeAsync().AsTask().GetAwaiter().GetResult();
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>
    /// Back-to-back cycles: <paramref name="warmUp"/> untimed, then up to <paramref name="cycles"/> (within
    /// <paramref name="limit"/>): the steady state of nodes that connect all the time.
    /// </summary>
    public static Task<Latency> SteadyAsync(ILightningNode a, ILightningNode b, int warmUp, int cycles, TimeSpan limit) => OnOwnThreadAsync(a, rpc =>
    {
        var cycle = new Cycle(rpc, b);
        for (var i = 0; i < warmUp; i++)
        {
            cycle.Timed();
        }

        var samples = new List<double>(cycles);
        var until = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (samples.Count < cycles && Stopwatch.GetTimestamp() < until)
        {
            samples.Add(cycle.Timed());
        }

        return Latency.Of(samples);
    });

    /// <summary><c>getinfo</c> round trips over one persistent socket (50 untimed first): the RPC transport's own floor.</summary>
    public static Task<Latency> GetInfoAsync(ILightningNode a, int calls) => OnOwnThreadAsync(a, rpc =>
    {
        var samples = new List<double>(calls);
        for (var i = 0; i < calls + 50; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var response = rpc.CallRaw("getinfo", "{}");
            if (i >= 50)
            {
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            Expect(response);
        }

        return Latency.Of(samples);
    });

    /// <summary>Disconnects A from B over a socket of its own (between two CLI calls).</summary>
    public static async Task DisconnectAsync(ILightningNode a, ILightningNode b)
    {
        await using var rpc = await a.RpcAsync().ConfigureAwait(false);
        Expect(await rpc.CallRawAsync("disconnect", $"{{\"id\":\"{b.NodeId}\"}}").ConfigureAwait(false));
    }

    private static async Task<T> OnOwnThreadAsync<T>(ILightningNode a, Func<RpcSocket, T> measure)
    {
        await using var rpc = await a.RpcAsync().ConfigureAwait(false);
        return await Task.Factory.StartNew(() => measure(rpc), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
    }

    /// <summary>Throws when a response is an error (a failed connect must not pass for a fast one).</summary>
    private static void Expect(string response)
    {
        if (!response.Contains("\"result\"", StringComparison.Ordinal))
        {
            throw new IOException($"RPC call failed: {response}");
        }
    }

    /// <summary>One connect (timed) and disconnect (untimed) from A to B, the same requests for both implementations.</summary>
    private sealed class Cycle(RpcSocket rpc, ILightningNode b)
    {
        private readonly string _connect = $"{{\"id\":\"{b.NodeId}\",\"host\":\"127.0.0.1\",\"port\":{b.Port}}}";
        private readonly string _disconnect = $"{{\"id\":\"{b.NodeId}\"}}";

        /// <summary>Connects (returns its wall time, ms) and disconnects.</summary>
        public double Timed()
        {
            var start = Stopwatch.GetTimestamp();
            var response = rpc.CallRaw("connect", _connect);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            Expect(response);
            Expect(rpc.CallRaw("disconnect", _disconnect));
            return elapsed;
        }
    }
}
