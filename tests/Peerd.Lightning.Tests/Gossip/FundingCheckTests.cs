using Peerd.TestKit;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Peerd.Lightning.Chain;
using Peerd.Lightning.Gossip;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Tests.Chain;
using static Peerd.Lightning.Tests.Gossip.Announcements;
using static Peerd.Lightning.Tests.Gossip.ChannelGossip;

namespace Peerd.Lightning.Tests.Gossip;

/// <summary>
/// The ingest with a chain source: a bitcoind stand-in over real HTTP (<see cref="TestBitcoind"/>; a real bitcoind
/// cannot run on this machine) holds the funding outputs the announcements name.
/// </summary>
public sealed class FundingCheckTests
{
    private static readonly ShortChannelId A = ShortChannelId.From(800_000, 1, 0);
    private const string TxidA = "aa00000000000000000000000000000000000000000000000000000000000001";

    [Fact]
    public async Task AnAnnouncementWhoseOutputIsUnspentAndMatchesIsStoredWithItsUpdatesAndCapacity()
    {
        await using var bitcoind = Chain();
        bitcoind.AddUnspent(TxidA, 0, Funding(1, 2), "0.16777215");
        using var source = Source(bitcoind);
        await using var h = new GraphHarness(funding: new FundingCheck(source, TimeProvider.System, new CapturedLog()));

        await h.FeedAsync(Announce(A, 1, 2), Update(A, 1, 2, 1, h.Now));

        Assert.Empty(h.Verdicts);
        Assert.Equal(1, h.Graph.ChannelCount);
        Assert.Equal(16_777_215_000UL, Assert.Single(h.Graph.ListDirections()).AmountMsat); // the output's value, not htlc_maximum_msat
        Assert.True(h.Graph.FundingOutputsChecked);
    }

    [Fact]
    public async Task ASpentOutputIsRefusedWithItsReasonAndTheChannelsUpdateWithIt()
    {
        await using var bitcoind = Chain(); // no unspent output: gettxout answers null
        using var source = Source(bitcoind);
        await using var h = new GraphHarness(funding: new FundingCheck(source, TimeProvider.System, new CapturedLog()));

        await h.FeedAsync(Announce(A, 1, 2), Update(A, 1, 2, 1, h.Now));

        Assert.Equal(
            [$"channel_announcement {A}: no unspent funding output: output {TxidA}:0 is spent or does not exist", $"channel_update for unknown channel {A} (its announcement was refused)"],
            h.Verdicts.Select(v => v.Reason));
        Assert.All(h.Verdicts, v => Assert.Equal(GossipVerdictKind.Refused, v.Kind));
        Assert.Equal(2, h.Ingest.Statistics.Refused);
        Assert.Equal(0, h.Graph.ChannelCount);
        Assert.Empty(h.Warnings); // refused, not invalid: no warning to the peer
    }

    [Fact]
    public async Task AnOutputPayingToOtherKeysIsRefused()
    {
        await using var bitcoind = Chain();
        bitcoind.AddUnspent(TxidA, 0, Funding(1, 3), "0.1");
        using var source = Source(bitcoind);
        await using var h = new GraphHarness(funding: new FundingCheck(source, TimeProvider.System, new CapturedLog()));

        await h.FeedAsync(Announce(A, 1, 2));

        var verdict = Assert.Single(h.Verdicts);
        Assert.Equal(GossipVerdictKind.Refused, verdict.Kind);
        Assert.Equal($"channel_announcement {A}: the output's script {Primitives.Hex.Encode(Funding(1, 3))} is not the P2WSH of bitcoin_key_1 and bitcoin_key_2 ({Primitives.Hex.Encode(Funding(1, 2))})", verdict.Reason);
        Assert.Equal(0, h.Graph.ChannelCount);
    }

    [Fact]
    public async Task ABlockPastTheTipIsRefused()
    {
        await using var bitcoind = Chain();
        using var source = Source(bitcoind);
        await using var h = new GraphHarness(funding: new FundingCheck(source, TimeProvider.System, new CapturedLog()));

        await h.FeedAsync(Announce(ShortChannelId.From(800_001, 0, 0), 1, 2));

        Assert.Equal("channel_announcement 800001x0x0: no unspent funding output: block 800001 is not in bitcoind's chain", Assert.Single(h.Verdicts).Reason);
    }

