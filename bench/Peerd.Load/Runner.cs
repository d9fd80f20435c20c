using System.Diagnostics;
using Peerd.Load.Infrastructure;
using Peerd.Load.Lightning;
using Peerd.Load.Report;
using Peerd.Load.Scenarios;
using static Peerd.Load.Report.ResultTable;

namespace Peerd.Load;

/// <summary>Runs the scenarios in order, each against fresh or shared daemons, and fills the table.</summary>
internal sealed class Runner(LoadOptions options, ResultTable table, ComparisonTable latency)
{
    private const double HandshakeVsNodeTarget = 2;
    private const double HandshakeVsBoundTarget = 0.6;
    private const double SmallMessagesVsNodeTarget = 4;
    private const double LargeMessagesMegabytesTarget = 1_000;
    private const double RssPerPeerTargetKiB = 30;
    private const double IdleCpuTargetPercent = 10;

    private readonly SourceAddresses _sources = new(options.Sources);
    private TimeSpan Duration => TimeSpan.FromSeconds(options.Seconds);

    /// <summary>Every selected scenario.</summary>
    public async Task AllAsync()
    {
        var bound = new SecpBound(0, 0);
        if (Selected("secp"))
        {
            Program.Progress("secp256k1 bound: 2 key generations + 6 ECDH per handshake, on every core");
            // A bound is the best the machine does: the fastest of three runs, so a burst of other work on the
            // machine during one of them does not lower it.
            var runs = Enumerable.Range(0, 3).Select(_ => Secp256k1Bound.Measure(TimeSpan.FromSeconds(Math.Max(1, options.Seconds / 2)))).ToArray();
            var (wall, cpu) = runs.MaxBy(r => r.Rate);
            bound = new SecpBound(wall, cpu);
            table.Add(new ResultRow(
                $"secp256k1 work alone (2 keygen + 6 ECDH) on all {Environment.ProcessorCount} cores: handshakes/s (CPU µs each)",
                $"{N(wall)} ({cpu:F0} µs)"));
        }

        NodeServer? nodeServer = null;
        var node = options.NodeDirectory.Length > 0 && Selected("node") && NodeScripts.Available(RepoRoot.Find() ?? ".", out var why)
            ? new NodeScripts(options.NodeDirectory)
            : null;
        if (Selected("handshakes") || Selected("messages") || Selected("echo"))
        {
            try
            {
                await using var daemon = await DaemonProcess.StartAsync(options.PeerdDll, []).ConfigureAwait(false);
                if (node is not null)
                {
                    nodeServer = await node.StartServerAsync().ConfigureAwait(false);
                }

                if (Selected("handshakes"))
                {
                    await HandshakesAsync(daemon, node, nodeServer, bound).ConfigureAwait(false);
                }

                if (Selected("messages"))
                {
                    await MessagesAsync(daemon, node, nodeServer).ConfigureAwait(false);
                }

                if (Selected("messages") || Selected("echo"))
                {
                    await EchoAsync(daemon).ConfigureAwait(false);
                }
            }
            finally
            {
                if (nodeServer is not null)
                {
                    await nodeServer.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        if (Selected("rpc") || Selected("cli"))
        {
            // Their own fresh daemons (and Core Lightning nodes), started for each measurement.
            await new LatencyRunner(options, latency).RunAsync(Selected("rpc"), Selected("cli")).ConfigureAwait(false);
        }

        if (Selected("hold"))
        {
            await HoldAsync().ConfigureAwait(false);
        }
    }

    private bool Selected(string scenario) => options.Only.Contains(scenario);

    private async Task HandshakesAsync(DaemonProcess daemon, NodeScripts? node, NodeServer? nodeServer, SecpBound bound)
    {
        // Warm-up: JIT on both ends.
        await HandshakeScenario.RunAsync(daemon.EndPoint, daemon.NodeIdBytes, 4, TimeSpan.FromSeconds(1), _sources).ConfigureAwait(false);
        await daemon.WaitPeersAtMostAsync(0, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        double best = 0;
        double bestCpu = 0;
        foreach (var concurrency in options.Concurrency)
        {
            Program.Progress($"handshakes+init, concurrency {concurrency}");
            var daemonBefore = daemon.Stats();
            var toolBefore = ProcStats.Read(Environment.ProcessId);
            var (rate, failures) = await HandshakeScenario.RunAsync(daemon.EndPoint, daemon.NodeIdBytes, concurrency, Duration, _sources).ConfigureAwait(false);
            var daemonAfter = daemon.Stats();
            var toolAfter = ProcStats.Read(Environment.ProcessId);
            var count = rate * Stopwatch.GetElapsedTime(daemonBefore.At, daemonAfter.At).TotalSeconds;
            var daemonMicros = 1e6 * (daemonAfter.CpuSeconds - daemonBefore.CpuSeconds) / count;
            var toolMicros = 1e6 * (toolAfter.CpuSeconds - toolBefore.CpuSeconds) / count;
            await daemon.WaitPeersAtMostAsync(0, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            if (rate > best)
            {
                best = rate;
                bestCpu = daemonMicros + toolMicros;
            }

            double nodeSelf = 0;
            double nodeToPeerd = 0;
            var nodeMicros = "";
            if (node is not null && nodeServer is not null)
            {
                var serverBefore = nodeServer.Stats();
                var self = await node.RunClientAsync("handshakes", "127.0.0.1", nodeServer.EndPoint.Port, nodeServer.NodeId, concurrency, options.Seconds, options.Sources).ConfigureAwait(false);
                var serverAfter = nodeServer.Stats();
                nodeSelf = self["rate"]!.GetValue<double>();
                var handshakes = self["handshakes"]!.GetValue<double>();
                nodeMicros = handshakes > 0
                    ? $" (CPU µs each: server {1e6 * (serverAfter.CpuSeconds - serverBefore.CpuSeconds) / handshakes:F0}, client {self["cpuMicros"]!.GetValue<double>() / handshakes:F0})"
                    : "";
                nodeToPeerd = (await node.RunClientAsync("handshakes", "127.0.0.1", daemon.EndPoint.Port, daemon.NodeId, concurrency, options.Seconds, options.Sources).ConfigureAwait(false))["rate"]!.GetValue<double>();
                await daemon.WaitPeersAtMostAsync(0, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            }

            var ratio = nodeSelf > 0 ? rate / nodeSelf : 0;
            table.Add(new ResultRow(
                $"handshakes + init /s, concurrency {concurrency}" + (failures > 0 ? $" ({failures} failed)" : ""),
                $"{N(rate)} (CPU µs each: daemon {daemonMicros:F0}, client {toolMicros:F0})", nodeSelf > 0 ? N(nodeSelf) + nodeMicros : "", nodeToPeerd > 0 ? N(nodeToPeerd) : "",
                nodeSelf > 0 ? $"{ratio:F1}×" : "", $"≥ {HandshakeVsNodeTarget}× node-lightning",
                nodeSelf > 0 ? ratio >= HandshakeVsNodeTarget : null));
        }

        if (bound.Wall > 0)
        {
            var share = best / bound.Wall;
            table.Add(new ResultRow("best handshakes + init /s vs the secp256k1 bound measured on all cores", N(best), Ratio: $"{share:P0}",
                Target: $"≥ {HandshakeVsBoundTarget:P0} of {N(bound.Wall)}", Met: share >= HandshakeVsBoundTarget));

            // The same ratio in CPU time, both measured with every core busy: rate ÷ bound = curve CPU ÷ all CPU per
            // handshake when nothing else runs, and CPU time is stretched less than wall time by other work.
            var efficiency = bound.CpuMicroseconds / bestCpu;
            table.Add(new ResultRow(
                "secp256k1 CPU ÷ all CPU per handshake (daemon + client), at the best rate",
                $"{bound.CpuMicroseconds:F0} ÷ {bestCpu:F0} µs", Ratio: $"{efficiency:P0}",
                Target: $"≥ {HandshakeVsBoundTarget:P0}", Met: efficiency >= HandshakeVsBoundTarget));

            // The other floor: the same connection shape without any cryptography.
            Program.Progress("TCP floor: the handshake's connection shape without cryptography, concurrency 16");
            var (tcpRate, tcpMicros) = await TcpFloorScenario.RunAsync(16, Duration, _sources).ConfigureAwait(false);
            var ceiling = bound.CpuMicroseconds / (bound.CpuMicroseconds + tcpMicros);
            table.Add(new ResultRow(
                "same connection shape, no crypto (async .NET server, blocking clients): connections/s (CPU µs each, both ends)",
                $"{N(tcpRate)} ({tcpMicros:F0} µs)", Ratio: $"{ceiling:P0}",
                Target: "ratio = the most secp256k1 can be of a handshake's CPU over TCP"));
        }
    }

    private async Task MessagesAsync(DaemonProcess daemon, NodeScripts? node, NodeServer? nodeServer)
    {
        foreach (var (size, connections) in new[] { (1024, 1), (65535, 1), (1024, 16), (65535, 16) })
        {
            var label = size == 1024 ? "1 KiB" : "64 KiB";
            Program.Progress($"{label} unknown odd messages in, {connections} connection(s)");
            var peerd = await MessageScenario.InboundAsync(daemon.EndPoint, daemon.NodeIdBytes, size, connections, Duration, _sources, () => daemon.Stats().CpuSeconds).ConfigureAwait(false);
            await daemon.WaitPeersAtMostAsync(0, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            double nodeSelf = 0;
            double nodeToPeerd = 0;
            if (node is not null && nodeServer is not null)
            {
                nodeSelf = (await node.RunClientAsync("messages", "127.0.0.1", nodeServer.EndPoint.Port, nodeServer.NodeId, size, connections, options.Seconds, options.Sources).ConfigureAwait(false))["rate"]!.GetValue<double>();
                nodeToPeerd = (await node.RunClientAsync("messages", "127.0.0.1", daemon.EndPoint.Port, daemon.NodeId, size, connections, options.Seconds, options.Sources).ConfigureAwait(false))["rate"]!.GetValue<double>();
                await daemon.WaitPeersAtMostAsync(0, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            }

            var ratio = nodeSelf > 0 ? peerd.MessagesPerSecond / nodeSelf : 0;
            string target = "";
            bool? met = null;
            if (connections == 1 && size == 1024)
            {
                target = $"≥ {SmallMessagesVsNodeTarget}× node-lightning";
                met = nodeSelf > 0 ? ratio >= SmallMessagesVsNodeTarget : null;
            }
            else if (connections == 1)
            {
                target = $"≥ {N(LargeMessagesMegabytesTarget)} MB/s";
                met = peerd.MegabytesPerSecond >= LargeMessagesMegabytesTarget;
            }

            table.Add(new ResultRow(
                $"{label} messages in, {connections} connection{(connections > 1 ? "s" : "")}: msgs/s (MB/s); daemon CPU per message",
                $"{Cell(peerd.MessagesPerSecond, size)}; {CpuPerMessage(peerd)}", nodeSelf > 0 ? Cell(nodeSelf, size) : "", nodeToPeerd > 0 ? Cell(nodeToPeerd, size) : "",
                nodeSelf > 0 ? $"{ratio:F1}×" : "", target, met));
        }
    }

    private async Task EchoAsync(DaemonProcess daemon)
    {
        foreach (var size in new[] { 1024, 65535 })
        {
            var label = size == 1024 ? "1 KiB" : "64 KiB";
            Program.Progress($"ping → {label} pong echo, 1 connection");
            var echo = await MessageScenario.EchoAsync(daemon.EndPoint, daemon.NodeIdBytes, size, 1, Duration, _sources, () => daemon.Stats().CpuSeconds).ConfigureAwait(false);
            await daemon.WaitPeersAtMostAsync(0, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            table.Add(new ResultRow(
                $"ping → {label} pong out, 1 connection, 16 in flight: pongs/s (MB/s); daemon CPU per message",
                $"{Cell(echo.MessagesPerSecond, size)}; {CpuPerMessage(echo)}"));
        }
    }

    /// <summary>
    /// The daemon's CPU (user + system, from <c>/proc</c>, read when the run's clock starts and stops) per message: what
    /// a message costs whatever else the machine is doing. Connection set-up and the warm-up burst are outside it.
    /// </summary>
    private static string CpuPerMessage(Throughput run) =>
        run.DaemonMicrosPerMessage is { } micros ? $"daemon CPU {micros:F2} µs/msg" : "";

    private async Task HoldAsync()
    {
        Program.Progress($"hold: {options.HoldPeers} peers for {options.HoldSeconds} s, daemon pings after {options.PingIdleSeconds} s idle");
        await using var daemon = await DaemonProcess.StartAsync(options.PeerdDll, [$"--ping-idle-secs={options.PingIdleSeconds}"]).ConfigureAwait(false);
        var hold = await HoldScenario.RunAsync(daemon, options.HoldPeers, TimeSpan.FromSeconds(options.HoldSeconds), 64, _sources, Program.Progress).ConfigureAwait(false);
        table.Add(new ResultRow(
            $"peers held {hold.HoldSeconds:F0} s (connected in {hold.ConnectSeconds:F1} s), pings answered, dropped",
            $"{N(hold.Connected)} held, {N(hold.PeersAtEnd)} at end, {N(hold.PingsAnswered)} pings ({N(hold.PingsPerSecond)}/s), {hold.Dropped} dropped",
            Target: $"{N(options.HoldPeers)}, none dropped",
            Met: hold.Connected == options.HoldPeers && hold.PeersAtEnd == options.HoldPeers && hold.Dropped == 0 && hold.PingsAnswered > 0));
        var perPeerKiB = hold.RssPerPeerBytes / 1024;
        table.Add(new ResultRow(
            "daemon RSS per held peer (end − before connecting) / peers",
            $"{perPeerKiB:F1} KiB (RSS {hold.RssBeforeBytes / 1048576.0:F0} → {hold.RssEndBytes / 1048576.0:F0} MiB, max {hold.RssMaxBytes / 1048576.0:F0} MiB, {hold.ThreadsAtEnd} threads)",
            Target: $"≤ {RssPerPeerTargetKiB} KiB", Met: perPeerKiB <= RssPerPeerTargetKiB));
        table.Add(new ResultRow(
            "daemon CPU while holding (pings flowing)",
            $"{hold.IdleCpuPercent:F1}% of a core",
            Target: $"< {IdleCpuTargetPercent}% of a core", Met: hold.IdleCpuPercent < IdleCpuTargetPercent));
    }

    private static string Cell(double messagesPerSecond, int size) => $"{N(messagesPerSecond)} ({N(messagesPerSecond * size / 1e6)})";

    private readonly record struct SecpBound(double Wall, double CpuMicroseconds);
}
