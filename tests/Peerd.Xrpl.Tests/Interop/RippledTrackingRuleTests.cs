using Peerd.Xrpl.Tests.Support;

namespace Peerd.Xrpl.Tests.Interop;

/// <summary>
/// rippled drops a peer it dialled whose tracking is still "unknown" after <c>[overlay] max_unknown_time</c> (600 s)
/// as "Not useful" (<c>PeerImp::onTimer</c>). An independent Node.js peer applies that rule with a short limit,
/// feeds Peerd a validator list and validations built by ripple-binary-codec/ripple-keypairs, and judges Peerd only by
/// the TMStatusChange it receives.
/// </summary>
[Trait("Category", "Interop")]
public sealed class RippledTrackingRuleTests : IDisposable
{
    private const string MaxUnknownSeconds = "3";

    private readonly string _dir = Directory.CreateTempSubdirectory("peerd-tracking-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task APeerdWithTrustAnchorsIsKeptPastMaxUnknownTime()
    {
        var fixtures = await ValidatorFixtures.BuildAsync(ledger: 90_000_000);
        var feed = Path.Combine(_dir, "feed.json");
        await File.WriteAllTextAsync(feed, fixtures.Data.ToJsonString());
        await using var node = await TestNode.StartAsync(o => o with { TrustAnchors = fixtures.Anchors });
        await using var peer = NodeScript.Start("peer.mjs", "dial", "--port", node.PeerEndpoint.Port.ToString(), "--feed", feed, "--max-unknown-time", MaxUnknownSeconds);

        var status = await peer.EventAsync("status");
        Assert.Equal(2, (int)status["newEvent"]!); // neACCEPTED_LEDGER
        Assert.Equal(90_000_000, (long)status["ledgerSeq"]!);
        Assert.Equal("converged", (string?)status["tracking"]);
        Assert.False((bool)status["hasLedgerHash"]!);
        Assert.False((bool)status["hasFirstSeq"]!);
        Assert.False((bool)status["hasLastSeq"]!);
        Assert.True((bool)status["hasNetworkTime"]!);

        var kept = await peer.EventAsync("kept");
        Assert.Equal("converged", (string?)kept["tracking"]);
        Assert.Single(node.Node.Overlay.Peers);
    }

    [Fact]
    public async Task APeerdWithoutTrustAnchorsIsDroppedAsNotUseful()
    {
        var fixtures = await ValidatorFixtures.BuildAsync(ledger: 90_000_000);
        var feed = Path.Combine(_dir, "feed.json");
        await File.WriteAllTextAsync(feed, fixtures.Data.ToJsonString());
        await using var node = await TestNode.StartAsync();
        await using var peer = NodeScript.Start("peer.mjs", "dial", "--port", node.PeerEndpoint.Port.ToString(), "--feed", feed, "--max-unknown-time", MaxUnknownSeconds);

        var dropped = await peer.EventAsync("dropped");
        Assert.Equal("Not useful", (string?)dropped["reason"]);
        Assert.Equal("unknown", (string?)dropped["tracking"]);
    }
}
