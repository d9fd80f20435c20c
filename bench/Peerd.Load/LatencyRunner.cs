using Peerd.Load.Infrastructure;
using Peerd.Load.Report;
using Peerd.Load.Scenarios;

namespace Peerd.Load;

/// <summary>
/// The <c>rpc</c> and <c>cli</c> scenarios: <c>connect</c> and CLI latency as users meet them (fresh nodes, idle gaps,
/// the first cycles), beside the steady state, with Core Lightning in the same run and loop when the machine has it,
/// and the handshake-shape floor measured in the same run.
/// </summary>
internal sealed class LatencyRunner(LoadOptions options, ComparisonTable table)
{
    private const double VsClnTarget = 5;
    private const double VsFloorTarget = 1.5;
    private const double P99VsP50Target = 3;
    private const double FirstConnectTargetMs = 20;
    private const int FloorConnects = 3_000;

    /// <summary>Settling time between a pair's start and its first timed connect (start-up work done, threads idle).</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ShortGap = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan LongGap = TimeSpan.FromSeconds(1);

    private readonly ClnSetup _cln = ClnSetup.From(options.ClnStart, options.LightningCli);

    /// <summary>Runs what <paramref name="rpc"/> and <paramref name="cli"/> select.</summary>
    public async Task RunAsync(bool rpc, bool cli)
    {
        using var tools = CTools.Compile(RepoRoot.Find(), out var why);
        if (tools is null)
        {
            table.Note($"The C floor and launcher were not run: {why}.");
        }

        if (_cln.StartCommand is null)
        {
            table.Note($"Core Lightning not run: set {ClnSetup.StartVariable} to a command that starts a regtest node (see bench/README.md).");
        }

        if (rpc)
        {
            await ConnectAsync(tools).ConfigureAwait(false);
        }

        if (cli)
        {
            if (tools is null)
            {
                table.Note("CLI latency not run: it needs the C launcher (gcc).");
            }
            else
            {
                await CliAsync(tools).ConfigureAwait(false);
            }
        }
    }

