using Peerd.EndToEnd.Tests.Infrastructure;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Primitives;
using Peerd.TestKit;
using Xunit.Abstractions;

namespace Peerd.EndToEnd.Tests.Faults;

/// <summary>
/// Peers that push without pause: one floods pings (read through, memory bounded); one asks for the largest pongs
/// and never reads them (its send queue fills and it is dropped before it costs memory — BOLT 1 lets a node fail a
/// peer that pings "significantly in excess of one ping per 30 seconds"). Meanwhile another peer is served.
/// </summary>
public sealed class FloodTests(ITestOutputHelper output)
{
    private const int Pings = 50_000;

    [Fact]
    public async Task APeerFloodingPingsIsReadThroughWhileOthersAreServedAndMemoryStaysBounded()
    {
        await using var daemon = await PeerdProcess.StartAsync();
        await using var bystander = await GoodPeer.ConnectAsync(daemon);
        await using var flooder = await GoodPeer.ConnectAsync(daemon);
        var rssBefore = ProcessMetrics.RssBytes(daemon.Process.Id);

        // 50,000 pings carrying 1 KiB each (~50 MiB) that ask for no pong (num_pong_bytes >= 65532): all cost is ours
        // to read. A last ordinary ping proves every one before it was read.
        var ping = new PingMessage(PingMessage.NoReplyThreshold, 1024).ToArray();
        for (var i = 0; i < Pings; i++)
        {
            await flooder.SendMessageAsync(ping);
            if (i % 10_000 == 0)
            {
                await GoodPeer.PingAsync(bystander);
            }
        }

        await GoodPeer.PingAsync(flooder);
        var rssAfter = ProcessMetrics.RssBytes(daemon.Process.Id);
        var peak = ProcessMetrics.PeakRssBytes(daemon.Process.Id);
        TestReport.Line(output, $"ping flood ({Pings} pings of 1 KiB, no pong asked): RSS before {ProcessMetrics.Mib(rssBefore)}, after {ProcessMetrics.Mib(rssAfter)}, peak {ProcessMetrics.Mib(peak)}");
        Assert.True(peak - rssBefore < 128L * 1024 * 1024, $"peak {ProcessMetrics.Mib(peak)} vs {ProcessMetrics.Mib(rssBefore)} before");
        await GoodPeer.PingAsync(bystander);
    }

    [Fact]
    public async Task APeerThatNeverReadsIsDroppedWhenItsSendQueueFills()
    {
        await using var daemon = await PeerdProcess.StartAsync();
        await using var bystander = await GoodPeer.ConnectAsync(daemon);
        await using var sink = await GoodPeer.ConnectAsync(daemon);
        var rssBefore = ProcessMetrics.RssBytes(daemon.Process.Id);

        // Each ping asks for the largest pong that is still answered (65,531 bytes); we never read one. The kernel's
        // buffers fill, then the 64-message send queue, and the daemon hangs up.
        var ping = new PingMessage(PingMessage.NoReplyThreshold - 1).ToArray();
        var sent = 0;
        try
        {
            while (sent < 5_000 && !daemon.ReadLog().Contains("send queue full", StringComparison.Ordinal))
            {
                await sink.SendMessageAsync(ping);
                sent++;
            }
        }
        catch (IOException)
        {
            // The daemon closed while we were still writing.
        }

        var line = await LogAssert.ContainsAsync(daemon, Hex.Encode(sink.Key.PublicKey), "disconnected: send queue full: peer is not reading");
        var rssAfter = ProcessMetrics.RssBytes(daemon.Process.Id);
        var peak = ProcessMetrics.PeakRssBytes(daemon.Process.Id);
        TestReport.Line(output, $"non-reading peer ({sent} pings for 64 KiB pongs, dropped: {line.Split(": ", 2)[^1]}): RSS before {ProcessMetrics.Mib(rssBefore)}, after {ProcessMetrics.Mib(rssAfter)}, peak {ProcessMetrics.Mib(peak)}");
        Assert.True(peak - rssBefore < 128L * 1024 * 1024, $"peak {ProcessMetrics.Mib(peak)} vs {ProcessMetrics.Mib(rssBefore)} before");
        await GoodPeer.PingAsync(bystander);
    }
}
