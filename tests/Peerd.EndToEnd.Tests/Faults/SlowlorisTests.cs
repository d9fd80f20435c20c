using Peerd.EndToEnd.Tests.Infrastructure;
using Peerd.TestKit;
using Xunit.Abstractions;

namespace Peerd.EndToEnd.Tests.Faults;

/// <summary>
/// Slowloris against a real daemon: 1,000 connections opened over ~5 s, each sending one byte a second and never
/// finishing act one. The handshake deadline (5 s here) drops every one of them, while a peer connected before the
/// attack keeps answering pings and a new peer connects during it; the daemon's memory stays bounded.
/// </summary>
public sealed class SlowlorisTests(ITestOutputHelper output)
{
    private const int Attackers = 1_000;

    [Fact]
    public async Task AThousandSlowSocketsAreDroppedByTheHandshakeDeadlineWhileGoodPeersAreServed()
    {
        await using var daemon = await PeerdProcess.StartAsync(extraArguments: ["--handshake-timeout-secs=5"]);
        await using var before = await GoodPeer.ConnectAsync(daemon);
        var rssBefore = ProcessMetrics.RssBytes(daemon.Process.Id);

        await using var attack = new SlowSockets();
        var opening = attack.OpenAsync(daemon.Port, Attackers, perBatch: 100, betweenBatches: TimeSpan.FromMilliseconds(500));

        // Meanwhile: the old peer is answered and a new one gets in, while the slow sockets hold their handshakes.
        await GoodPeer.PingAsync(before);
        await using var during = await GoodPeer.ConnectAsync(daemon);
        await opening;
        var rssDuring = ProcessMetrics.RssBytes(daemon.Process.Id);
        await GoodPeer.PingAsync(before);
        await GoodPeer.PingAsync(during);

        Assert.True(await attack.WaitAllClosedAsync(TimeSpan.FromSeconds(60)), $"{attack.ClosedByDaemon} of {attack.Opened} slow sockets closed");
        // The daemon logs each timeout just after closing the socket: wait for the last lines too.
        var timedOut = 0;
        await Eventually.TrueAsync(
            () => (timedOut = daemon.ReadLog().Split('\n').Count(l => l.Contains("closed during Cryptographic handshake: Connection timed out", StringComparison.Ordinal))) >= Attackers,
            $"{Attackers} handshake timeouts logged");

        await GoodPeer.PingAsync(before);
        await using (var after = await GoodPeer.ConnectAsync(daemon))
        {
            await GoodPeer.PingAsync(after);
        }

        var rssAfter = ProcessMetrics.RssBytes(daemon.Process.Id);
        var peak = ProcessMetrics.PeakRssBytes(daemon.Process.Id);
        TestReport.Line(output, $"slowloris ({Attackers} sockets, 1 byte/s, 5 s deadline): RSS before {ProcessMetrics.Mib(rssBefore)}, during {ProcessMetrics.Mib(rssDuring)}, after {ProcessMetrics.Mib(rssAfter)}, peak {ProcessMetrics.Mib(peak)}; {timedOut} handshakes timed out");

        // Generous: a thousand pending handshakes cost a few MiB of buffers, plus what the GC keeps. Not a timing.
        Assert.True(peak - rssBefore < 128L * 1024 * 1024, $"peak {ProcessMetrics.Mib(peak)} vs {ProcessMetrics.Mib(rssBefore)} before");
    }
}