    private async Task ConnectAsync(CTools? tools)
    {
        var cycles = options.IdleCycles;
        Program.Progress($"connect, 5 ms idle between cycles, the first {cycles} cycles of fresh nodes");
        var peerd = await OnPeerdPairAsync(p => RpcLatencyScenario.IdleAsync(p.A, p.B, cycles, ShortGap)).ConfigureAwait(false);
        var cln = await OnClnPairAsync(p => RpcLatencyScenario.IdleAsync(p.A, p.B, cycles, ShortGap)).ConfigureAwait(false);
        (double P50, double P99)? floor = null;
        (double P50, double P99)? floorIdle = null;
        (double P50, double P99)? floorEcdh = null;
        if (tools is not null)
        {
            Program.Progress("handshake-shape floor (C, both ends, curve work 40+80+80+40 µs as busy waits)");
            floor = tools.HandshakeShape(200, FloorConnects);
            floorIdle = tools.HandshakeShape((int)ShortGap.TotalMicroseconds, cycles);
            floorEcdh = tools.HandshakeShapeWithEcdh((int)ShortGap.TotalMicroseconds, cycles);
        }

        var label = $"`connect`, 5 ms idle between cycles, fresh nodes, first {cycles} cycles";
        table.Add(new ComparisonRow(label + ": p50 (p99, max)", Ms(peerd), cln is { } c ? Ms(c) : "", Faster(peerd.P50, cln?.P50),
            $"≥ {VsClnTarget}× faster than Core Lightning", cln is { } c2 ? c2.P50 / peerd.P50 >= VsClnTarget : null));
        if (floor is { } f)
        {
            table.Add(new ComparisonRow(label + ": p50 ÷ handshake-shape floor", $"{peerd.P50:F2} ÷ {f.P50:F2} ms", cln is { } c3 ? $"{c3.P50:F2} ÷ {f.P50:F2} ms" : "",
                $"{peerd.P50 / f.P50:F2}×", $"≤ {VsFloorTarget}× the floor", peerd.P50 / f.P50 <= VsFloorTarget));
        }

        table.Add(new ComparisonRow(label + ": p99 ÷ p50", $"{peerd.P99 / peerd.P50:F2}×", cln is { } c4 ? $"{c4.P99 / c4.P50:F2}×" : "", "",
            $"≤ {P99VsP50Target}×", peerd.P99 / peerd.P50 <= P99VsP50Target));
        table.Add(new ComparisonRow($"first `connect` after start ({Settle.TotalSeconds:F0} s after the nodes answer)", $"{peerd.First:F2} ms", cln is { } c5 ? $"{c5.First:F2} ms" : "", "",
            $"≤ {FirstConnectTargetMs} ms", peerd.First <= FirstConnectTargetMs));
        if (floor is { } f2 && floorIdle is { } fi)
        {
            table.Add(new ComparisonRow("handshake-shape floor: `bench/floor/handshake_shape.c both 40 80 80 40`, 200 µs between connects (the documented command)", $"p50 {f2.P50:F2} ms, p99 {f2.P99:F2} ms"));
            table.Add(new ComparisonRow($"handshake-shape floor, 5 ms idle between connects ({cycles} connects)", $"p50 {fi.P50:F2} ms, p99 {fi.P99:F2} ms"));
        }

        if (floorEcdh is { } fe)
        {
            table.Add(new ComparisonRow($"handshake-shape floor with libsecp256k1's ECDHs for the waits (`both ecdh ecdh ecdh ecdh`), 5 ms idle ({cycles} connects)",
                $"p50 {fe.P50:F2} ms, p99 {fe.P99:F2} ms", "", cln is { } c6 ? $"Peerd {peerd.P50 / fe.P50:F2}×, Core Lightning {c6.P50 / fe.P50:F2}× it" : $"Peerd {peerd.P50 / fe.P50:F2}× it"));
        }

        var longCycles = options.LongIdleCycles;
        if (longCycles > 0)
        {
            Program.Progress($"connect, 1 s idle between cycles, {longCycles} cycles (Peerd and Core Lightning interleaved)");
            var (peerdLong, clnLong) = await InterleavedAsync(longCycles).ConfigureAwait(false);
            table.Add(new ComparisonRow($"`connect`, 1 s idle between cycles, fresh nodes, first {longCycles} cycles: p50 (p99, max)", Ms(peerdLong), clnLong is { } cl ? Ms(cl) : "",
                Faster(peerdLong.P50, clnLong?.P50)));
        }

        Program.Progress($"connect back to back: {options.WarmUpCycles} untimed, then {options.RpcCycles} timed");
        var steady = await OnPeerdPairAsync(p => SteadyAndGetInfoAsync(p.A, p.B)).ConfigureAwait(false);
        var clnSteady = await OnClnPairAsync(p => SteadyAndGetInfoAsync(p.A, p.B)).ConfigureAwait(false);
        table.Add(new ComparisonRow($"`connect` back to back, steady state (after {options.WarmUpCycles:N0} untimed, n={steady.Connect.Count})", Ms(steady.Connect),
            clnSteady is { } cs ? Ms(cs.Connect) : "", Faster(steady.Connect.P50, clnSteady?.Connect.P50)));
        table.Add(new ComparisonRow("`getinfo` round trip, persistent socket (the RPC transport's floor)", Ms(steady.GetInfo),
            clnSteady is { } cg ? Ms(cg.GetInfo) : "", Faster(steady.GetInfo.P50, clnSteady?.GetInfo.P50)));
    }

    private async Task<(Latency Connect, Latency GetInfo)> SteadyAndGetInfoAsync(ILightningNode a, ILightningNode b)
    {
        var connect = await RpcLatencyScenario.SteadyAsync(a, b, options.WarmUpCycles, options.RpcCycles, TimeSpan.FromSeconds(120)).ConfigureAwait(false);
        var getinfo = await RpcLatencyScenario.GetInfoAsync(a, options.RpcCycles).ConfigureAwait(false);
        return (connect, getinfo);
    }

    private async Task<(Latency Peerd, Latency? Cln)> InterleavedAsync(int cycles)
    {
        var nodes = new List<ILightningNode>();
        try
        {
            var pairs = new List<(ILightningNode A, ILightningNode B)> { await StartPeerdPairAsync(nodes).ConfigureAwait(false) };
            if (_cln.StartCommand is { } start)
            {
                pairs.Add(await StartClnPairAsync(start, nodes).ConfigureAwait(false));
            }

            await Task.Delay(Settle).ConfigureAwait(false);
            var result = await RpcLatencyScenario.InterleavedAsync(pairs, cycles, LongGap).ConfigureAwait(false);
            return (result[0], result.Length > 1 ? result[1] : null);
        }
        finally
        {
            await DisposeAllAsync(nodes).ConfigureAwait(false);
        }
    }