    [Fact]
    public async Task AnUnreachableBitcoindDefersThenRefusesThenRefusesAtOnceAndIsLoggedOnceAsAWarning()
    {
        using var source = new BitcoindChainSource(new BitcoindRpc(new BitcoindOptions("127.0.0.1", BitcoindChainSourceTests.ClosedPort(), "user", "secret", null), TimeSpan.FromSeconds(2)));
        var logger = new CapturedLog();
        var options = new FundingCheckOptions { DeferFor = TimeSpan.FromSeconds(1), RetryDelay = TimeSpan.FromMilliseconds(50), MaxRetryDelay = TimeSpan.FromMilliseconds(100), ProbeInterval = TimeSpan.FromMinutes(5) };
        var funding = new FundingCheck(source, TimeProvider.System, logger, options);
        await using var h = new GraphHarness(funding: funding);

        var started = Stopwatch.GetTimestamp();
        await h.FeedAsync(Announce(A, 1, 2)).WaitAsync(TimeSpan.FromSeconds(20));
        var deferred = Stopwatch.GetElapsedTime(started);
        started = Stopwatch.GetTimestamp();
        await h.FeedAsync(Announce(ShortChannelId.From(800_000, 2, 0), 3, 4)).WaitAsync(TimeSpan.FromSeconds(20));
        var second = Stopwatch.GetElapsedTime(started);

        Assert.InRange(deferred, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15)); // waited for bitcoind
        Assert.True(second < TimeSpan.FromSeconds(1), $"the second announcement waited {second}"); // the outage is known
        Assert.Equal(2, h.Verdicts.Count);
        Assert.All(h.Verdicts, v => Assert.Equal(GossipVerdictKind.Refused, v.Kind));
        Assert.Contains("funding output not checked, bitcoind unreachable: bitcoind at 127.0.0.1:", h.Verdicts[0].Reason, StringComparison.Ordinal);
        Assert.EndsWith("funding output not checked, bitcoind unreachable: no answer for over 1 s", h.Verdicts[1].Reason, StringComparison.Ordinal);
        Assert.Equal(2, funding.RefusedUnreachable);
        Assert.Equal(0, h.Graph.ChannelCount);
        var logged = Assert.Single(logger.Lines); // throttled: one warning for the outage
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.StartsWith("bitcoind unreachable: bitcoind at 127.0.0.1:", logged.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BitcoindAnsweringAgainEndsTheOutage()
    {
        await using var bitcoind = Chain();
        bitcoind.AddUnspent(TxidA, 0, Funding(1, 2), "0.1");
        using var source = new BitcoindChainSource(new BitcoindRpc(new BitcoindOptions("127.0.0.1", bitcoind.Port, "user", "secret", null), TimeSpan.FromSeconds(2)));
        var logger = new CapturedLog();
        var options = new FundingCheckOptions { DeferFor = TimeSpan.FromSeconds(30), RetryDelay = TimeSpan.FromMilliseconds(50), MaxRetryDelay = TimeSpan.FromMilliseconds(100) };
        await using var h = new GraphHarness(funding: new FundingCheck(source, TimeProvider.System, logger, options));
        bitcoind.Credentials = "user:other"; // refused until the test puts the right password back

        var feeding = h.FeedAsync(Announce(A, 1, 2));
        await Task.Delay(300);
        Assert.False(feeding.IsCompleted); // deferred while bitcoind does not answer
        bitcoind.Credentials = "user:secret";
        await feeding.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Empty(h.Verdicts);
        Assert.Equal(1, h.Graph.ChannelCount);
        Assert.Equal([LogLevel.Warning, LogLevel.Information], logger.Lines.Select(l => l.Level));
    }

    [Fact]
    public async Task PastTheDeferralOneProbePerIntervalFindsBitcoindBack()
    {
        await using var bitcoind = Chain();
        bitcoind.AddUnspent(TxidA, 0, Funding(1, 2), "0.1");
        bitcoind.Credentials = "user:other"; // refused: unavailable
        using var source = Source(bitcoind);
        var logger = new CapturedLog();
        var options = new FundingCheckOptions { DeferFor = TimeSpan.FromMilliseconds(200), RetryDelay = TimeSpan.FromMilliseconds(50), MaxRetryDelay = TimeSpan.FromMilliseconds(50), ProbeInterval = TimeSpan.FromSeconds(1) };
        await using var h = new GraphHarness(funding: new FundingCheck(source, TimeProvider.System, logger, options));

        await h.FeedAsync(Announce(A, 1, 2)).WaitAsync(TimeSpan.FromSeconds(20)); // deferred, then refused
        bitcoind.Credentials = "user:secret";
        await h.FeedAsync(Announce(A, 1, 2)).WaitAsync(TimeSpan.FromSeconds(20)); // within the probe interval: refused at once
        await Task.Delay(options.ProbeInterval + TimeSpan.FromMilliseconds(200)); // a timer may fire a little early
        await h.FeedAsync(Announce(A, 1, 2)).WaitAsync(TimeSpan.FromSeconds(20)); // the probe: bitcoind answers

        Assert.Equal(2, h.Verdicts.Count);
        Assert.All(h.Verdicts, v => Assert.Contains("bitcoind unreachable", v.Reason, StringComparison.Ordinal));
        Assert.Equal(1, h.Graph.ChannelCount);
        Assert.Equal([LogLevel.Warning, LogLevel.Information], logger.Lines.Select(l => l.Level));
    }

    /// <summary>The P2WSH funding output of the channel between nodes <paramref name="a"/> and <paramref name="b"/> (funding keys 1000+n).</summary>
    private static byte[] Funding(int a, int b) => FundingOutput.ScriptPubKey(Key(1000 + a).PublicKey, Key(1000 + b).PublicKey);

    private static TestBitcoind Chain()
    {
        var bitcoind = new TestBitcoind();
        bitcoind.AddBlock(800_000, "aa00000000000000000000000000000000000000000000000000000000000000", TxidA, "aa00000000000000000000000000000000000000000000000000000000000002");
        return bitcoind;
    }

    private static BitcoindChainSource Source(TestBitcoind bitcoind) =>
        new(new BitcoindRpc(new BitcoindOptions("127.0.0.1", bitcoind.Port, "user", "secret", null), TimeSpan.FromSeconds(10)));
}
