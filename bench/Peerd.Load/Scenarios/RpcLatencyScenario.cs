using System.Diagnostics;
using Peerd.Load.Infrastructure;
using Peerd.Load.Report;

namespace Peerd.Load.Scenarios;

/// <summary>
/// <c>connect</c> latency from daemon A to daemon B: connect (timed: dial, handshake, <c>init</c>, the RPC round
/// trip) then disconnect (untimed), in cycles; over one persistent RPC socket, or by running <c>peerd-cli</c> per call.
/// </summary>
internal static class RpcLatencyScenario
{
    /// <summary>
    /// Connects timed from the daemons' start as "early" figures: what a daemon that has made few connections does.
    /// </summary>
    public const int EarlyCycles = 500;

    /// <summary>
    /// Connects before the steady-state figures: the p50 of consecutive windows of 500 connects still fell until
    /// about 2,500 connects with the daemon's settings (until about 7,500 with .NET's default tiering), because the
    /// runtime re-compiles hot methods at their optimised tier only after 100 ms without new compilation work; a
    /// daemon that runs for days runs at its steady state.
    /// </summary>
    private const int WarmUpCycles = 5_000;

    /// <summary>
    /// Cycles over one persistent socket to A, from a thread of its own with blocking calls (as
    /// <c>lightning-cli</c> waits), so the figure is the daemons' time plus one wake-up of ours: the first
    /// <see cref="EarlyCycles"/> from start-up, then (after <see cref="WarmUpCycles"/> in all) the steady state.
    /// </summary>
    public static Task<(Latency Early, Latency Steady)> PersistentAsync(DaemonProcess a, DaemonProcess b, int cycles, TimeSpan limit) => OnOwnThreadAsync(a, rpc =>
    {
        var connect = $"{{\"id\":\"{b.NodeId}\",\"host\":\"127.0.0.1\",\"port\":{b.EndPoint.Port}}}";
        var disconnect = $"{{\"id\":\"{b.NodeId}\"}}";
        double TimedCycle()
        {
            var start = Stopwatch.GetTimestamp();
            var response = rpc.CallRaw("connect", connect);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            Expect(response);
            Expect(rpc.CallRaw("disconnect", disconnect));
            return elapsed;
        }

        var early = new List<double>(EarlyCycles);
        for (var i = 0; i < WarmUpCycles; i++)
        {
            var elapsed = TimedCycle();
            if (i < EarlyCycles)
            {
                early.Add(elapsed);
            }
        }

        var samples = new List<double>(cycles);
        var until = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (samples.Count < cycles && Stopwatch.GetTimestamp() < until)
        {
            samples.Add(TimedCycle());
        }

        return (Latency.Of(early), Latency.Of(samples));
    });

    /// <summary><c>getinfo</c> round trips over one persistent socket: the RPC transport's own floor.</summary>
    public static Task<Latency> GetInfoAsync(DaemonProcess a, int calls) => OnOwnThreadAsync(a, rpc =>
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

    private static async Task<T> OnOwnThreadAsync<T>(DaemonProcess a, Func<RpcSocket, T> measure)
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

    /// <summary>Cycles where each connect is a <c>peerd-cli</c> process (disconnect over a persistent socket).</summary>
    public static async Task<Latency> CliAsync(string cli, DaemonProcess a, DaemonProcess b, int cycles, TimeSpan limit)
    {
        await using var rpc = await a.RpcAsync().ConfigureAwait(false);
        var disconnect = $"{{\"id\":\"{b.NodeId}\"}}";
        var arguments = new[] { $"--rpc-file={a.RpcPath}", "connect", $"{b.NodeId}@127.0.0.1:{b.EndPoint.Port}" };
        await RunAsync(cli, arguments).ConfigureAwait(false);
        await rpc.CallAsync("disconnect", disconnect).ConfigureAwait(false);

        var samples = new List<double>(cycles);
        var until = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (samples.Count < cycles && Stopwatch.GetTimestamp() < until)
        {
            samples.Add(await RunAsync(cli, arguments).ConfigureAwait(false));
            await rpc.CallAsync("disconnect", disconnect).ConfigureAwait(false);
        }

        return Latency.Of(samples);
    }

    /// <summary>Wall time of <paramref name="program"/> with <paramref name="arguments"/> (output discarded).</summary>
    public static async Task<double> RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = Stopwatch.GetTimestamp();
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"cannot start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {await output.ConfigureAwait(false)}{await error.ConfigureAwait(false)}");
        }

        return elapsed;
    }
}