    private async Task CliAsync(CTools tools)
    {
        var calls = options.CliCycles;
        var nodes = new List<ILightningNode>();
        try
        {
            var (a, b) = await StartPeerdPairAsync(nodes).ConfigureAwait(false);
            (ILightningNode A, ILightningNode B)? cln = _cln.StartCommand is { } start && _cln.LightningCli is not null
                ? await StartClnPairAsync(start, nodes).ConfigureAwait(false)
                : null;
            if (_cln.LightningCli is null)
            {
                table.Note($"lightning-cli not run: set {ClnSetup.CliVariable} to its path (and {ClnSetup.StartVariable}).");
            }

            await Task.Delay(Settle).ConfigureAwait(false);
            var wrapper = options.CliWrapper;
            string[] Dir(ILightningNode node) => [$"--lightning-dir={node.Directory}", "--network=regtest"];
            Program.Progress($"CLI calls, one process each ({calls} per command, alternated in {Rounds} rounds)");
            var clnCli = _cln.LightningCli;
            var version = Alternated(tools, calls, ("/bin/true", []), (options.Cli, ["--version"]), (wrapper, ["--version"]), (clnCli, ["--version"]));
            table.Add(new ComparisonRow("any process (`/bin/true`) through the same launcher: the floor of one call", Ms(version[0]!.Value)));
            table.Add(new ComparisonRow("`--version`: `./peerd-cli` (wrapper + native) vs `lightning-cli`", Ms(version[2]!.Value), version[3] is { } cv ? Ms(cv) : ""));
            table.Add(new ComparisonRow("`--version`, the native `peerd-cli` alone (its start-up); the wrapper's share is the difference", $"{Ms(version[1]!.Value)}; wrapper +{version[2]!.Value.P50 - version[1]!.Value.P50:F2} ms"));

            var getinfo = Alternated(tools, calls, (wrapper, [.. Dir(a), "getinfo"]), (options.Cli, [.. Dir(a), "getinfo"]), (cln is { } g ? clnCli : null, cln is { } g2 ? [.. Dir(g2.A), "getinfo"] : []));
            AddCliRow("`getinfo`", getinfo);

            var connect = await AlternatedConnectsAsync(tools, calls, (wrapper, a, b), (options.Cli, a, b), cln is { } c && clnCli is { } lc ? (lc, c.A, c.B) : null).ConfigureAwait(false);
            AddCliRow("`connect` (disconnect between, untimed)", connect);
        }
        finally
        {
            await DisposeAllAsync(nodes).ConfigureAwait(false);
        }
    }

    /// <summary>Rounds the calls of each command are split into, so a burst of other work on the machine hits every command alike.</summary>
    private const int Rounds = 5;

    private void AddCliRow(string call, Latency?[] latency)
    {
        var (wrapped, native, cln) = (latency[0]!.Value, latency[1]!.Value, latency[2]);
        table.Add(new ComparisonRow($"{call}, one process per call: `./peerd-cli` vs `lightning-cli`", Ms(wrapped), cln is { } c ? Ms(c) : "",
            cln is { } c2 ? $"{wrapped.P50 / c2.P50:F2}×" : "", "p50 ≤ lightning-cli's", cln is { } c3 ? wrapped.P50 <= c3.P50 : null));
        table.Add(new ComparisonRow($"{call}, the native `peerd-cli` alone", Ms(native)));
    }

    /// <summary>Each command (null program: skipped) run <paramref name="calls"/> times after 3 untimed, alternated in rounds.</summary>
    private static Latency?[] Alternated(CTools tools, int calls, params (string? Program, string[] Arguments)[] commands)
    {
        var samples = commands.Select(_ => new List<double>(calls)).ToArray();
        foreach (var (program, arguments) in commands)
        {
            if (program is not null)
            {
                tools.Spawn(3, program, arguments);
            }
        }

        for (var round = 0; round < Rounds; round++)
        {
            for (var i = 0; i < commands.Length; i++)
            {
                if (commands[i].Program is { } program)
                {
                    samples[i].AddRange(tools.Spawn(Math.Max(1, calls / Rounds), program, commands[i].Arguments));
                }
            }
        }

        return [.. samples.Select(s => s.Count > 0 ? Latency.Of(s) : (Latency?)null)];
    }

    /// <summary>
    /// <c>connect A→B</c> through each program (null: skipped), one process per call, alternated call by call, each
    /// followed by a disconnect over a socket of the tool's (untimed); 3 untimed calls each first.
    /// </summary>
    private static async Task<Latency?[]> AlternatedConnectsAsync(CTools tools, int calls, params (string Program, ILightningNode A, ILightningNode B)?[] commands)
    {
        var samples = commands.Select(_ => new List<double>(calls)).ToArray();
        for (var call = 0; call < calls + 3; call++)
        {
            for (var i = 0; i < commands.Length; i++)
            {
                if (commands[i] is not { } command)
                {
                    continue;
                }

                var elapsed = tools.SpawnOnce(command.Program, [$"--lightning-dir={command.A.Directory}", "--network=regtest", "connect", $"{command.B.NodeId}@127.0.0.1:{command.B.Port}"]);
                if (call >= 3)
                {
                    samples[i].Add(elapsed);
                }

                await RpcLatencyScenario.DisconnectAsync(command.A, command.B).ConfigureAwait(false);
            }
        }

        return [.. samples.Select(s => s.Count > 0 ? Latency.Of(s) : (Latency?)null)];
    }

    private async Task<T> OnPeerdPairAsync<T>(Func<(ILightningNode A, ILightningNode B), Task<T>> measure)
    {
        var nodes = new List<ILightningNode>();
        try
        {
            var pair = await StartPeerdPairAsync(nodes).ConfigureAwait(false);
            await Task.Delay(Settle).ConfigureAwait(false);
            return await measure(pair).ConfigureAwait(false);
        }
        finally
        {
            await DisposeAllAsync(nodes).ConfigureAwait(false);
        }
    }

    private async Task<T?> OnClnPairAsync<T>(Func<(ILightningNode A, ILightningNode B), Task<T>> measure)
        where T : struct
    {
        if (_cln.StartCommand is not { } start)
        {
            return null;
        }

        var nodes = new List<ILightningNode>();
        try
        {
            var pair = await StartClnPairAsync(start, nodes).ConfigureAwait(false);
            await Task.Delay(Settle).ConfigureAwait(false);
            return await measure(pair).ConfigureAwait(false);
        }
        finally
        {
            await DisposeAllAsync(nodes).ConfigureAwait(false);
        }
    }

    private Task<(ILightningNode A, ILightningNode B)> StartPeerdPairAsync(List<ILightningNode> nodes) =>
        PairAsync(DaemonProcess.StartAsync(options.PeerdDll, []), DaemonProcess.StartAsync(options.PeerdDll, []), nodes);

    private static Task<(ILightningNode A, ILightningNode B)> StartClnPairAsync(string start, List<ILightningNode> nodes) =>
        PairAsync(ClnNode.StartAsync(start), ClnNode.StartAsync(start), nodes);

    /// <summary>Both nodes started at once; whichever started goes into <paramref name="nodes"/> (disposed by the caller) even when the other failed.</summary>
    private static async Task<(ILightningNode A, ILightningNode B)> PairAsync<T>(Task<T> a, Task<T> b, List<ILightningNode> nodes)
        where T : ILightningNode
    {
        try
        {
            await Task.WhenAll(a, b).ConfigureAwait(false);
        }
        finally
        {
            foreach (var started in new[] { a, b }.Where(t => t.IsCompletedSuccessfully))
            {
                nodes.Add(started.Result);
            }
        }

        return (a.Result, b.Result);
    }

    private static async Task DisposeAllAsync(List<ILightningNode> nodes)
    {
        foreach (var node in nodes)
        {
            await node.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string Ms(Latency latency) => $"p50 {latency.P50:F2} ms (p99 {latency.P99:F2}, max {latency.Max:F2})";

    /// <summary>How many times faster Peerd is (the other's p50 ÷ Peerd's).</summary>
    private static string Faster(double peerd, double? other) => other is { } o ? $"{o / peerd:F1}× faster" : "";
}
